import { defineCatalog } from '../i18n/catalog';

/** The onboarding stages' names (onboarding-stages.ts), shared by the help desk and the pilot. */
export const messages = defineCatalog(
  'stages',
  {
    notStarted: 'Not started',
    tapIssued: 'TAP issued',
    tapUsed: 'TAP used',
    authenticatorRegistered: 'Authenticator registered',
    phoneSignInEnabled: 'Phone sign-in enabled',
    passkeyRegistered: 'Passkey in Authenticator registered',
  },
  {
    notStarted: 'Nicht begonnen',
    tapIssued: 'TAP ausgestellt',
    tapUsed: 'TAP verwendet',
    authenticatorRegistered: 'Authenticator registriert',
    phoneSignInEnabled: 'Telefonanmeldung aktiviert',
    passkeyRegistered: 'Hauptschlüssel (Passkey) in Authenticator registriert',
  },
);
