import { Box, Button, Chip, Link, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { SectionPanel } from '../../components/section-panel';
import { useRuntimeConfig } from '../../config/config-context';
import { messageRef } from '../../i18n/catalog';
import { useMessages } from '../../i18n/use-messages';
import type { CheckStatus, ReadinessCheck } from './checks';
import { messages } from './messages';
import { readinessQuery } from './queries';

/** Words first: the colour only repeats what the label says. */
const COLOR: Record<CheckStatus, 'success' | 'warning' | 'error' | 'default'> = {
  pass: 'success',
  warn: 'warning',
  fail: 'error',
  unknown: 'default',
};

function useReadinessMessages() {
  return useMessages(messages);
}

const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;
const hidden = (chunks: ReactNode[]) => (
  <Box component="span" sx={visuallyHidden}>
    {chunks}
  </Box>
);

function CheckPanel(props: { check: ReadinessCheck }) {
  const { check } = props;
  const { t, rich, say } = useReadinessMessages();
  return (
    <SectionPanel title={say(check.title)} sx={{ p: 2 }}>
      <Stack spacing={1}>
        <Box>
          <Chip
            label={t(`status.${check.status}`)}
            color={COLOR[check.status]}
            variant={check.status === 'unknown' ? 'outlined' : 'filled'}
            data-testid="check-status"
          />
        </Box>
        <Typography variant="body2">{say(check.summary)}</Typography>
        {check.readableBy ? (
          <Typography variant="body2">
            {rich('readableBy', { readers: say(check.readableBy), strong })}
          </Typography>
        ) : null}
        {check.fix ? (
          <Typography variant="body2">{rich('toFix', { fix: say(check.fix), strong })}</Typography>
        ) : null}
        <Typography variant="body2">
          <Link href={check.link.href} target="_blank" rel="noreferrer">
            {rich('newTab', { label: say(check.link.label), hidden })}
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
  const { t, intl } = useMessages(messages);
  const count = (status: CheckStatus) => props.checks.filter((c) => c.status === status).length;
  const parts = (['pass', 'warn', 'fail', 'unknown'] as const)
    .filter((status) => count(status) > 0)
    .map((status) => t(`count.${status}`, { count: count(status) }));
  return (
    <Typography variant="body1" role="status" sx={{ mb: 2 }}>
      {t('summary', {
        total: props.checks.length,
        parts: intl.formatList(parts, { type: 'unit' }),
      })}
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
  const { t } = useMessages(messages);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button
            variant="outlined"
            onClick={() => void checks.refetch()}
            disabled={checks.isFetching}
          >
            {t('checkAgain')}
          </Button>
        }
      />
      {checks.isPending ? (
        <Loading label={t('loading')} />
      ) : checks.isError ? (
        <ErrorState
          error={checks.error}
          context={{ doing: messageRef(messages, 'doing.check') }}
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
