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
  readiness: 'check the tenant before a pilot',
};

/** What to ask for, in the words of the Users and groups page and Roles & admins. */
function missingRole(capability: Capability): { title: string; ask: ReactNode } {
  if (capability === 'readiness') {
    return {
      title: `${CAPABILITY_LABELS.readiness} is for pilot managers and helpdesk leads`,
      ask: (
        <>
          the <strong>{APP_ROLES.pilot}</strong> app role, or, for a helpdesk lead,{' '}
          <strong>{APP_ROLES.helpdesk}</strong> together with the <strong>Global Reader</strong>{' '}
          directory role (Roles &amp; admins)
        </>
      ),
    };
  }
  return {
    title: `${CAPABILITY_LABELS[capability]} needs the ${APP_ROLES[capability]} app role`,
    ask: <strong>{APP_ROLES[capability]}</strong>,
  };
}

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
  const missing = missingRole(props.capability);
  return (
    <>
      <PageHeader title={CAPABILITY_LABELS[props.capability]} />
      <Alert severity="warning" role="alert">
        <AlertTitle>{missing.title}</AlertTitle>
        <Typography variant="body2">
          You are signed in as {session.account.username}, who does not hold the TAP Desk app role
          that lets people {WHY[props.capability]}. Ask your Entra administrator to assign{' '}
          {missing.ask} to you in Enterprise applications › TAP Desk › Users and groups, then sign
          out and in again.
        </Typography>
      </Alert>
    </>
  );
}
