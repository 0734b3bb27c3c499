import { Alert, AlertTitle, Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useReportsBudget } from '../../components/reports-budget';
import { SectionPanel } from '../../components/section-panel';
import { useRuntimeConfig } from '../../config/config-context';
import { describeErrorText } from '../../graph/describe-error';
import { messageRef } from '../../i18n/catalog';
import { Funnel } from './funnel';
import { headline, headlineText } from './headline';
import { GroupPicker } from './group-picker';
import { LoadProgress } from './load-progress';
import type { PilotNote, PilotSnapshot } from './loader';
import { MemberTable } from './member-table';
import { pilotProgressQuery } from './queries';
import {
  funnel,
  hasReached,
  rowBuilder,
  type MemberRow,
  stalledCounts,
  trend,
  type PilotClock,
  type StallRules,
} from './stages';
import { StalledSummary } from './stalled-summary';
import { TrendChart } from './trend-chart';
import { UncheckedPasses } from './unchecked-passes';
import { usePilotMessages } from './use-pilot-messages';
import { messages } from './messages';
import { usePilotParams } from './use-pilot-params';

const NO_ROWS: MemberRow[] = [];

const LOAD_ERROR_CONTEXT = {
  doing: messageRef(messages, 'doing.load'),
  needs: messageRef(messages, 'needs.load'),
};

function Section(props: {
  title: string;
  children: ReactNode;
  flex?: number;
  /** While loading, say that the figures are not final yet, and how far they go. */
  partial?: string | null;
}) {
  return (
    <SectionPanel title={props.title} sx={{ p: 2, flex: props.flex ?? 1, minWidth: 0 }}>
      {props.partial ? (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: -1, mb: 1 }}>
          {props.partial}
        </Typography>
      ) : null}
      {props.children}
    </SectionPanel>
  );
}

/** How partial the figures are while a load runs; null once they are complete. */
function partialText(
  snapshot: PilotSnapshot | null,
  t: ReturnType<typeof usePilotMessages>['t'],
): string | null {
  if (snapshot?.complete) return null;
  const read = snapshot?.progress.members.items ?? 0;
  const total = snapshot?.memberTotal;
  return total !== undefined && read < total ? t('partialRead', { read, total }) : t('provisional');
}

function NoteAlert(props: { note: PilotNote }) {
  const { note } = props;
  const { t, say, intl, stageLabel } = usePilotMessages();
  const description = describeErrorText(note.error, {
    doing: messageRef(messages, `doing.${note.source}`),
    needs: note.needs,
  });
  return (
    <Alert severity="warning">
      <AlertTitle>
        {t('lessPrecise', {
          stages: intl.formatList(note.affects.map(stageLabel), { type: 'unit' }),
        })}
      </AlertTitle>
      <Typography variant="body2">
        {t('noteBody', {
          title: say(description.title),
          detail: say(description.detail),
          members: note.members ? 'some' : 'none',
          count: note.members ?? 0,
        })}
      </Typography>
      <Typography variant="body2">{say(description.action)}</Typography>
    </Alert>
  );
}

export function PilotPage() {
  const config = useRuntimeConfig();
  const session = useSession();
  const client = session.graph('pilot');
  const budget = useReportsBudget();
  const [params, setParams] = usePilotParams();
  const words = usePilotMessages();
  const { t, stageLabel, stalledLabel } = words;
  const groupId = params.groupId ?? config.pilot.groups[0]?.id ?? null;
  // Once the manager asks for every one-time pass to be read, later refreshes read them too.
  const [readAllPasses, setReadAllPasses] = useState(false);
  const query = useQuery({
    ...pilotProgressQuery(
      client,
      groupId ?? '',
      {
        maxPassLifetimeMinutes: config.tap.fallbackPolicy.maximumLifetimeInMinutes,
        auditRetentionDays: config.audit.retentionDays,
        passReadLimit: readAllPasses ? Infinity : undefined,
      },
      budget,
      session.account,
    ),
    enabled: groupId !== null,
  });
  const snapshot: PilotSnapshot | null = query.data ?? null;
  const { refetch } = query;
  useEffect(() => {
    if (readAllPasses) void refetch();
  }, [readAllPasses, refetch]);
  const partial = partialText(snapshot, t);
  const stalledAfterHours = params.stalledAfterHours ?? config.pilot.stalledAfterHours;
  const noTapAfterDays = params.noTapAfterDays ?? config.pilot.noTapAfterDays;
  const rules = useMemo<StallRules>(
    () => ({ stalledAfterHours, noTapAfterDays }),
    [stalledAfterHours, noTapAfterDays],
  );
  const maxPassLifetimeMinutes = config.tap.fallbackPolicy.maximumLifetimeInMinutes;

  // A row is built once per change of a member rather than once per member per snapshot.
  const rowOf = useMemo(() => rowBuilder(rules), [rules]);
  const rows = useMemo(() => {
    if (!snapshot) return [];
    // Counts describe Graph as of the load, so "now" is the load's start, not the render's.
    const clock: PilotClock = {
      now: Date.parse(snapshot.loadedAt),
      pilotStart: Date.parse(snapshot.pilotStart),
      maxPassLifetimeMinutes,
    };
    return snapshot.members.map((member) => rowOf(member, clock));
  }, [snapshot, rowOf, maxPassLifetimeMinutes]);
  const steps = useMemo(() => funnel(rows), [rows]);
  const stalled = useMemo(() => stalledCounts(rows), [rows]);
  const summary = useMemo(
    () =>
      snapshot ? headlineText(headline(rows, Date.parse(snapshot.loadedAt)), words.intl) : null,
    [rows, snapshot, words.intl],
  );
  const days = useMemo(
    () =>
      snapshot
        ? trend(snapshot.members, Date.parse(snapshot.windowStart), Date.parse(snapshot.loadedAt))
        : [],
    [snapshot],
  );
  const visible = useMemo(
    () =>
      rows.filter(
        (row) =>
          (!params.stage || hasReached(row.stage, params.stage)) &&
          (!params.stalled || row.stalled === params.stalled),
      ),
    [rows, params.stage, params.stalled],
  );
  // The table takes the rows once a load is complete. Fed every page of a first load, the grid
  // re-indexed and re-sorted every row each time, and at 100,000 members froze the page for most
  // of the load (profiled for issue #14); the figures above it stay live meanwhile.
  const tableRows = snapshot?.complete ? visible : NO_ROWS;
  const groupName =
    snapshot?.group.displayName ?? config.pilot.groups.find((g) => g.id === groupId)?.displayName;
  // Stable, so the group picker is not drawn again for every snapshot of a load.
  const selectedGroup = useMemo(
    () => (groupId ? { id: groupId, displayName: groupName } : null),
    [groupId, groupName],
  );
  const selectGroup = useCallback(
    (id: string) => setParams({ groupId: id, stage: null, stalled: null, search: null }),
    [setParams],
  );

  if (!params.groupId && groupId) {
    return <Navigate to={`?group=${encodeURIComponent(groupId)}`} replace />;
  }

  const exportName = ['pilot', groupName ?? groupId ?? '', params.stage ?? '', params.stalled ?? '']
    .filter(Boolean)
    .join('-')
    .replace(/[^\w-]+/g, '-');

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={
          groupName
            ? t('subtitle', {
                group: groupName,
                members: snapshot ? 'some' : 'none',
                count: snapshot?.members.length ?? 0,
              })
            : t('chooseGroup')
        }
        actions={
          snapshot?.complete ? (
            <Button
              variant="outlined"
              disabled={query.isFetching}
              onClick={() => void query.refetch()}
            >
              {query.isFetching ? t('refreshing') : t('refresh')}
            </Button>
          ) : undefined
        }
      />
      <GroupPicker
        client={client}
        configured={config.pilot.groups}
        selected={selectedGroup}
        onSelect={selectGroup}
      />
      {!groupId ? (
        <Alert severity="info">{t('noGroup')}</Alert>
      ) : query.isError && !snapshot?.members.length ? (
        <ErrorState
          error={query.error}
          context={LOAD_ERROR_CONTEXT}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <Stack spacing={2}>
          <LoadProgress snapshot={snapshot} refreshing={query.isFetching && !!snapshot?.complete} />
          {query.isError ? (
            <ErrorState
              error={query.error}
              context={LOAD_ERROR_CONTEXT}
              onRetry={() => void query.refetch()}
            />
          ) : null}
          {summary ? (
            <Typography variant="h6" component="p" data-testid="pilot-headline">
              {snapshot?.complete ? summary : t('soFar', { headline: summary })}
            </Typography>
          ) : null}
          {snapshot?.notes.map((note) => (
            <NoteAlert key={note.source} note={note} />
          ))}
          {snapshot?.complete && snapshot.passesUnchecked > 0 ? (
            <UncheckedPasses
              count={snapshot.passesUnchecked}
              maxPassLifetimeMinutes={maxPassLifetimeMinutes}
              budget={budget}
              checking={readAllPasses && query.isFetching}
              onCheck={() => setReadAllPasses(true)}
            />
          ) : null}
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <Section title={t('funnel')} flex={2} partial={partial}>
              <Funnel
                steps={steps}
                selected={params.stage}
                onSelect={(stage) => setParams({ stage, stalled: null })}
              />
            </Section>
            <Section title={t('chase')} partial={partial}>
              <StalledSummary
                counts={stalled}
                rules={rules}
                selected={params.stalled}
                onSelect={(reason) => setParams({ stalled: reason, stage: null })}
                onRulesChange={(next) => setParams(next, { replace: true })}
              />
            </Section>
          </Stack>
          <Section title={t('perDay')}>
            <TrendChart days={days} />
          </Section>
          <Section
            title={t('members')}
            partial={snapshot?.complete ? null : t('tableWhenComplete')}
          >
            <Box sx={{ mb: 1, minHeight: 32 }}>
              {params.stage || params.stalled ? (
                <Chip
                  color="primary"
                  label={
                    params.stage
                      ? t('reached', { stage: stageLabel(params.stage), count: visible.length })
                      : t('needsChasing', {
                          reason: stalledLabel(params.stalled!),
                          count: visible.length,
                        })
                  }
                  onDelete={() => setParams({ stage: null, stalled: null })}
                />
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {t('narrow')}
                </Typography>
              )}
            </Box>
            <MemberTable
              rows={tableRows}
              loading={!snapshot?.complete}
              search={params.search}
              onSearchChange={(search) => setParams({ search }, { replace: true })}
              exportName={exportName}
            />
          </Section>
        </Stack>
      )}
    </>
  );
}
