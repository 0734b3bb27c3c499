import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Button, Chip, Grid, Link, Paper, Stack } from '@mui/material';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useBlocker, useParams } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { useRuntimeConfig } from '../../config/config-context';
import {
  goalReached,
  onboardingStage,
  type PasswordlessGoal,
  type TemporaryAccessPass,
} from '../../graph/authentication-methods';
import { isGraphError } from '../../graph/errors';
import { openAttempts, othersIssuing, unseenPass } from './attempts';
import { HandoverView, wipe, type Handover } from './handover-view';
import { IssueOutcome, progressText, ValueLost } from './issue-outcome';
import { isActive, issueChecks, policyView } from './issue-rules';
import { IssueTapForm } from './issue-tap-form';
import { MethodsPanel } from './methods-panel';
import { OnboardingStepper } from './onboarding-stepper';
import { defaultGoal } from './passkey-goal';
import { helpdeskPaths } from './paths';
import { helpdeskQueries } from './queries';
import { RecordNotice } from './record-notice';
import { RevokeDialog } from './revoke-dialog';
import { messageRef } from '../../i18n/catalog';
import { useMessages } from '../../i18n/use-messages';
import { messages } from './messages';
import { TapPanel } from './tap-panel';
import { useIssueTap } from './use-issue-tap';
import { useLiveInterval } from './use-live-interval';
import { useNow } from './use-now';
import { useRevokeTap } from './use-revoke-tap';
import { useSettleAttempts } from './use-settle-attempts';

export function UserPage() {
  const { userId = '' } = useParams();
  const session = useSession();
  const config = useRuntimeConfig();
  const client = session.graph('helpdesk');
  const site = { siteId: config.verification.siteId, listId: config.verification.listId };
  const [issuing, setIssuing] = useState(false);
  const now = useNow(1000);
  const [handover, setHandover] = useState<Handover | null>(null);
  // The pass is wiped whenever this handover ends: closed, replaced, or the page left.
  useEffect(() => {
    if (!handover) return;
    return () => wipe(handover.secret);
  }, [handover]);
  const [revoking, setRevoking] = useState<{ tap: TemporaryAccessPass; reason: string } | null>(
    null,
  );

  const user = useQuery(helpdeskQueries.user(client, userId));
  const [memberships, policy, passkeyPolicy] = useQueries({
    queries: [
      helpdeskQueries.memberships(client, userId),
      helpdeskQueries.policy(client),
      helpdeskQueries.passkeyPolicy(client),
    ],
  });
  // The agent's pick of end state; until they pick, the passkey policy decides (decision 0011).
  const [chosenGoal, setChosenGoal] = useState<PasswordlessGoal | null>(null);
  // Watch the user's methods while this page is open: quick at first, slower while nothing moves,
  // paused while the tab is hidden (TanStack skips intervals in background tabs).
  const live = useLiveInterval();
  const recentRecords = useQuery({
    ...helpdeskQueries.recentRecords(client, site, userId),
    // While an attempt is unfinished, watch for whoever completes it.
    refetchInterval: (query) => (openAttempts(query.state.data ?? []).length > 0 ? 10_000 : false),
  });
  const records = recentRecords.data;
  const unfinished = openAttempts(records ?? []).length > 0;
  const methods = useQuery({
    ...helpdeskQueries.methods(client, userId, live.pace),
    // An unfinished attempt is settled from the passes Graph shows: watch at the quick rate,
    // unless the shared limit holds every agent slower.
    refetchInterval: () => live.interval({ quick: unfinished }),
  });
  const taps = methods.data?.taps;
  const authenticators = methods.data?.authenticators;
  const stage = onboardingStage(taps ?? [], authenticators ?? [], methods.data?.fido2 ?? []);
  live.observe(stage, goalReached(stage) === null || handover !== null || unfinished);
  const suggested = defaultGoal({
    policy: passkeyPolicy.data,
    policyUnreadable: passkeyPolicy.isError,
    userId,
    groupIds: memberships.data?.groupIds ?? null,
  });
  const goal = chosenGoal ?? suggested.goal;

  const policyForbidden = isGraphError(policy.error, 403);
  const bounds = policyView(policy.data, config.tap.fallbackPolicy, config.tap.targetGroupIds);
  const issue = useIssueTap(client, userId, {
    me: session.account.username,
    onIssued: (value, tap) => {
      setIssuing(false);
      setHandover({
        secret: { value },
        tap,
        userName: user.data?.displayName ?? '',
        userPrincipalName: user.data?.userPrincipalName ?? '',
      });
    },
  });

  useSettleAttempts({ client, site, userId, records, taps, inFlight: issue.inFlight });
  const revoke = useRevokeTap(client, userId);

  // Leaving while a record is being written could leave an attempt pending: ask first.
  const saving = issue.isSaving || revoke.isPending;
  useEffect(() => {
    if (!saving) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saving]);
  const blocker = useBlocker(saving);
  const { t, rich, say, intl } = useMessages(messages);

  if (user.isPending) return <Loading label={t('user.loading')} />;
  if (user.isError) {
    return (
      <ErrorState
        error={user.error}
        context={{
          doing: messageRef(messages, 'doing.loadUser'),
          needs: messageRef(messages, 'needs.userRead'),
        }}
        onRetry={() => void user.refetch()}
      />
    );
  }

  const details = user.data;
  const target = {
    id: userId,
    upn: details.userPrincipalName ?? '',
    name: details.displayName ?? '',
  };
  const issuer = { upn: session.account.username, name: session.account.name };
  const activeTap = (taps ?? []).find(isActive) ?? null;
  const others = othersIssuing(records ?? [], session.account.username, now.getTime());
  const unseen = unseenPass(records ?? [], taps ?? []);
  const result = issue.result;
  // The handover's pass was deleted or replaced elsewhere: its id left the live methods.
  const superseded =
    handover !== null &&
    methods.data !== undefined &&
    !(taps ?? []).some((t) => t.id === handover.tap.id);
  // What could not be read is left to Graph to enforce; the form still opens.
  const checks = issueChecks({
    user: details,
    memberships: memberships.data ?? null,
    taps: taps ?? [],
    recordedIssues: (records ?? [])
      .filter((record) => record.Outcome === 'issued' || record.Outcome === 'replaced')
      .map((record) => record.IssuedAt),
    otherAgents: others,
    policy: bounds,
    passkeyPolicy: passkeyPolicy.data,
    issuer: { oid: session.account.oid, directoryRoleIds: session.directoryRoleIds },
    now: new Date(),
  });
  const multiUseActive = activeTap && activeTap.isUsableOnce === false ? activeTap : null;

  return (
    <>
      <Button
        component={RouterLink}
        to={helpdeskPaths.root}
        startIcon={<ArrowBackIcon />}
        sx={{ mb: 1 }}
      >
        {t('user.back')}
      </Button>
      <PageHeader
        title={details.displayName ?? t('user.fallbackName')}
        subtitle={[details.userPrincipalName, details.department, details.jobTitle]
          .filter(Boolean)
          .join(' · ')}
        actions={
          issuing ? null : (
            <Button
              variant="contained"
              onClick={() => {
                issue.reset();
                setIssuing(true);
              }}
              disabled={methods.isPending || memberships.isPending}
            >
              {t('user.issue')}
            </Button>
          )
        }
      />
      <Stack
        direction="row"
        spacing={1}
        sx={{ mb: 3, flexWrap: 'wrap', gap: 1 }}
        aria-label={t('user.account')}
      >
        <Chip
          color={details.accountEnabled === false ? 'error' : 'success'}
          label={t('user.accountState', { enabled: details.accountEnabled !== false })}
        />
        <Chip
          label={t('user.userType', { guest: details.userType === 'Guest' })}
          color={details.userType === 'Guest' ? 'warning' : 'default'}
        />
        {memberships.data ? (
          memberships.data.directoryRoles.length > 0 ? (
            <Chip
              color="warning"
              label={t('user.directoryAdmin', {
                roles: intl.formatList(
                  memberships.data.directoryRoles.map((role) => role.displayName ?? ''),
                ),
              })}
            />
          ) : (
            <Chip label={t('user.notAdmin')} />
          )
        ) : null}
      </Stack>
      {memberships.isError ? (
        <ErrorState
          error={memberships.error}
          context={{
            doing: messageRef(messages, 'doing.readRoles'),
            needs: messageRef(messages, 'needs.userRead'),
          }}
        />
      ) : null}

      <Stack spacing={3}>
        {result ? (
          <IssueOutcome
            result={result}
            onDismiss={issue.reset}
            onReplace={() => {
              issue.reset();
              setIssuing(true);
            }}
          />
        ) : null}
        {unseen && !issuing && result?.kind !== 'valueLost' ? (
          <ValueLost
            tap={unseen.tap}
            record={unseen.record}
            recorded
            why={t('user.valueLostWhy')}
            onReplace={() => {
              issue.reset();
              setIssuing(true);
            }}
          />
        ) : null}
        {issuing ? (
          <IssueTapForm
            userName={details.displayName ?? t('user.thisUser')}
            policy={bounds}
            policyUnreadable={policyForbidden}
            checks={checks}
            verificationMethods={config.verification.methods}
            busy={issue.isPending}
            status={progressText(t, issue.progress, now.getTime())}
            error={result?.kind === 'refused' ? result.error : null}
            errorNote={
              result?.kind === 'refused'
                ? t('user.refusedNote', { recorded: result.recorded })
                : undefined
            }
            changed={result?.kind === 'changed' ? result.detail : null}
            onCancel={() => {
              if (issue.isPending) issue.cancel();
              else issue.reset();
              setIssuing(false);
            }}
            onSubmit={(request) =>
              issue.issue({
                request,
                target,
                issuer,
                replacing: activeTap,
                acknowledgedAttempts: others.map((other) => other.attemptId),
              })
            }
          />
        ) : null}

        <Paper variant="outlined" sx={{ p: 2.5 }}>
          {methods.isPending ? (
            <Loading label={t('user.readingMethods')} />
          ) : methods.isError ? (
            <ErrorState
              error={methods.error}
              context={{
                doing: messageRef(messages, 'doing.readMethods'),
                needs: messageRef(messages, 'needs.readMethods'),
              }}
            />
          ) : (
            <OnboardingStepper stage={stage} goal={goal} sharedLimitSeconds={live.sharedSeconds} />
          )}
        </Paper>

        <Grid container spacing={3}>
          <Grid size={{ xs: 12, md: 6 }}>
            <TapPanel
              taps={taps}
              loading={methods.isPending}
              onRevoke={(tap) => {
                revoke.reset();
                setRevoking({ tap, reason: '' });
              }}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <MethodsPanel authenticators={authenticators} others={methods.data?.others} />
          </Grid>
        </Grid>
        <Alert severity="info" variant="outlined">
          {rich('user.reportNote', {
            link: (chunks) => (
              <Link
                href="https://learn.microsoft.com/entra/identity/authentication/howto-authentication-methods-activity"
                target="_blank"
                rel="noreferrer"
              >
                {chunks}
              </Link>
            ),
          })}
        </Alert>
      </Stack>

      {revoking ? (
        <RevokeDialog
          open
          userName={details.displayName ?? t('user.theUser')}
          defaultReason={revoking.reason}
          busy={revoke.isPending}
          error={revoke.error}
          onCancel={() => setRevoking(null)}
          onConfirm={({ reason, ticket }) =>
            revoke.revoke(
              { tap: revoking.tap, reason, ticket, target, issuer },
              { onSuccess: () => setRevoking(null) },
            )
          }
        />
      ) : null}

      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title={t('user.leaveTitle')}
        confirmLabel={t('user.leaveConfirm')}
        destructive
        onCancel={() => blocker.reset?.()}
        onConfirm={() => blocker.proceed?.()}
      >
        {t('user.leaveBody')}
      </ConfirmDialog>

      {handover ? (
        <HandoverView
          handover={handover}
          stage={stage}
          sharedLimitSeconds={live.sharedSeconds}
          goal={goal}
          goalReason={
            chosenGoal === null ? t('user.suggested', { reason: say(suggested.reason) }) : undefined
          }
          onGoalChange={setChosenGoal}
          hideAfterSeconds={config.tap.hideAfterSeconds}
          registrationUrl={config.registrationUrl}
          recordNotice={<RecordNotice {...issue.record} />}
          superseded={superseded}
          clipboardClearSeconds={config.tap.clipboardClearSeconds}
          spellingLanguage={config.tap.spellingLanguage}
          onDeleteTap={
            multiUseActive && goalReached(stage) !== null
              ? () => {
                  revoke.reset();
                  setRevoking({
                    tap: multiUseActive,
                    reason: t('user.revokeReason'),
                  });
                }
              : null
          }
          onClose={() => {
            // Wipe the holder first: every copy of this state React still keeps points at it.
            wipe(handover.secret);
            setHandover(null);
            issue.reset();
          }}
        />
      ) : null}
    </>
  );
}
