import { Box, Button, Chip, Link, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { SectionPanel } from '../../components/section-panel';
import { useRuntimeConfig } from '../../config/config-context';
import type { CheckStatus, ReadinessCheck } from './checks';
import { readinessQuery } from './queries';

/** Words first: the colour only repeats what the label says. */
const STATUS: Record<
  CheckStatus,
  { label: string; color: 'success' | 'warning' | 'error' | 'default' }
> = {
  pass: { label: 'Pass', color: 'success' },
  warn: { label: 'Warning', color: 'warning' },
  fail: { label: 'Fail', color: 'error' },
  unknown: { label: 'Unknown', color: 'default' },
};

function CheckPanel(props: { check: ReadinessCheck }) {
  const { check } = props;
  const status = STATUS[check.status];
  return (
    <SectionPanel title={check.title} sx={{ p: 2 }}>
      <Stack spacing={1}>
        <Box>
          <Chip
            label={status.label}
            color={status.color}
            variant={check.status === 'unknown' ? 'outlined' : 'filled'}
            data-testid="check-status"
          />
        </Box>
        <Typography variant="body2">{check.summary}</Typography>
        {check.readableBy ? (
          <Typography variant="body2">
            Your role cannot read this. Who can: <strong>{check.readableBy}</strong>.
          </Typography>
        ) : null}
        {check.fix ? (
          <Typography variant="body2">
            <strong>To fix:</strong> {check.fix}
          </Typography>
        ) : null}
        <Typography variant="body2">
          <Link href={check.link.href} target="_blank" rel="noreferrer">
            {check.link.label}
            <Box component="span" sx={visuallyHidden}>
              {' '}
              (opens in a new tab)
            </Box>
          </Link>
        </Typography>
      </Stack>
    </SectionPanel>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

function Summary(props: { checks: readonly ReadinessCheck[] }) {
  const count = (status: CheckStatus) => props.checks.filter((c) => c.status === status).length;
  const parts = (['pass', 'warn', 'fail', 'unknown'] as const)
    .filter((status) => count(status) > 0)
    .map((status) => `${count(status)} ${STATUS[status].label.toLowerCase()}`);
  return (
    <Typography variant="body1" role="status" sx={{ mb: 2 }}>
      {props.checks.length} checks: {parts.join(', ')}.
    </Typography>
  );
}

/**
 * The tenant against the rollout recipe, for pilot managers and helpdesk leads with Global
 * Reader. Read only: every check is a GET, and each says who fixes what it finds.
 */
export function ReadinessPage() {
  const session = useSession();
  const config = useRuntimeConfig();
  const checks = useQuery(readinessQuery(session.graph('readiness'), config));
  return (
    <>
      <PageHeader
        title="Tenant readiness"
        subtitle="Checks the tenant against the rollout recipe (admin guide steps 3 to 5). Nothing here changes the tenant."
        actions={
          <Button
            variant="outlined"
            onClick={() => void checks.refetch()}
            disabled={checks.isFetching}
          >
            Check again
          </Button>
        }
      />
      {checks.isPending ? (
        <Loading label="Reading the tenant's policies…" />
      ) : checks.isError ? (
        <ErrorState
          error={checks.error}
          context={{ doing: 'check the tenant' }}
          onRetry={() => void checks.refetch()}
        />
      ) : (
        <>
          <Summary checks={checks.data} />
          <Stack spacing={2}>
            {checks.data.map((check) => (
              <CheckPanel key={check.id} check={check} />
            ))}
          </Stack>
        </>
      )}
    </>
  );
}
