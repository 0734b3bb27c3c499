import { Alert, AlertTitle, Typography } from '@mui/material';
import { Navigate } from 'react-router-dom';
import { APP_ROLES } from '../../auth/capabilities';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/page-header';
import { sectionPath } from './shell-layout';

export function HomeRoute() {
  const session = useSession();
  const first = session.capabilities[0];
  if (first) return <Navigate to={sectionPath(first)} replace />;
  return (
    <>
      <PageHeader title={`Welcome, ${session.account.name}`} />
      <Alert severity="info">
        <AlertTitle>You do not have a TAP Desk role yet</AlertTitle>
        <Typography variant="body2" component="div">
          You signed in as {session.account.username}, but your account holds none of TAP Desk's app
          roles, so there is nothing here for you to use. Ask your Entra administrator to assign the
          role that fits your work in Enterprise applications › TAP Desk › Users and groups:
          <ul>
            <li>
              <strong>{APP_ROLES.helpdesk}</strong>: issue Temporary Access Passes to callers
            </li>
            <li>
              <strong>{APP_ROLES.pilot}</strong>: follow a passwordless pilot&apos;s progress
            </li>
            <li>
              <strong>{APP_ROLES.audit}</strong>: read who issued which pass, when and why
            </li>
          </ul>
          Then sign out and sign in again.
        </Typography>
      </Alert>
    </>
  );
}
