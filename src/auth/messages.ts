import { defineCatalog } from '../i18n/catalog';

export const messages = defineCatalog(
  'auth',
  {
    product: 'TAP Desk',
    pitch:
      'Move people to passwordless sign-in with Microsoft Authenticator, without ever handing anyone a password. Helpdesk staff issue Temporary Access Passes, managers follow pilot progress, auditors read the record.',
    tenant: 'Tenant: {tenantName}',
    signIn: 'Sign in',
    signInAgain: 'Sign in again',
  },
  {
    product: 'TAP Desk',
    pitch:
      'Stellen Sie Ihre Organisation auf die kennwortlose Anmeldung mit Microsoft Authenticator um, ohne jemals ein Kennwort weiterzugeben. Der Helpdesk stellt befristete Zugriffspässe (Temporary Access Pass) aus, Führungskräfte verfolgen den Fortschritt des Pilotprojekts, die Revision liest das Protokoll.',
    tenant: 'Mandant: {tenantName}',
    signIn: 'Anmelden',
    signInAgain: 'Erneut anmelden',
  },
);
