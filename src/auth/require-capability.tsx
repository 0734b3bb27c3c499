import { Alert, AlertTitle, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { PageHeader } from '../components/page-header';
import type { MessageRef } from '../i18n/catalog';
import { useMessages } from '../i18n/use-messages';
import { APP_ROLES, type Capability } from './capabilities';
import { ConsentRequired } from './consent-required';
import { messages } from './messages';
import { useConsentProblem, useSession } from './session';

const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

/**
 * Route guard: the page, or a clear explanation of the app role it needs, or of the Graph
 * permission Entra would not grant the section.
 */
export function RequireCapability(props: {
  capability: Capability;
  /** The section's name, kept as the heading so the page still says where the person is. */
  label: MessageRef;
  /** Ends "the TAP Desk app role that lets people …". */
  why: MessageRef;
  children: ReactNode;
}) {
  const { t, rich, say } = useMessages(messages);
  const session = useSession();
  const consent = useConsentProblem(props.capability);
  const label = say(props.label);
  if (session.capabilities.includes(props.capability)) {
    if (!consent.problem) return props.children;
    return (
      <>
        <PageHeader title={label} />
        <ConsentRequired
          problem={consent.problem}
          section={label}
          username={session.account.username}
          onTryAgain={consent.retry}
          onSignOut={() => void session.signOut()}
        />
      </>
    );
  }
  // Readiness has no app role of its own: pilot managers hold it, and so do helpdesk leads (the
  // helpdesk role together with the Global Reader directory role), in Entra's own words.
  const readiness = props.capability === 'readiness';
  const role = props.capability === 'readiness' ? APP_ROLES.pilot : APP_ROLES[props.capability];
  return (
    <>
      <PageHeader title={label} />
      <Alert severity="warning" role="alert">
        <AlertTitle>
          {readiness ? t('readinessRoleTitle', { label }) : t('missingRoleTitle', { label, role })}
        </AlertTitle>
        <Typography variant="body2">
          {rich('missingRoleBody', {
            username: session.account.username,
            why: say(props.why),
            readiness: readiness ? 'yes' : 'no',
            role,
            helpdesk: APP_ROLES.helpdesk,
            b: strong,
          })}
        </Typography>
      </Alert>
    </>
  );
}
