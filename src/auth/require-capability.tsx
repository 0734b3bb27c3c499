import { Alert, AlertTitle, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { PageHeader } from '../components/page-header';
import { APP_ROLES, type Capability } from './capabilities';
import { ConsentRequired } from './consent-required';
import { useConsentProblem, useSession } from './session';

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
  return (
    <>
      <PageHeader title={props.label} />
      <Alert severity="warning" role="alert">
        <AlertTitle>
          {props.label} needs the {APP_ROLES[props.capability]} app role
        </AlertTitle>
        <Typography variant="body2">
          You are signed in as {session.account.username}, who does not hold the TAP Desk app role
          that lets people {props.why}. Ask your Entra administrator to assign{' '}
          <strong>{APP_ROLES[props.capability]}</strong> to you in Enterprise applications › TAP
          Desk › Users and groups, then sign out and in again.
        </Typography>
      </Alert>
    </>
  );
}
