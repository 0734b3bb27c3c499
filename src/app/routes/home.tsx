import { Alert, AlertTitle, Typography } from '@mui/material';
import { Navigate } from 'react-router-dom';
import { APP_ROLES, capabilitiesFromRoles, type RoleCapability } from '../../auth/capabilities';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/page-header';
import { sectionsFor, type Section } from '../sections';

/** Each app role, with what the sections it opens offer (one role may open several). */
function roleOffers(sections: readonly Section[]) {
  return (Object.keys(APP_ROLES) as RoleCapability[])
    .map((role) => ({
      role: APP_ROLES[role],
      offers: sectionsFor(capabilitiesFromRoles([APP_ROLES[role]]), sections)
        .map((section) => section.intro)
        .join('; '),
    }))
    .filter((offer) => offer.offers);
}

/** The first section the person may open, or what to ask for when there is none. */
export function HomeRoute(props: { sections: readonly Section[] }) {
  const session = useSession();
  const first = sectionsFor(session.capabilities, props.sections)[0];
  if (first) return <Navigate to={first.paths.root} replace />;
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
            {roleOffers(props.sections).map(({ role, offers }) => (
              <li key={role}>
                <strong>{role}</strong>: {offers}
              </li>
            ))}
          </ul>
          Then sign out and sign in again.
        </Typography>
      </Alert>
    </>
  );
}
