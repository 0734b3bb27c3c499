import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import type { PilotSnapshot } from './loader';

const count = (n: number) => n.toLocaleString();

/** How far the load has got, with counts, while the page already shows what has arrived. */
export function LoadProgress(props: { snapshot: PilotSnapshot | null; refreshing: boolean }) {
  const { snapshot } = props;
  if (snapshot?.complete) {
    return (
      <Typography role="status" variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {props.refreshing
          ? 'Refreshing in the background; the figures below stay until the new ones are ready.'
          : `Loaded ${count(snapshot.members.length)} members as of ${new Date(snapshot.loadedAt).toLocaleString()}.`}
      </Typography>
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
