import { defineCatalog } from '../i18n/catalog';

export const messages = defineCatalog(
  'app',
  {
    signingIn: 'Signing in…',
  },
  {
    signingIn: 'Anmeldung läuft…',
  },
);
