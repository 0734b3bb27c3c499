import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Button, Chip, Grid, Link, Paper, Stack } from '@mui/material';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { useRuntimeConfig } from '../../config/config-context';
import {
  deleteTemporaryAccessPass,
  isPasswordlessEnabled,
  onboardingStage,
  type TemporaryAccessPass,
} from '../../graph/authentication-methods';
import { isGraphError } from '../../graph/errors';
import { HandoverView, wipe, type Handover } from './handover-view';
import { isActive, issueChecks, policyView } from './issue-rules';
import { IssueTapForm } from './issue-tap-form';
import { MethodsPanel } from './methods-panel';
import { OnboardingStepper } from './onboarding-stepper';
import { helpdeskKeys, helpdeskQueries } from './queries';
import { TapPanel } from './tap-panel';
import { useIssueTap } from './use-issue-tap';
import { useLiveInterval } from './use-live-interval';

export function UserPage() {
  const { userId = '' } = useParams();
  const session = useSession();
  const config = useRuntimeConfig();
  const client = session.graph('helpdesk');
  const queryClient = useQueryClient();
  const [issuing, setIssuing] = useState(false);
  const [handover, setHandover] = useState<Handover | null>(null);
  // The pass is wiped whenever this handover ends: closed, replaced, or the page left.
  useEffect(() => {
    if (!handover) return;
    return () => wipe(handover.secret);
  }, [handover]);
  const [revoking, setRevoking] = useState<TemporaryAccessPass | null>(null);

  const user = useQuery(helpdeskQueries.user(client, userId));
  const [memberships, policy] = useQueries({
    queries: [helpdeskQueries.memberships(client, userId), helpdeskQueries.policy(client)],
  });
  // Watch the user's methods while this page is open: quick at first, slower while nothing moves,
  // paused while the tab is hidden (TanStack skips intervals in background tabs).
  const live = useLiveInterval();
  const recentRecords = useQuery(
    helpdeskQueries.recentRecords(
      client,
      { siteId: config.verification.siteId, listId: config.verification.listId },
      userId,
    ),
  );
  const methods = useQuery({
    ...helpdeskQueries.methods(client, userId),
    refetchInterval: live.interval,
  });
  const taps = methods.data?.taps;
  const authenticators = methods.data?.authenticators;
  const stage = onboardingStage(taps ?? [], authenticators ?? []);
  live.observe(stage, stage !== 'phoneSignInEnabled' || handover !== null);

  const policyForbidden = isGraphError(policy.error, 403);
  const bounds = policyView(policy.data, config.tap.fallbackPolicy, config.tap.targetGroupIds);
  const issue = useIssueTap(client, userId, {
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

  const revoke = useMutation({
    mutationFn: async (tap: TemporaryAccessPass) => {
      if (tap.id) await deleteTemporaryAccessPass(client, userId, tap.id);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: helpdeskKeys.user(userId) });
      setRevoking(null);
    },
  });

  if (user.isPending) return <Loading label="Loading the user…" />;
  if (user.isError) {
    return (
      <ErrorState
        error={user.error}
        context={{ doing: 'load this user', needs: 'the User.Read.All permission' }}
        onRetry={() => void user.refetch()}
      />
    );
  }

  const details = user.data;
  const activeTap = (taps ?? []).find(isActive) ?? null;
  // What could not be read is left to Graph to enforce; the form still opens.
  const checks = issueChecks({
    user: details,
    memberships: memberships.data ?? null,
    taps: taps ?? [],
    recordedIssues: (recentRecords.data ?? []).map((record) => record.IssuedAt),
    policy: bounds,
    issuer: { oid: session.account.oid, directoryRoleIds: session.directoryRoleIds },
    now: new Date(),
  });
  const multiUseActive = activeTap && activeTap.isUsableOnce === false ? activeTap : null;

  return (
    <>
      <Button
        component={RouterLink}
        to=".."
        relative="path"
        startIcon={<ArrowBackIcon />}
        sx={{ mb: 1 }}
      >
        Back to search
      </Button>
      <PageHeader
        title={details.displayName ?? 'User'}
        subtitle={[details.userPrincipalName, details.department, details.jobTitle]
          .filter(Boolean)
          .join(' · ')}
        actions={
          issuing ? null : (
            <Button
              variant="contained"
              onClick={() => setIssuing(true)}
              disabled={methods.isPending || memberships.isPending}
            >
              Issue a Temporary Access Pass
            </Button>
          )
        }
      />
      <Stack
        direction="row"
        spacing={1}
        sx={{ mb: 3, flexWrap: 'wrap', gap: 1 }}
        aria-label="Account"
      >
        <Chip
          color={details.accountEnabled === false ? 'error' : 'success'}
          label={details.accountEnabled === false ? 'Account disabled' : 'Account enabled'}
        />
        <Chip
          label={details.userType === 'Guest' ? 'Guest' : 'Member'}
          color={details.userType === 'Guest' ? 'warning' : 'default'}
        />
        {memberships.data ? (
          memberships.data.directoryRoles.length > 0 ? (
            <Chip
              color="warning"
              label={`Directory admin: ${memberships.data.directoryRoles.map((role) => role.displayName).join(', ')}`}
            />
          ) : (
            <Chip label="Not a directory admin" />
          )
        ) : null}
      </Stack>
      {memberships.isError ? (
        <ErrorState
          error={memberships.error}
          context={{
            doing: 'read the user’s roles and groups',
            needs: 'the User.Read.All permission',
          }}
        />
      ) : null}

      <Stack spacing={3}>
        {issuing ? (
          <IssueTapForm
            userName={details.displayName ?? 'this user'}
            policy={bounds}
            policyUnreadable={policyForbidden}
            checks={checks}
            verificationMethods={config.verification.methods}
            busy={issue.isPending}
            error={issue.error}
            onCancel={() => {
              issue.reset();
              setIssuing(false);
            }}
            onSubmit={(request) =>
              issue.mutate({
                request,
                target: {
                  id: userId,
                  upn: details.userPrincipalName ?? '',
                  name: details.displayName ?? '',
                },
                issuer: { upn: session.account.username, name: session.account.name },
                replacing: activeTap,
              })
            }
          />
        ) : null}

        <Paper variant="outlined" sx={{ p: 2.5 }}>
          {methods.isPending ? (
            <Loading label="Reading the user’s sign-in methods…" />
          ) : methods.isError ? (
            <ErrorState
              error={methods.error}
              context={{
                doing: 'read the user’s sign-in methods',
                needs:
                  'the Authentication Administrator role and the UserAuthenticationMethod.Read.All permission',
              }}
            />
          ) : (
            <OnboardingStepper stage={stage} />
          )}
        </Paper>

        <Grid container spacing={3}>
          <Grid size={{ xs: 12, md: 6 }}>
            <TapPanel
              taps={taps}
              loading={methods.isPending}
              onRevoke={(tap) => {
                revoke.reset();
                setRevoking(tap);
              }}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <MethodsPanel authenticators={authenticators} others={methods.data?.others} />
          </Grid>
        </Grid>
        <Alert severity="info" variant="outlined">
          The tenant&apos;s registration details report lags by hours and needs Reports Reader; this
          page reads the user&apos;s methods live instead, every few seconds while it is open. See{' '}
          <Link
            href="https://learn.microsoft.com/entra/identity/authentication/howto-authentication-methods-activity"
            target="_blank"
            rel="noreferrer"
          >
            Authentication methods activity
          </Link>{' '}
          for the report.
        </Alert>
      </Stack>

      <ConfirmDialog
        open={revoking !== null}
        title="Delete this Temporary Access Pass?"
        confirmLabel="Delete pass"
        destructive
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking);
        }}
      >
        {details.displayName} will no longer be able to sign in with it. This cannot be undone; you
        can issue a new pass afterwards.
        {revoke.isError ? (
          <ErrorState
            error={revoke.error}
            context={{
              doing: 'delete the pass',
              needs:
                'the Authentication Administrator role and the UserAuthMethod-TAP.ReadWrite.All permission',
            }}
          />
        ) : null}
      </ConfirmDialog>

      {handover ? (
        <HandoverView
          handover={handover}
          stage={stage}
          hideAfterSeconds={config.tap.hideAfterSeconds}
          registrationUrl={config.registrationUrl}
          recordNotice={issue.recordNotice}
          onDeleteTap={
            multiUseActive && (authenticators ?? []).some(isPasswordlessEnabled)
              ? () => revoke.mutate(multiUseActive)
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
