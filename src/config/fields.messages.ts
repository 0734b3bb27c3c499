import { defineCatalog } from '../i18n/catalog';
import type { FieldPath } from './config-fields';

/**
 * What each field of config.json should hold, in words an Entra admin knows: the start-up failure
 * page shows it beside a field's problem. Keys are config-fields.ts's field paths.
 */
const en = {
  'config.json':
    'a JSON object with the sections auth, graph, tap, verification and pilot (see docs/configuration.md)',
  tenantName: 'the organisation name TAP Desk shows in its header',
  auth: 'an object with the sign-in settings: clientId, reportsClientId, authority, protocolMode',
  'auth.clientId': 'the Application (client) ID of the TAP Desk app registration, a GUID',
  'auth.reportsClientId':
    'the Application (client) ID of the TAP Desk Reports app registration (the read-only one npm run register-app creates beside TAP Desk), a GUID',
  'auth.authority':
    "https://login.microsoftonline.com/ (or a national cloud's sign-in host) followed by your Directory (tenant) ID, or a verified domain, and /v2.0",
  'auth.protocolMode': '"AAD" for Microsoft Entra ID ("OIDC" is for the local emulator only)',
  'auth.knownAuthorities':
    'a list of sign-in host names MSAL may trust without asking Microsoft; leave it out for Entra ID',
  'auth.knownAuthorities[]': 'a host name, optionally with a port',
  'auth.redirectUri':
    "TAP Desk's redirect.html on the app's own address, registered as a Single-page application redirect URI; leave it out to use the default",
  'auth.postLogoutRedirectUri':
    "a page of TAP Desk on the app's own origin, registered as a redirect URI; leave it out to use the app's home page",
  graph: 'an object with baseUrl, the Microsoft Graph endpoint',
  'graph.baseUrl':
    'the Microsoft Graph endpoint with its version, an https URL on a Graph host ending in /v1.0',
  tap: 'an object with fallbackPolicy, targetGroupIds and hideAfterSeconds',
  'tap.fallbackPolicy':
    "a copy of the tenant's Temporary Access Pass policy lifetimes, used when the helpdesk may not read the policy",
  'tap.fallbackPolicy.minimumLifetimeInMinutes': "the TAP policy's minimum lifetime in minutes",
  'tap.fallbackPolicy.maximumLifetimeInMinutes': "the TAP policy's maximum lifetime in minutes",
  'tap.fallbackPolicy.defaultLifetimeInMinutes':
    "the TAP policy's default lifetime in minutes, between the minimum and the maximum",
  'tap.fallbackPolicy.isUsableOnce': 'true if the TAP policy makes every pass one-time, else false',
  'tap.targetGroupIds': 'a list of the object IDs of the groups the TAP policy includes',
  'tap.targetGroupIds[]': "a group's object ID, a GUID",
  'tap.hideAfterSeconds': 'seconds a new pass stays on screen before TAP Desk hides it',
  'tap.clipboardClearSeconds': 'seconds after a copy before TAP Desk empties the clipboard',
  'tap.spellingLanguage':
    'the language callers are spelled passes in by default: en, de, fr, nl, es or it',
  verification: 'an object with methods, siteId and listId',
  'verification.methods': 'a list of at least one way the helpdesk may verify a caller',
  'verification.methods[]': 'a short sentence naming a way to verify a caller',
  'verification.siteId':
    'the Graph ID of the SharePoint site that holds the verification list: host name, site collection ID and web ID, separated by commas',
  'verification.listId': "the verification list's ID, a GUID",
  pilot: 'an object with groups, stalledAfterHours and noTapAfterDays',
  'pilot.groups': 'a list of the pilot groups, each \'{ "id", "displayName" }\'',
  'pilot.groups[]': 'a pilot group: \'{ "id", "displayName" }\'',
  'pilot.groups[].id': "the group's object ID, a GUID",
  'pilot.groups[].displayName': 'the name TAP Desk shows for this pilot',
  'pilot.stalledAfterHours':
    'hours after a pass is issued before a person without phone sign-in counts as stalled',
  'pilot.noTapAfterDays': 'days in the pilot without a pass before a person is flagged',
  audit: 'an object with retentionDays, matchWindowMinutes and defaultRangeDays, or nothing',
  'audit.retentionDays':
    'days the tenant keeps directory audit events: 7 on Entra ID Free, 30 with P1 or P2',
  'audit.matchWindowMinutes':
    'minutes a verification record and its audit event may be apart and still match',
  'audit.defaultRangeDays': 'days the audit page shows when it opens',
  registrationUrl:
    "the https page where people register Microsoft Authenticator, on Microsoft's aka.ms or mysignins.microsoft.com",
  allowNonMicrosoftHosts:
    "a list of hosts that are not Microsoft's which auth.authority, graph.baseUrl or registrationUrl may use, each named; leave it out unless you mean to trust them",
  'allowNonMicrosoftHosts[]': 'a host name alone, optionally with a port, without https://',
} as const satisfies Record<FieldPath, string>;

export const messages = defineCatalog('configField', en, {
  'config.json':
    'ein JSON-Objekt mit den Abschnitten auth, graph, tap, verification und pilot (siehe docs/configuration.md)',
  tenantName: 'der Name der Organisation, den TAP Desk in seiner Kopfzeile zeigt',
  auth: 'ein Objekt mit den Anmeldeeinstellungen: clientId, reportsClientId, authority, protocolMode',
  'auth.clientId': 'die Anwendungs-ID (Client) der App-Registrierung TAP Desk, eine GUID',
  'auth.reportsClientId':
    'die Anwendungs-ID (Client) der App-Registrierung TAP Desk Reports (der schreibgeschützten, die npm run register-app neben TAP Desk anlegt), eine GUID',
  'auth.authority':
    'https://login.microsoftonline.com/ (oder der Anmeldehost einer nationalen Cloud), gefolgt von Ihrer Verzeichnis-ID (Mandanten-ID) oder einer verifizierten Domäne und /v2.0',
  'auth.protocolMode': '"AAD" für Microsoft Entra ID ("OIDC" nur für den lokalen Emulator)',
  'auth.knownAuthorities':
    'eine Liste von Anmeldehostnamen, denen MSAL ohne Rückfrage bei Microsoft vertrauen darf; für Entra ID weglassen',
  'auth.knownAuthorities[]': 'ein Hostname, optional mit Port',
  'auth.redirectUri':
    'die redirect.html von TAP Desk unter der eigenen Adresse der App, registriert als Umleitungs-URI für Single-Page-Anwendungen; weglassen, um die Vorgabe zu verwenden',
  'auth.postLogoutRedirectUri':
    'eine Seite von TAP Desk auf dem eigenen Ursprung der App, registriert als Umleitungs-URI; weglassen, um die Startseite der App zu verwenden',
  graph: 'ein Objekt mit baseUrl, dem Microsoft Graph-Endpunkt',
  'graph.baseUrl':
    'der Microsoft Graph-Endpunkt mit Version, eine https-URL auf einem Graph-Host, die auf /v1.0 endet',
  tap: 'ein Objekt mit fallbackPolicy, targetGroupIds und hideAfterSeconds',
  'tap.fallbackPolicy':
    'eine Kopie der Gültigkeitsdauern aus der Richtlinie für den Temporären Zugriffspass des Mandanten, verwendet, wenn der Helpdesk die Richtlinie nicht lesen darf',
  'tap.fallbackPolicy.minimumLifetimeInMinutes':
    'die minimale Gültigkeitsdauer der TAP-Richtlinie in Minuten',
  'tap.fallbackPolicy.maximumLifetimeInMinutes':
    'die maximale Gültigkeitsdauer der TAP-Richtlinie in Minuten',
  'tap.fallbackPolicy.defaultLifetimeInMinutes':
    'die Standardgültigkeitsdauer der TAP-Richtlinie in Minuten, zwischen Minimum und Maximum',
  'tap.fallbackPolicy.isUsableOnce':
    'true, wenn die TAP-Richtlinie jeden Pass zur einmaligen Verwendung macht, sonst false',
  'tap.targetGroupIds': 'eine Liste der Objekt-IDs der Gruppen, die die TAP-Richtlinie einschließt',
  'tap.targetGroupIds[]': 'die Objekt-ID einer Gruppe, eine GUID',
  'tap.hideAfterSeconds':
    'Sekunden, die ein neuer Pass angezeigt bleibt, bevor TAP Desk ihn ausblendet',
  'tap.clipboardClearSeconds': 'Sekunden nach dem Kopieren, bis TAP Desk die Zwischenablage leert',
  'tap.spellingLanguage':
    'die Sprache, in der Anrufenden Pässe standardmäßig buchstabiert werden: en, de, fr, nl, es oder it',
  verification: 'ein Objekt mit methods, siteId und listId',
  'verification.methods':
    'eine Liste mit mindestens einer Art, wie der Helpdesk einen Anrufenden überprüfen darf',
  'verification.methods[]': 'ein kurzer Satz, der eine Art der Überprüfung eines Anrufenden nennt',
  'verification.siteId':
    'die Graph-ID der SharePoint-Website mit der Überprüfungsliste: Hostname, Websitesammlungs-ID und Web-ID, durch Kommas getrennt',
  'verification.listId': 'die ID der Überprüfungsliste, eine GUID',
  pilot: 'ein Objekt mit groups, stalledAfterHours und noTapAfterDays',
  'pilot.groups': 'eine Liste der Pilotgruppen, jede \'{ "id", "displayName" }\'',
  'pilot.groups[]': 'eine Pilotgruppe: \'{ "id", "displayName" }\'',
  'pilot.groups[].id': 'die Objekt-ID der Gruppe, eine GUID',
  'pilot.groups[].displayName': 'der Name, den TAP Desk für dieses Pilotprojekt zeigt',
  'pilot.stalledAfterHours':
    'Stunden nach dem Ausstellen eines Passes, bis eine Person ohne Telefonanmeldung als ins Stocken geraten gilt',
  'pilot.noTapAfterDays': 'Tage im Pilotprojekt ohne Pass, bis eine Person markiert wird',
  audit: 'ein Objekt mit retentionDays, matchWindowMinutes und defaultRangeDays, oder nichts',
  'audit.retentionDays':
    'Tage, die der Mandant Verzeichnisüberwachungsereignisse aufbewahrt: 7 mit Entra ID Free, 30 mit P1 oder P2',
  'audit.matchWindowMinutes':
    'Minuten, die ein Überprüfungsdatensatz und sein Überwachungsereignis auseinanderliegen dürfen und trotzdem zusammenpassen',
  'audit.defaultRangeDays': 'Tage, die die Überwachungsseite beim Öffnen zeigt',
  registrationUrl:
    'die https-Seite, auf der Personen Microsoft Authenticator registrieren, auf aka.ms oder mysignins.microsoft.com von Microsoft',
  allowNonMicrosoftHosts:
    'eine Liste von Hosts, die nicht von Microsoft sind und die auth.authority, graph.baseUrl oder registrationUrl verwenden dürfen, jeder einzeln genannt; weglassen, es sei denn, Sie wollen ihnen bewusst vertrauen',
  'allowNonMicrosoftHosts[]': 'nur ein Hostname, optional mit Port, ohne https://',
});
