import { defineCatalog } from '../i18n/catalog';

/**
 * Graph failures in the person's words (describe-error.ts). `{doing}` is what the person was
 * doing, worded by the caller's catalog: in English a bare infinitive ("issue the pass"), in
 * German a zu-infinitive ("den Pass auszustellen"), so each sentence stays whole in each language.
 */
export const messages = defineCatalog(
  'graph',
  {
    doingDefault: 'finish this',
    saidRaw: '{text}',
    unexpectedTitle: 'TAP Desk could not {doing}',
    unexpectedDetail: 'Something unexpected went wrong in the browser.',
    unexpectedAction: 'Try again. If it keeps happening, reload the page.',
    foreignTitle: 'TAP Desk stopped a request to another site',
    foreignDetail:
      '{what} leads to {origin}, outside Microsoft Graph at {graph}; TAP Desk does not send your sign-in there.',
    foreignRequest: 'A Graph request',
    foreignNextLink: "Graph's link to the next page",
    foreignNotUrl: 'an address that is not a URL',
    foreignAction: 'Tell whoever runs TAP Desk: a Graph answer pointed outside Microsoft Graph.',
    offlineTitle: 'Microsoft Graph could not be reached',
    offlineDetail: 'TAP Desk could not {doing} because the network request failed.',
    offlineAction: 'Check your connection, then try again.',
    expiredTitle: 'Your sign-in has expired',
    expiredDetail: 'TAP Desk could not {doing} because Microsoft no longer accepts your sign-in.',
    expiredAction: 'Sign in again; you will come back to this page.',
    licenceTitle: 'This report needs Microsoft Entra ID P1 or P2',
    licenceDetail: 'The tenant has no licence for authentication-method reports.',
    licenceAction: 'Ask your Entra administrator about licensing; other pages still work.',
    refusedTitle: 'Microsoft Entra refused this',
    refusedNeedsDetail: 'To {doing} you need {needs}. Your account or this app does not have it.',
    refusedDetail: 'Your account lacks the Entra role or Graph permission needed to {doing}.',
    refusedAction:
      'Ask your Entra administrator to assign the role, or hand this to a colleague who has it.',
    notFoundTitle: 'Not found',
    notFoundDetail:
      'TAP Desk could not {doing}: Microsoft Graph says it does not exist (it may have just been deleted).',
    notFoundAction: 'Refresh and look it up again.',
    busyTitle: 'Microsoft Graph is busy',
    busyDetail: 'Graph is limiting requests from this app, so TAP Desk could not {doing} yet.',
    busyWaitAction: 'Wait {seconds, plural, one {# second} other {# seconds}}, then try again.',
    busyAction: 'Wait a few seconds, then try again.',
    serverTitle: 'Microsoft Graph had a problem',
    serverDetail: 'Graph answered HTTP {status} while TAP Desk tried to {doing}.',
    serverAction:
      'Try again in a minute. If it persists, check the Microsoft 365 service health page.',
    lifetimeTitle: "The lifetime is outside the tenant's policy",
    lifetimeRangeDetail:
      'The Temporary Access Pass policy allows lifetimes from {min} to {max} minutes.',
    lifetimeDetail: 'The Temporary Access Pass policy does not allow that lifetime.',
    lifetimeAction: 'Choose a lifetime inside that range and issue again.',
    otherTitle: 'Microsoft Graph refused to {doing}',
    otherAction: 'Correct what it names and try again.',
    siteNeeds:
      "two things on TAP Desk's verification site in SharePoint: TAP Desk itself must be granted {level, select, add {write} other {read or write}} on the site, and you need {level, select, add {the “Add only” level (add items)} other {read access (a site visitor)}}",
    siteFix:
      'If nobody can reach the list, a SharePoint Administrator grants TAP Desk write on the site (admin guide step 5.4). If only you cannot, the site owner gives you {level, select, add {the “Add only” level (add items)} other {read access (a site visitor)}} (step 5.5).',
  },
  {
    doingDefault: 'dies abzuschließen',
    saidRaw: '{text}',
    unexpectedTitle: 'Es war TAP Desk nicht möglich, {doing}',
    unexpectedDetail: 'Im Browser ist ein unerwarteter Fehler aufgetreten.',
    unexpectedAction:
      'Versuchen Sie es erneut. Wenn der Fehler wieder auftritt, laden Sie die Seite neu.',
    foreignTitle: 'TAP Desk hat eine Anfrage an eine andere Website gestoppt',
    foreignDetail:
      '{what} führt zu {origin}, außerhalb von Microsoft Graph unter {graph}; TAP Desk sendet Ihre Anmeldung nicht dorthin.',
    foreignRequest: 'Eine Graph-Anfrage',
    foreignNextLink: 'Der Link von Graph auf die nächste Seite',
    foreignNotUrl: 'eine Adresse, die keine URL ist',
    foreignAction:
      'Informieren Sie die Betreiber von TAP Desk: Eine Antwort von Graph verwies auf eine Adresse außerhalb von Microsoft Graph.',
    offlineTitle: 'Microsoft Graph ist nicht erreichbar',
    offlineDetail:
      'Die Netzwerkanfrage ist fehlgeschlagen, deshalb war es TAP Desk nicht möglich, {doing}.',
    offlineAction: 'Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    expiredTitle: 'Ihre Anmeldung ist abgelaufen',
    expiredDetail:
      'Microsoft akzeptiert Ihre Anmeldung nicht mehr, deshalb war es TAP Desk nicht möglich, {doing}.',
    expiredAction: 'Melden Sie sich erneut an; danach kehren Sie zu dieser Seite zurück.',
    licenceTitle: 'Dieser Bericht erfordert Microsoft Entra ID P1 oder P2',
    licenceDetail: 'Der Mandant hat keine Lizenz für Berichte zu Authentifizierungsmethoden.',
    licenceAction:
      'Fragen Sie Ihre Entra-Administration nach der Lizenzierung; die übrigen Seiten funktionieren weiterhin.',
    refusedTitle: 'Microsoft Entra hat dies abgelehnt',
    refusedNeedsDetail:
      'Um {doing}, benötigen Sie {needs}. Ihr Konto oder diese App verfügt nicht darüber.',
    refusedDetail:
      'Ihrem Konto fehlt die Entra-Rolle oder Graph-Berechtigung, die nötig ist, um {doing}.',
    refusedAction:
      'Bitten Sie Ihre Entra-Administration, die Rolle zuzuweisen, oder übergeben Sie den Vorgang an eine Kollegin oder einen Kollegen mit dieser Rolle.',
    notFoundTitle: 'Nicht gefunden',
    notFoundDetail:
      'Es war TAP Desk nicht möglich, {doing}: Laut Microsoft Graph existiert das Objekt nicht (vielleicht wurde es gerade gelöscht).',
    notFoundAction: 'Aktualisieren Sie und suchen Sie erneut.',
    busyTitle: 'Microsoft Graph ist ausgelastet',
    busyDetail:
      'Graph drosselt die Anfragen dieser App, deshalb war es TAP Desk noch nicht möglich, {doing}.',
    busyWaitAction:
      'Warten Sie {seconds, plural, one {# Sekunde} other {# Sekunden}} und versuchen Sie es dann erneut.',
    busyAction: 'Warten Sie einige Sekunden und versuchen Sie es dann erneut.',
    serverTitle: 'Bei Microsoft Graph ist ein Problem aufgetreten',
    serverDetail: 'Graph hat mit HTTP {status} geantwortet, als TAP Desk versuchte, {doing}.',
    serverAction:
      'Versuchen Sie es in einer Minute erneut. Wenn das Problem bleibt, prüfen Sie die Seite zum Dienststatus von Microsoft 365.',
    lifetimeTitle: 'Die Gültigkeitsdauer liegt außerhalb der Richtlinie des Mandanten',
    lifetimeRangeDetail:
      'Die Richtlinie für den Temporären Zugriffspass erlaubt Gültigkeitsdauern von {min} bis {max} Minuten.',
    lifetimeDetail:
      'Die Richtlinie für den Temporären Zugriffspass erlaubt diese Gültigkeitsdauer nicht.',
    lifetimeAction:
      'Wählen Sie eine Gültigkeitsdauer in diesem Bereich und stellen Sie erneut aus.',
    otherTitle: 'Microsoft Graph hat es abgelehnt, {doing}',
    otherAction: 'Korrigieren Sie, was genannt wird, und versuchen Sie es erneut.',
    siteNeeds:
      'zweierlei auf der Nachweis-Website von TAP Desk in SharePoint: TAP Desk selbst braucht {level, select, add {Schreibzugriff} other {Lese- oder Schreibzugriff}} auf die Website, und Sie brauchen {level, select, add {die Berechtigungsstufe „Nur hinzufügen“ (Elemente hinzufügen)} other {Lesezugriff (als Besucher der Website)}}',
    siteFix:
      'Wenn niemand die Liste erreicht, erteilt eine SharePoint-Administratorin oder ein SharePoint-Administrator TAP Desk Schreibzugriff auf die Website (Administratorhandbuch, Schritt 5.4). Wenn nur Sie sie nicht erreichen, gibt Ihnen die Besitzerin oder der Besitzer der Website {level, select, add {die Berechtigungsstufe „Nur hinzufügen“ (Elemente hinzufügen)} other {Lesezugriff (als Besucher der Website)}} (Schritt 5.5).',
  },
);
