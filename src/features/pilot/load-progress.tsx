import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import type { PilotFreshness, PilotSnapshot } from './loader';

const count = (n: number) => n.toLocaleString();
const time = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** How fresh each source is: the report lags by hours, so newer registrations come from the audit log. */
function Freshness(props: { freshness: PilotFreshness }) {
  const { reportAsOf, auditLogTo, newerThanReport } = props.freshness;
  const sources = [
    reportAsOf ? `Registration report as of ${time(reportAsOf)}` : null,
    auditLogTo ? `audit log to ${time(auditLogTo)}` : null,
  ].filter(Boolean);
  if (sources.length === 0) return null;
  const newer =
    newerThanReport > 0
      ? ` ${count(newerThanReport)} ${newerThanReport === 1 ? 'member' : 'members'} registered since the report's refresh; the audit log and a read of their methods cover them.`
      : '';
  return (
    <Typography variant="body2" color="text.secondary" data-testid="pilot-freshness">
      {`${sources.join('; ')}.${newer}`}
    </Typography>
  );
}

/** How far the load has got, with counts, while the page already shows what has arrived. */
export function LoadProgress(props: { snapshot: PilotSnapshot | null; refreshing: boolean }) {
  const { snapshot } = props;
  if (snapshot?.complete) {
    return (
      <Box sx={{ mb: 2 }}>
        <Typography role="status" variant="body2" color="text.secondary">
          {snapshot.restored
            ? `Showing the figures as of ${time(snapshot.loadedAt)}${props.refreshing ? ', refreshing…' : '.'}`
            : props.refreshing
              ? 'Refreshing in the background; the figures below stay until the new ones are ready.'
              : `Loaded ${count(snapshot.members.length)} members as of ${new Date(snapshot.loadedAt).toLocaleString()}.`}
        </Typography>
        <Freshness freshness={snapshot.freshness} />
      </Box>
    );
  }
  const progress = snapshot?.progress;
  const total = snapshot?.memberTotal;
  const loaded = progress?.members.items ?? 0;
  const reads = progress?.passReads;
  const membersValue = total ? Math.min(100, (loaded / total) * 100) : undefined;
  const lines = [
    `Members: ${count(loaded)}${total !== undefined ? ` of ${count(total)}` : ''}`,
    `Audit log: ${count(progress?.auditLog.items ?? 0)} events${progress?.auditLog.done ? '' : '…'}`,
    `Registration report: ${count(progress?.registrationReport.items ?? 0)} people with Authenticator${progress?.registrationReport.done ? '' : '…'}`,
  ];
  const methodReads = progress?.methodReads;
  if (methodReads && methodReads.total > 0) {
    lines.push(
      `Recent registrations checked: ${count(methodReads.done)} of ${count(methodReads.total)}`,
    );
  }
  if (reads && reads.total > 0) {
    const wait = snapshot?.secondsLeft ? ` (about ${Math.ceil(snapshot.secondsLeft)} s left)` : '';
    lines.push(`Passes read: ${count(reads.done)} of ${count(reads.total)}${wait}`);
  }
  return (
    <Box sx={{ mb: 3 }}>
      <Typography role="status" variant="body2" sx={{ mb: 1 }}>
        Loading pilot progress…
      </Typography>
      <LinearProgress
        variant={membersValue === undefined ? 'indeterminate' : 'determinate'}
        value={membersValue}
        aria-label="Members loaded"
      />
      {reads && reads.total > 0 ? (
        <LinearProgress
          sx={{ mt: 1 }}
          variant="determinate"
          value={(reads.done / reads.total) * 100}
          aria-label="Passes read"
        />
      ) : null}
      <Stack
        component="ul"
        direction={{ xs: 'column', md: 'row' }}
        spacing={{ md: 3 }}
        sx={{ m: 0, mt: 1, p: 0, listStyle: 'none' }}
      >
        {lines.map((line) => (
          <Typography
            key={line.split(':')[0]}
            component="li"
            variant="body2"
            color="text.secondary"
          >
            {line}
          </Typography>
        ))}
      </Stack>
      <Typography variant="caption" color="text.secondary">
        Graph allows this app about 5 report and authentication-method requests per 10 seconds, so
        large pilots take a while; the figures fill in as pages arrive.
      </Typography>
    </Box>
  );
}
