import { Alert, AlertTitle, Box, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { useRuntimeConfig } from '../../config/config-context';
import { describeErrorText, verificationSiteAccessText } from '../../graph/describe-error';
import { messageRef } from '../../i18n/catalog';
import { useMessages, type Messages } from '../../i18n/use-messages';
import { AnomalyFilter } from './anomaly-filter';
import { AuditFiltersForm } from './audit-filters-form';
import { AuditTable } from './audit-table';
import {
  filterRange,
  filtersToParams,
  isoSeconds,
  readFilters,
  type AuditFilters,
  filterRows,
} from './filters';
import { messages } from './messages';
import { auditQueries } from './queries';
import type { Anomaly } from './audit-row';
import { reconcile } from './reconcile';

const HOUR = 3_600_000;

/** What each read needs, in the words the 403 message uses. */
const NEEDS = {
  auditLog: messageRef(messages, 'needs.auditLog'),
  roles: messageRef(messages, 'needs.roles'),
};

/**
 * The auditors' issuance record. Read-only by construction: it only ever reads (GET, and one
 * $batch of GETs), its session asks for read scopes only, and it offers no control that changes
 * anything in the directory or the list.
 */
export function AuditPage() {
  const words = useMessages(messages);
  const { t, say, intl } = words;
  const session = useSession();
  const config = useRuntimeConfig();
  const client = session.graph('audit');
  const site = { siteId: config.verification.siteId, listId: config.verification.listId };
  const [searchParams, setSearchParams] = useSearchParams();
  const [today] = useState(() => new Date());
  const filters = readFilters(searchParams, today, config.audit.defaultRangeDays);
  const range = filterRange(filters);
  const matchWindow = config.audit.matchWindowMinutes * 60_000;

  const { activity } = filters;
  // Deletions are asked for only when the chosen activity can show them: one reports-class
  // request fewer each otherwise. A person deletes their own passkey as "User deleted".
  const showAdminDeletions = ['all', 'tapDeleted', 'passkeyDeleted'].includes(activity);
  const showUserDeletions = activity === 'all' || activity === 'passkeyDeleted';
  // Creations from a day earlier, to see repeats across the range's first day; a few minutes
  // either side of the range, so records and events near its edges still find each other.
  const creations = useQuery(
    auditQueries.events(
      client,
      'adminRegistered',
      isoSeconds(range.from - 24 * HOUR),
      isoSeconds(range.to + 1 + matchWindow),
    ),
  );
  // Registrations up to now: a pass issued on the last day may be followed after the range.
  const registrations = useQuery(
    auditQueries.events(client, 'userRegistered', isoSeconds(range.from)),
  );
  const deletionRange = [isoSeconds(range.from), isoSeconds(range.to + 1 + matchWindow)] as const;
  const adminDeletions = useQuery({
    ...auditQueries.events(client, 'adminDeleted', ...deletionRange),
    enabled: showAdminDeletions,
  });
  const userDeletions = useQuery({
    ...auditQueries.events(client, 'userDeleted', ...deletionRange),
    enabled: showUserDeletions,
  });
  const records = useQuery(
    auditQueries.records(
      client,
      site,
      isoSeconds(range.from - matchWindow),
      isoSeconds(range.to + 1 + matchWindow),
    ),
  );
  const roleHolders = useQuery(auditQueries.roleHolders(client));

  const logQueries = [
    creations,
    registrations,
    ...(showAdminDeletions ? [adminDeletions] : []),
    ...(showUserDeletions ? [userDeletions] : []),
  ];
  const logError = logQueries.find((query) => query.isError)?.error;
  const loaded = logQueries.every((query) => query.isSuccess) && records.isSuccess;
  const rolesSettled = roleHolders.isSuccess || roleHolders.isError;
  const asOf = Math.max(...logQueries.map((query) => query.dataUpdatedAt), records.dataUpdatedAt);

  // Recomputed on render: the page re-renders only when a query or the filters change.
  const result =
    loaded && rolesSettled
      ? reconcile({
          events: logQueries.flatMap((query) => query.data ?? []),
          records: records.data?.records ?? [],
          roleHolders: roleHolders.data ?? null,
          range: { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() },
          now: asOf,
          matchWindowMinutes: config.audit.matchWindowMinutes,
          retentionDays: config.audit.retentionDays,
          fallbackLifetimeMinutes: config.tap.fallbackPolicy.maximumLifetimeInMinutes,
        })
      : null;

  function apply(next: Partial<AuditFilters>) {
    setSearchParams(filtersToParams({ ...filters, ...next }));
  }

  const rows = result ? filterRows(result.rows, filters) : [];
  const status = t('status', {
    count: rows.length,
    asOf: intl.formatDate(asOf, { dateStyle: 'medium', timeStyle: 'medium' }),
  });
  const retentionDate = new Date(today.getTime() - config.audit.retentionDays * 24 * HOUR);
  const pastRetention = range.from < retentionDate.getTime();
  const rolesUnavailable = roleHolders.isError
    ? {
        adminTarget: say(
          describeErrorText(roleHolders.error, {
            doing: messageRef(messages, 'doing.checkAdmins'),
            needs: NEEDS.roles,
          }).detail,
        ),
      }
    : undefined;

  return (
    // From lg up the page is as tall as the window below the app bar (64) and the main area's
    // padding (2 × 32), so the grid takes what is left and scrolls inside it, not the page.
    <Stack sx={{ height: { lg: 'calc(100dvh - 128px)' }, minHeight: { lg: 560 } }}>
      <PageHeader title={t('page.title')} subtitle={t('page.subtitle')} />
      <Stack
        direction={{ xs: 'column', lg: 'row' }}
        spacing={3}
        sx={{ flex: 1, minHeight: 0, alignItems: { lg: 'stretch' } }}
      >
        <Stack
          spacing={2}
          sx={{ width: { lg: 320 }, flexShrink: 0, overflowY: { lg: 'auto' }, pt: 1 }}
        >
          <AuditFiltersForm
            key={`${filters.from}|${filters.to}|${filters.activity}`}
            filters={filters}
            onApply={apply}
          />
          {result ? (
            <AnomalyFilter
              value={filters.anomaly}
              counts={result.counts}
              total={filterRows(result.rows, { activity: filters.activity }).length}
              unavailable={rolesUnavailable}
              onChange={(anomaly: Anomaly | undefined) => apply({ anomaly })}
            />
          ) : null}
        </Stack>
        <Stack spacing={2} sx={{ flex: 1, minWidth: 0, minHeight: 0 }}>
          {pastRetention ? (
            <Alert severity="info">
              <AlertTitle>{t('retention.title', { days: config.audit.retentionDays })}</AlertTitle>
              {t('retention.body', {
                date: intl.formatDate(retentionDate, { dateStyle: 'medium' }),
              })}
            </Alert>
          ) : null}
          {logError ? (
            <ErrorState
              error={logError}
              context={{ doing: messageRef(messages, 'doing.readLog'), needs: NEEDS.auditLog }}
              onRetry={() => logQueries.forEach((query) => void query.refetch())}
            />
          ) : records.isError ? (
            <ErrorState
              error={records.error}
              context={{
                doing: messageRef(messages, 'doing.readRecords'),
                ...verificationSiteAccessText('read'),
              }}
              onRetry={() => void records.refetch()}
            />
          ) : !result ? (
            <Loading label={t('loading')} />
          ) : (
            <>
              {roleHolders.isError ? (
                <ErrorState
                  error={roleHolders.error}
                  context={{
                    doing: messageRef(messages, 'doing.checkAdminPasses'),
                    needs: NEEDS.roles,
                  }}
                  onRetry={() => void roleHolders.refetch()}
                />
              ) : null}
              {records.data && records.data.unreadable > 0 ? (
                <Alert severity="warning">
                  {t('unreadable', { count: records.data.unreadable })}
                </Alert>
              ) : null}
              {rows.length === 0 ? (
                <>
                  <Typography variant="body2" color="text.secondary" role="status">
                    {status}
                  </Typography>
                  <Alert severity="success">
                    {t('nothingMatches', { filters: describeFilters(words, filters) })}
                  </Alert>
                </>
              ) : (
                <Box sx={{ flex: 1, minHeight: 400, height: { xs: 640, lg: 'auto' } }}>
                  <AuditTable
                    rows={rows}
                    label={t('gridLabel', { filters: describeFilters(words, filters) })}
                    status={status}
                    fileName={`tap-audit-${filters.from}-to-${filters.to}.csv`}
                  />
                </Box>
              )}
            </>
          )}
        </Stack>
      </Stack>
    </Stack>
  );
}

/** A filter's day (YYYY-MM-DD) as the reader writes dates; the day itself, whatever their zone. */
function day(intl: Messages<string>['intl'], iso: string): string {
  return intl.formatDate(`${iso}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
}

function describeFilters(
  words: Messages<keyof typeof messages.messages.en>,
  filters: AuditFilters,
) {
  const { t, intl } = words;
  return t('describeFilters', {
    activity: t(`activity.${filters.activity}`),
    from: day(intl, filters.from),
    to: day(intl, filters.to),
    flagged: filters.anomaly ? 'yes' : 'no',
    anomaly: filters.anomaly ? t(`anomaly.${filters.anomaly}`) : '',
  });
}
