import { defineCatalog } from '../i18n/catalog';

export const messages = defineCatalog(
  'components',
  {
    skipToMain: 'Skip to main content',
    sections: 'Sections',
    signOut: 'Sign out',
    colorSchemeLabel: 'Colours: {mode, select, light {light} dark {dark} other {as the system}}',
    colorSchemeSystem: 'As the system',
    colorSchemeLight: 'Light',
    colorSchemeDark: 'Dark',
    tryAgain: 'Try again',
    supportReference: 'Reference for support: {reference}',
    cancel: 'Cancel',
    loading: 'Loading…',
  },
  {
    skipToMain: 'Zum Hauptinhalt springen',
    sections: 'Bereiche',
    signOut: 'Abmelden',
    colorSchemeLabel: 'Farben: {mode, select, light {hell} dark {dunkel} other {wie das System}}',
    colorSchemeSystem: 'Wie das System',
    colorSchemeLight: 'Hell',
    colorSchemeDark: 'Dunkel',
    tryAgain: 'Erneut versuchen',
    supportReference: 'Referenz für den Support: {reference}',
    cancel: 'Abbrechen',
    loading: 'Wird geladen…',
  },
);
