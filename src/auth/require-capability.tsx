import { Alert, AlertTitle, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { PageHeader } from '../components/page-header';
import { APP_ROLES, type Capability } from './capabilities';
import { ConsentRequired } from './consent-required';
import { useConsentProblem, useSession } from './session';

/**
 * What to ask for, in the words of Enterprise applications › Users and groups and of Roles &
 * admins. Readiness has no app role of its own: pilot managers hold it, and so do helpdesk leads
 * (the helpdesk role together with the Global Reader directory role).
 */
function missingRole(capability: Capability, label: string): { title: string; ask: ReactNode } {
  if (capability === 'readiness') {
    return {
      title: `${label} is for pilot managers and helpdesk leads`,
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
    title: `${label} needs the ${APP_ROLES[capability]} app role`,
    ask: <strong>{APP_ROLES[capability]}</strong>,
  };
}

/**
 * Route guard: the page, or a clear explanation of the app role it needs, or of the Graph
 * permission Entra would not grant the section.
 */
export function RequireCapability(props: {
  capability: Capability;
  /** The section's name, kept as the heading so the page still says where the person is. */
  label: string;
  /** Ends "the TAP Desk app role that lets people …". */
  why: string;
  children: ReactNode;
}) {
  const session = useSession();
  const consent = useConsentProblem(props.capability);
  if (session.capabilities.includes(props.capability)) {
    if (!consent.problem) return props.children;
    return (
      <>
        <PageHeader title={props.label} />
        <ConsentRequired
          problem={consent.problem}
          section={props.label}
          username={session.account.username}
          onTryAgain={consent.retry}
          onSignOut={() => void session.signOut()}
        />
      </>
    );
  }
  const missing = missingRole(props.capability, props.label);
  return (
    <>
      <PageHeader title={props.label} />
      <Alert severity="warning" role="alert">
        <AlertTitle>{missing.title}</AlertTitle>
        <Typography variant="body2">
          You are signed in as {session.account.username}, who does not hold the TAP Desk app role
          that lets people {props.why}. Ask your Entra administrator to assign {missing.ask} to you
          in Enterprise applications › TAP Desk › Users and groups, then sign out and in again.
        </Typography>
      </Alert>
    </>
  );
}
