import { defineCatalog } from '../i18n/catalog';

/**
 * The start-up failure page and the non-Microsoft hosts notice; what is wrong with each field is
 * in problems.messages.ts, what it should hold in fields.messages.ts.
 */
export const messages = defineCatalog(
  'config',
  {
    'hosts.label': "Hosts that are not Microsoft's",
    'hosts.title': "This TAP Desk uses hosts that are not Microsoft's",
    'hosts.body':
      'Its config.json names them in <code>allowNonMicrosoftHosts</code>: {hosts}. If your organisation did not set this up, do not sign in: tell whoever runs TAP Desk.',
    'hosts.host': '{host} ({roles})',
    'role.auth.authority': 'sign-in',
    'role.graph.baseUrl': 'directory data (Microsoft Graph)',
    'role.registrationUrl': 'the registration link and QR code',
    'boot.title': 'TAP Desk could not start',
    'boot.other': 'Something went wrong while it was starting: {message}',
    'boot.invalid':
      'Its configuration file, config.json, has {count, plural, one {# problem} other {# problems}}. Each field below needs correcting before TAP Desk can start.',
    'boot.offline':
      'It could not load its configuration file, config.json: the request did not reach the server.',
    'boot.status':
      'It could not load its configuration file, config.json: the server answered {status}.',
    'boot.notJson': 'Its configuration file, config.json, is not valid JSON.',
    'boot.put':
      'Put your <code>config.json</code> beside <code>index.html</code> on the web server (in <code>dist/</code> after a build).',
    'boot.html':
      'The server sent a web page instead of the file: <code>config.json</code> is probably not deployed, and the host answers unknown addresses with <code>index.html</code>.',
    'boot.jsonSaid': 'The JSON reader said: <code>{detail}</code>',
    'boot.problems': 'Problems in config.json',
    'boot.problem': '<code>{field}</code> {problem}.',
    'boot.shouldBe': 'Should be',
    'boot.example': 'Example',
    'boot.read': 'Configuration file read: <code>{url}</code>',
    'boot.docs':
      "Every field is described in <code>docs/configuration.md</code> in TAP Desk's source repository. Correct the file, then reload this page.",
  },
  {
    'hosts.label': 'Hosts, die nicht von Microsoft sind',
    'hosts.title': 'Dieses TAP Desk verwendet Hosts, die nicht von Microsoft sind',
    'hosts.body':
      'Seine config.json nennt sie in <code>allowNonMicrosoftHosts</code>: {hosts}. Wenn Ihre Organisation das nicht eingerichtet hat, melden Sie sich nicht an, sondern informieren Sie die Betreiber von TAP Desk.',
    'hosts.host': '{host} ({roles})',
    'role.auth.authority': 'Anmeldung',
    'role.graph.baseUrl': 'Verzeichnisdaten (Microsoft Graph)',
    'role.registrationUrl': 'Registrierungslink und QR-Code',
    'boot.title': 'TAP Desk konnte nicht starten',
    'boot.other': 'Beim Start ist ein Fehler aufgetreten: {message}',
    'boot.invalid':
      'Die Konfigurationsdatei config.json hat {count, plural, one {# Problem} other {# Probleme}}. Jedes der folgenden Felder muss korrigiert werden, bevor TAP Desk starten kann.',
    'boot.offline':
      'Die Konfigurationsdatei config.json konnte nicht geladen werden: Die Anfrage hat den Server nicht erreicht.',
    'boot.status':
      'Die Konfigurationsdatei config.json konnte nicht geladen werden: Der Server antwortete mit {status}.',
    'boot.notJson': 'Die Konfigurationsdatei config.json ist kein gültiges JSON.',
    'boot.put':
      'Legen Sie Ihre <code>config.json</code> auf dem Webserver neben <code>index.html</code> ab (nach einem Build in <code>dist/</code>).',
    'boot.html':
      'Der Server hat statt der Datei eine Webseite gesendet: <code>config.json</code> ist wahrscheinlich nicht bereitgestellt, und der Host beantwortet unbekannte Adressen mit <code>index.html</code>.',
    'boot.jsonSaid': 'Der JSON-Parser meldete: <code>{detail}</code>',
    'boot.problems': 'Probleme in config.json',
    'boot.problem': '<code>{field}</code> {problem}.',
    'boot.shouldBe': 'Erwartet',
    'boot.example': 'Beispiel',
    'boot.read': 'Gelesene Konfigurationsdatei: <code>{url}</code>',
    'boot.docs':
      'Jedes Feld ist in <code>docs/configuration.md</code> im Quellcode-Repository von TAP Desk beschrieben. Korrigieren Sie die Datei und laden Sie diese Seite dann neu.',
  },
);
