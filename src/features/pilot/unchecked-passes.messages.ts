import { defineCatalog } from '../../i18n/catalog';

/** The note on one-time passes a load did not read (loader.ts PASS_READS_UNASKED). */
export const messages = defineCatalog(
  'pilot.uncheckedPasses',
  {
    title:
      '{count, plural, one {# one-time pass not checked} other {# one-time passes not checked}}',
    body: 'These members got a one-time pass in the last {hours, plural, one {hour} other {# hours}} and have registered nothing since. Only a read of each pass tells whether they have signed in with it, and at this pilot size that takes about {minutes, plural, one {# minute} other {# minutes}} of the reports limit that auditors and other managers of the tenant share. Until then they count as “{issued}”, not “{used}”.',
    check: 'Check them now',
    checking: 'Checking…',
  },
  {
    title:
      '{count, plural, one {# einmaliger Zugriffspass nicht geprüft} other {# einmalige Zugriffspässe nicht geprüft}}',
    body: 'Diese Mitglieder haben in den letzten {hours, plural, one {Stunde} other {# Stunden}} einen einmaligen Zugriffspass erhalten und seitdem nichts registriert. Ob sie sich damit angemeldet haben, zeigt nur ein Abruf jedes einzelnen Passes; bei dieser Pilotgröße beansprucht das etwa {minutes, plural, one {# Minute} other {# Minuten}} des Berichtslimits, das sich Prüfer und andere Manager des Mandanten teilen. Bis dahin zählen sie als „{issued}“, nicht als „{used}“.',
    check: 'Jetzt prüfen',
    checking: 'Wird geprüft…',
  },
);
