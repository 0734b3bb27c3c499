import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import type { PilotFreshness, PilotSnapshot } from './loader';
import { usePilotMessages } from './use-pilot-messages';

/** How fresh each source is: the report lags by hours, so newer registrations come from the audit log. */
function Freshness(props: { freshness: PilotFreshness }) {
  const { t } = usePilotMessages();
  const { reportAsOf, auditLogTo, newerThanReport } = props.freshness;
  const sources = [
    reportAsOf ? t('load.report', { at: new Date(reportAsOf) }) : null,
    auditLogTo ? t('load.audit', { at: new Date(auditLogTo) }) : null,
  ].filter(Boolean);
  if (sources.length === 0) return null;
  const text =
    newerThanReport > 0
      ? t('load.newer', { sources: sources.join('; '), count: newerThanReport })
      : t('load.sources', { sources: sources.join('; ') });
  return (
    <Typography variant="body2" color="text.secondary" data-testid="pilot-freshness">
      {text}
    </Typography>
  );
}

/** How far the load has got, with counts, while the page already shows what has arrived. */
export function LoadProgress(props: { snapshot: PilotSnapshot | null; refreshing: boolean }) {
  const { snapshot } = props;
  const { t } = usePilotMessages();
  if (snapshot?.complete) {
    return (
      <Box sx={{ mb: 2 }}>
        <Typography role="status" variant="body2" color="text.secondary">
          {snapshot.restored
            ? t('load.restored', {
                at: new Date(snapshot.loadedAt),
                refreshing: props.refreshing ? 'yes' : 'no',
              })
            : props.refreshing
              ? t('load.refreshing')
              : t('load.loaded', {
                  count: snapshot.members.length,
                  at: new Date(snapshot.loadedAt),
                })}
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
    {
      key: 'members',
      text: t('load.members', {
        loaded,
        total: total === undefined ? 'unknown' : 'known',
        totalCount: total ?? 0,
      }),
    },
    {
      key: 'auditLog',
      text: t('load.auditLog', {
        count: progress?.auditLog.items ?? 0,
        done: String(progress?.auditLog.done === true),
      }),
    },
    {
      key: 'report',
      text: t('load.registrationReport', {
        count: progress?.registrationReport.items ?? 0,
        done: String(progress?.registrationReport.done === true),
      }),
    },
  ];
  const methodReads = progress?.methodReads;
  if (methodReads && methodReads.total > 0) {
    lines.push({
      key: 'methodReads',
      text: t('load.methodReads', { done: methodReads.done, total: methodReads.total }),
    });
  }
  if (reads && reads.total > 0) {
    const seconds = snapshot?.secondsLeft ? Math.ceil(snapshot.secondsLeft) : 0;
    lines.push({
      key: 'passReads',
      text: t('load.passReads', {
        done: reads.done,
        total: reads.total,
        wait: seconds ? 'some' : 'none',
        seconds,
      }),
    });
  }
  return (
    <Box sx={{ mb: 3 }}>
      <Typography role="status" variant="body2" sx={{ mb: 1 }}>
        {t('load.loading')}
      </Typography>
      <LinearProgress
        variant={membersValue === undefined ? 'indeterminate' : 'determinate'}
        value={membersValue}
        aria-label={t('load.membersLoaded')}
      />
      {reads && reads.total > 0 ? (
        <LinearProgress
          sx={{ mt: 1 }}
          variant="determinate"
          value={(reads.done / reads.total) * 100}
          aria-label={t('load.passesRead')}
        />
      ) : null}
      <Stack
        component="ul"
        direction={{ xs: 'column', md: 'row' }}
        spacing={{ md: 3 }}
        sx={{ m: 0, mt: 1, p: 0, listStyle: 'none' }}
      >
        {lines.map((line) => (
          <Typography key={line.key} component="li" variant="body2" color="text.secondary">
            {line.text}
          </Typography>
        ))}
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {t('load.budget')}
      </Typography>
    </Box>
  );
}
