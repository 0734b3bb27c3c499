import { defineCatalog } from '../../i18n/catalog';

/** The pilot page: headline, load progress, funnel, who to chase, trend and member table. */
export const messages = defineCatalog(
  'pilot',
  {
    title: 'Pilot progress',
    subtitle:
      '{group}{members, select, none {} other { · {count, plural, one {# member} other {# members}}}}',
    chooseGroup: 'Choose the pilot group to follow',
    refresh: 'Refresh',
    refreshing: 'Refreshing…',
    noGroup:
      'No pilot group is configured yet. Search for the security group that holds your pilot.',
    headline:
      '{share, number, ::percent .#} passwordless ({passwordless, number} of {members, number}), {lastWeek, number, ::sign-except-zero} this week{ending, select, done {. Everyone is passwordless.} projected {. At this pace, everyone by {date}.} other {}}',
    soFar: '{headline} (so far)',
    provisional: 'Partial: figures so far; they settle when loading finishes.',
    tableWhenComplete: 'The table fills in when loading finishes; the figures above are live.',
    partialRead: 'Partial: {read, number} of {total, number} members read…',
    'doing.passReads': 'read one-time passes',
    'doing.methodReads': 'read the methods of people who registered recently',
    'doing.load': 'load the pilot',
    'needs.load':
      'the GroupMember.Read.All and User.Read.All permissions, consented for TAP Desk Reports',
    'doing.auditLog': 'read the directory audit log',
    'doing.registrationReport': 'read the registration details report',
    'needs.passReads': '{roles} to read one-time passes',
    'needs.methodReads':
      "{roles} and UserAuthenticationMethod.Read.All to read the methods of people who registered since the report's last refresh",
    'needs.auditLog':
      'an Entra role that reads the audit log ({roles}), AuditLog.Read.All and Directory.Read.All',
    'needs.registrationReport':
      'an Entra role that reads authentication-method reports ({roles}), AuditLog.Read.All and Entra ID P1 or P2',
    lessPrecise: 'Less precise: {stages}',
    noteBody:
      '{title}. {detail}{members, select, none {} other { {count, plural, one {# member is} other {# members are}} affected.}}',
    funnel: 'Progress funnel',
    chase: 'Who to chase',
    perDay: 'Registrations per day',
    members: 'Members',
    reached: 'Reached: {stage} ({count, number})',
    needsChasing: 'Needs chasing: {reason} ({count, number})',
    narrow: 'Choose a funnel stage or a reason to chase to narrow the table.',
    'stage.member': 'Members',
    funnelCount: '{count, number} ({percent}%)',

    'groups.configured': 'Configured pilots',
    'groups.other': 'Other groups you can read',
    'groups.typeTwo': 'Type two letters to search',
    'groups.none': 'No groups found',
    'groups.label': 'Pilot group',
    'groups.helper': 'Choose a configured pilot, or type to search for any security group',

    'stalled.passNotUsed': 'TAP expired or unused',
    'stalled.phoneSignInNotEnabled': 'Authenticator registered, no passwordless method yet',
    'stalled.noPass': 'No TAP issued',
    'explain.passNotUsed':
      'The pass expired, or is unused {hours, plural, one {# hour} other {# hours}} after it was issued.',
    'explain.phoneSignInNotEnabled':
      'Authenticator registered {hours}+ hours ago, no passwordless method yet (no phone sign-in, no passkey).',
    'explain.noPass': 'In the pilot {days}+ days without a pass.',
    stalledAfter: 'Stalled after (hours)',
    noPassAfter: 'No pass after (days)',

    'trend.summary':
      'From {first} to {last}: {registrations, plural, one {# Authenticator registration} other {# Authenticator registrations}} and {completions, plural, one {# phone sign-in completion} other {# phone sign-in completions}} and {passkeys, plural, one {# passkey registration} other {# passkey registrations}} among current members. Earlier days are past the audit log’s retention.',
    'trend.none': 'No registrations in the audit window yet.',
    'trend.asChart': 'Show as chart',
    'trend.asTable': 'Show as table',
    'trend.table': 'Registrations per day',
    'trend.day': 'Day',
    'series.registrations': 'Authenticator registered',
    'series.completions': 'Phone sign-in enabled',
    'series.passkeys': 'Passkey registered',

    'load.refreshing':
      'Refreshing in the background; the figures below stay until the new ones are ready.',
    'load.restored':
      'Showing the figures as of {at, date, short} {at, time, short}{refreshing, select, yes {, refreshing…} other {.}}',
    'load.loaded':
      'Loaded {count, plural, one {# member} other {# members}} as of {at, date, short} {at, time, short}.',
    'load.report': 'Registration report as of {at, date, short} {at, time, short}',
    'load.audit': 'audit log to {at, date, short} {at, time, short}',
    'load.sources': '{sources}.',
    'load.newer':
      '{sources}. {count, plural, one {# member} other {# members}} registered since the report’s refresh; the audit log and a read of their methods cover them.',
    'load.loading': 'Loading pilot progress…',
    'load.membersLoaded': 'Members loaded',
    'load.passesRead': 'Passes read',
    'load.members':
      'Members: {loaded, number}{total, select, unknown {} other { of {totalCount, number}}}',
    'load.auditLog':
      'Audit log: {count, plural, one {# event} other {# events}}{done, select, true {} other {…}}',
    'load.registrationReport':
      'Registration report: {count, plural, one {# person} other {# people}} with Authenticator{done, select, true {} other {…}}',
    'load.methodReads': 'Recent registrations checked: {done, number} of {total, number}',
    'load.passReads':
      'Passes read: {done, number} of {total, number}{wait, select, none {} other { (about {seconds, number} s left)}}',
    'load.budget':
      'Graph allows this app about 5 report and authentication-method requests per 10 seconds, so large pilots take a while; the figures fill in as pages arrive.',

    'column.name': 'Name',
    'column.userName': 'User name',
    'column.department': 'Department',
    'column.stage': 'Stage',
    'column.stalled': 'Needs chasing',
    'column.tapIssued': 'TAP issued',
    'column.tapExpires': 'TAP expires',
    'column.authenticator': 'Authenticator',
    'column.passwordless': 'Passwordless method',
    'column.lastUpdate': 'Last update',
    expiresBy: 'by {at}',
    'authenticator.push': 'Push only',
    'authenticator.passwordless': 'Phone sign-in',
    'method.passkey': 'Passkey in Authenticator',
    'method.phoneSignIn': 'Phone sign-in',
    tableLabel: 'Pilot members',
    downloadCsv: 'Download as CSV',
  },
  {
    title: 'Fortschritt des Pilotprojekts',
    subtitle:
      '{group}{members, select, none {} other { · {count, plural, one {# Mitglied} other {# Mitglieder}}}}',
    chooseGroup: 'Wählen Sie die Pilotgruppe aus, die Sie verfolgen möchten',
    refresh: 'Aktualisieren',
    refreshing: 'Wird aktualisiert…',
    noGroup:
      'Es ist noch keine Pilotgruppe konfiguriert. Suchen Sie die Sicherheitsgruppe, die Ihr Pilotprojekt enthält.',
    headline:
      '{share, number, ::percent .#} kennwortlos ({passwordless, number} von {members, number}), {lastWeek, number, ::sign-except-zero} diese Woche{ending, select, done {. Alle sind kennwortlos.} projected {. Bei diesem Tempo sind alle bis {date} umgestellt.} other {}}',
    soFar: '{headline} (bisher)',
    provisional: 'Teilweise: vorläufige Zahlen; sie stehen fest, sobald alles geladen ist.',
    tableWhenComplete:
      'Die Tabelle wird gefüllt, sobald alles geladen ist; die Zahlen darüber sind aktuell.',
    partialRead: 'Teilweise: {read, number} von {total, number} Mitgliedern gelesen…',
    'doing.passReads': 'einmalige Pässe zu lesen',
    'doing.methodReads': 'die Methoden kürzlich registrierter Personen zu lesen',
    'doing.load': 'das Pilotprojekt zu laden',
    'needs.load':
      'die Berechtigungen GroupMember.Read.All und User.Read.All mit Zustimmung für TAP Desk Reports',
    'doing.auditLog': 'das Verzeichnisüberwachungsprotokoll zu lesen',
    'doing.registrationReport': 'den Bericht zu Registrierungsdetails zu lesen',
    'needs.passReads': '{roles}, um einmalige Pässe zu lesen',
    'needs.methodReads':
      '{roles} und UserAuthenticationMethod.Read.All, um die Methoden von Personen zu lesen, die sich seit der letzten Aktualisierung des Berichts registriert haben',
    'needs.auditLog':
      'eine Entra-Rolle, die das Überwachungsprotokoll lesen darf ({roles}), AuditLog.Read.All und Directory.Read.All',
    'needs.registrationReport':
      'eine Entra-Rolle, die Berichte zu Authentifizierungsmethoden lesen darf ({roles}), AuditLog.Read.All und Entra ID P1 oder P2',
    lessPrecise: 'Weniger genau: {stages}',
    noteBody:
      '{title}. {detail}{members, select, none {} other { {count, plural, one {# Mitglied ist} other {# Mitglieder sind}} betroffen.}}',
    funnel: 'Fortschrittstrichter',
    chase: 'Wer nachverfolgt werden sollte',
    perDay: 'Registrierungen pro Tag',
    members: 'Mitglieder',
    reached: 'Erreicht: {stage} ({count, number})',
    needsChasing: 'Nachverfolgen: {reason} ({count, number})',
    narrow:
      'Wählen Sie eine Stufe des Trichters oder einen Grund zum Nachverfolgen, um die Tabelle einzugrenzen.',
    'stage.member': 'Mitglieder',
    funnelCount: '{count, number} ({percent} %)',

    'groups.configured': 'Konfigurierte Pilotgruppen',
    'groups.other': 'Weitere Gruppen, die Sie lesen können',
    'groups.typeTwo': 'Geben Sie zwei Buchstaben ein, um zu suchen',
    'groups.none': 'Keine Gruppen gefunden',
    'groups.label': 'Pilotgruppe',
    'groups.helper':
      'Wählen Sie eine konfigurierte Pilotgruppe, oder suchen Sie nach einer beliebigen Sicherheitsgruppe',

    'stalled.passNotUsed': 'TAP abgelaufen oder nicht verwendet',
    'stalled.phoneSignInNotEnabled': 'Authenticator registriert, noch keine kennwortlose Methode',
    'stalled.noPass': 'Kein TAP ausgestellt',
    'explain.passNotUsed':
      'Der Pass ist abgelaufen oder {hours, plural, one {# Stunde} other {# Stunden}} nach der Ausstellung noch nicht verwendet.',
    'explain.phoneSignInNotEnabled':
      'Authenticator vor {hours}+ Stunden registriert, noch keine kennwortlose Methode (keine Telefonanmeldung, kein Hauptschlüssel).',
    'explain.noPass': 'Seit {days}+ Tagen im Pilotprojekt ohne Pass.',
    stalledAfter: 'Ins Stocken nach (Stunden)',
    noPassAfter: 'Kein Pass nach (Tagen)',

    'trend.summary':
      'Vom {first} bis {last}: {registrations, plural, one {# Authenticator-Registrierung} other {# Authenticator-Registrierungen}}, {completions, plural, one {# abgeschlossene Telefonanmeldung} other {# abgeschlossene Telefonanmeldungen}} und {passkeys, plural, one {# Hauptschlüssel-Registrierung} other {# Hauptschlüssel-Registrierungen}} unter den aktuellen Mitgliedern. Frühere Tage liegen außerhalb der Aufbewahrungsdauer des Überwachungsprotokolls.',
    'trend.none': 'Noch keine Registrierungen im Zeitraum des Überwachungsprotokolls.',
    'trend.asChart': 'Als Diagramm anzeigen',
    'trend.asTable': 'Als Tabelle anzeigen',
    'trend.table': 'Registrierungen pro Tag',
    'trend.day': 'Tag',
    'series.registrations': 'Authenticator registriert',
    'series.completions': 'Telefonanmeldung aktiviert',
    'series.passkeys': 'Hauptschlüssel registriert',

    'load.refreshing':
      'Wird im Hintergrund aktualisiert; die Zahlen unten bleiben, bis die neuen bereitstehen.',
    'load.restored':
      'Zahlen mit Stand {at, date, short} {at, time, short}{refreshing, select, yes {, werden aktualisiert…} other {.}}',
    'load.loaded':
      '{count, plural, one {# Mitglied} other {# Mitglieder}} geladen, Stand {at, date, short} {at, time, short}.',
    'load.report': 'Registrierungsbericht mit Stand {at, date, short} {at, time, short}',
    'load.audit': 'Überwachungsprotokoll bis {at, date, short} {at, time, short}',
    'load.sources': '{sources}.',
    'load.newer':
      '{sources}. {count, plural, one {# Mitglied hat} other {# Mitglieder haben}} sich seit der Aktualisierung des Berichts registriert; das Überwachungsprotokoll und ein Abruf ihrer Methoden decken sie ab.',
    'load.loading': 'Fortschritt des Pilotprojekts wird geladen…',
    'load.membersLoaded': 'Geladene Mitglieder',
    'load.passesRead': 'Gelesene Pässe',
    'load.members':
      'Mitglieder: {loaded, number}{total, select, unknown {} other { von {totalCount, number}}}',
    'load.auditLog':
      'Überwachungsprotokoll: {count, plural, one {# Ereignis} other {# Ereignisse}}{done, select, true {} other {…}}',
    'load.registrationReport':
      'Registrierungsbericht: {count, plural, one {# Person} other {# Personen}} mit Authenticator{done, select, true {} other {…}}',
    'load.methodReads': 'Geprüfte neue Registrierungen: {done, number} von {total, number}',
    'load.passReads':
      'Gelesene Pässe: {done, number} von {total, number}{wait, select, none {} other { (noch etwa {seconds, number} s)}}',
    'load.budget':
      'Graph erlaubt dieser App etwa 5 Berichts- und Authentifizierungsmethoden-Anfragen pro 10 Sekunden, daher dauern große Pilotprojekte eine Weile; die Zahlen füllen sich, während die Seiten eintreffen.',

    'column.name': 'Name',
    'column.userName': 'Benutzername',
    'column.department': 'Abteilung',
    'column.stage': 'Stufe',
    'column.stalled': 'Nachverfolgen',
    'column.tapIssued': 'TAP ausgestellt',
    'column.tapExpires': 'TAP läuft ab',
    'column.authenticator': 'Authenticator',
    'column.passwordless': 'Kennwortlose Methode',
    'column.lastUpdate': 'Letzte Änderung',
    expiresBy: 'bis spätestens {at}',
    'authenticator.push': 'Nur Push',
    'authenticator.passwordless': 'Telefonanmeldung',
    'method.passkey': 'Hauptschlüssel in Authenticator',
    'method.phoneSignIn': 'Telefonanmeldung',
    tableLabel: 'Mitglieder des Pilotprojekts',
    downloadCsv: 'Als CSV herunterladen',
  },
);
