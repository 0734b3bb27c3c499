import { Alert, AlertTitle, Typography } from '@mui/material';
import { Navigate } from 'react-router-dom';
import { APP_ROLES, capabilitiesFromRoles, type RoleCapability } from '../../auth/capabilities';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/page-header';
import { useMessages } from '../../i18n/use-messages';
import { messages } from '../messages';
import { sectionsFor, type Section } from '../sections';

/** Each app role, with the sections it opens (one role may open several). */
function roleOffers(sections: readonly Section[]) {
  return (Object.keys(APP_ROLES) as RoleCapability[])
    .map((role) => ({
      role: APP_ROLES[role],
      opens: sectionsFor(capabilitiesFromRoles([APP_ROLES[role]]), sections),
    }))
    .filter((offer) => offer.opens.length > 0);
}

/** The first section the person may open, or what to ask for when there is none. */
export function HomeRoute(props: { sections: readonly Section[] }) {
  const { t, rich, say } = useMessages(messages);
  const session = useSession();
  const first = sectionsFor(session.capabilities, props.sections)[0];
  if (first) return <Navigate to={first.paths.root} replace />;
  return (
    <>
      <PageHeader title={t('welcome', { name: session.account.name })} />
      <Alert severity="info">
        <AlertTitle>{t('noRoleTitle')}</AlertTitle>
        <Typography variant="body2" component="div">
          {t('noRoleBody', { username: session.account.username })}
          <ul>
            {roleOffers(props.sections).map(({ role, opens }) => (
              <li key={role}>
                {rich('roleOffer', {
                  role,
                  // Clauses of one sentence, so joined as clauses, not as a list of names.
                  offers: opens.map((section) => say(section.intro)).join('; '),
                  b: (chunks) => <strong>{chunks}</strong>,
                })}
              </li>
            ))}
          </ul>
          {t('noRoleThen')}
        </Typography>
      </Alert>
    </>
  );
}
