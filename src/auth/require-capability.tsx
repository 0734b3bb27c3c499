import { Alert, AlertTitle, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { PageHeader } from '../components/page-header';
import { APP_ROLES, CAPABILITY_LABELS, type Capability } from './capabilities';
import { ConsentRequired } from './consent-required';
import { useConsentProblem, useSession } from './session';

const WHY: Record<Capability, string> = {
  helpdesk: 'issue Temporary Access Passes',
  pilot: 'follow pilot progress',
  audit: 'read the audit record',
};

/**
 * Route guard: the page, or a clear explanation of the app role it needs, or of the Graph
 * permission Entra would not grant the section.
 */
export function RequireCapability(props: { capability: Capability; children: ReactNode }) {
  const session = useSession();
  const consent = useConsentProblem(props.capability);
  if (session.capabilities.includes(props.capability)) {
    if (!consent.problem) return props.children;
    return (
      <>
        <PageHeader title={CAPABILITY_LABELS[props.capability]} />
        <ConsentRequired
          problem={consent.problem}
          username={session.account.username}
          onTryAgain={consent.retry}
          onSignOut={() => void session.signOut()}
        />
      </>
    );
  }
  // The section keeps its heading, so the page still says where the person is.
  return (
    <>
      <PageHeader title={CAPABILITY_LABELS[props.capability]} />
      <Alert severity="warning" role="alert">
        <AlertTitle>
          {CAPABILITY_LABELS[props.capability]} needs the {APP_ROLES[props.capability]} app role
        </AlertTitle>
        <Typography variant="body2">
          You are signed in as {session.account.username}, who does not hold the TAP Desk app role
          that lets people {WHY[props.capability]}. Ask your Entra administrator to assign{' '}
          <strong>{APP_ROLES[props.capability]}</strong> to you in Enterprise applications › TAP
          Desk › Users and groups, then sign out and in again.
        </Typography>
      </Alert>
    </>
  );
}
