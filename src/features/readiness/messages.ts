import { defineCatalog } from '../../i18n/catalog';

/** The readiness page and its checks' findings (worded from `checks.ts`'s phrases). */
export const messages = defineCatalog(
  'readiness',
  {
    title: 'Tenant readiness',
    subtitle:
      'Checks the tenant against the rollout recipe (admin guide steps 3 to 5). Nothing here changes the tenant.',
    checkAgain: 'Check again',
    loading: "Reading the tenant's policies…",
    'status.pass': 'Pass',
    'status.warn': 'Warning',
    'status.fail': 'Fail',
    'status.unknown': 'Unknown',
    summary: '{total, plural, one {# check} other {# checks}}: {parts}.',
    'count.pass': '{count} pass',
    'count.warn': '{count, plural, one {# warning} other {# warnings}}',
    'count.fail': '{count} fail',
    'count.unknown': '{count} unknown',
    readableBy: 'Your role cannot read this. Who can: <strong>{readers}</strong>.',
    toFix: '<strong>To fix:</strong> {fix}',
    newTab: '{label}<hidden> (opens in a new tab)</hidden>',

    'check.tapPolicy': 'Temporary Access Pass policy',
    'check.authenticatorPolicy': 'Microsoft Authenticator policy',
    'check.passkeyPolicy': 'Passkey (FIDO2) policy',
    'check.listReachable': 'Verification list reachable',
    'check.listWritable': 'Verification list writable by the helpdesk',
    'check.registrationReport': 'Registration report licensed (Entra ID P1 or P2)',
    'check.auditRetention': 'Audit retention matches the licence',

    'readers.policy': 'Global Reader or Authentication Policy Administrator',
    'readers.report': 'Reports Reader, Security Reader or Global Reader',
    'readers.site':
      'SharePoint Administrator (Graph needs Sites.FullControl.All to list a site’s app permissions)',
    'link.policies': 'Entra admin center › Authentication methods › Policies',
    'link.licences': 'Entra admin center › Billing › Licenses',
    'link.sharePoint': 'SharePoint admin center (site permissions)',

    unreadable: '{title}. {action}',
    'doing.check': 'check the tenant',
    'doing.tap': 'read the Temporary Access Pass policy',
    'doing.authenticator': 'read the Microsoft Authenticator policy',
    'doing.passkey': 'read the passkey (FIDO2) policy',
    'doing.list': 'read the verification list',
    'doing.report': 'read the registration report',
    groupName: '“{name}”',
    thePilotGroup: 'the pilot group',
    aHelpdeskMember: 'a helpdesk member',
    'policy.tap': 'the Temporary Access Pass policy',
    'policy.authenticator': 'the Microsoft Authenticator policy',
    'policy.passkey': 'the passkey (FIDO2) policy',
    'method.tap': 'Temporary Access Pass',
    'method.authenticator': 'Microsoft Authenticator',
    'method.passkey': 'Passkey (FIDO2)',
    policyRefused: 'Your role cannot read {policy}.',
    excluded: 'The {method} policy excludes {groups}.',
    notIncluded: 'The {method} policy does not include {groups} (nor all users).',
    'notCovered.fix':
      'An Authentication Policy Administrator opens {method}, Enable and target › Include, and adds {groups}{excluded, select, true {, and removes it from Exclude} other {}}.',

    'tap.off': 'The Temporary Access Pass policy is off: nobody can be given a pass.',
    'tap.off.fix':
      'An Authentication Policy Administrator turns on Temporary Access Pass (Enable) for the pilot group.',
    'tap.facts':
      'On for the pilot; passes are {oneTime, select, true {one-time} other {multi-use}}, {length} characters, {min}–{max} minutes.',
    'tap.warn': '{facts} But {concerns}.',
    'tap.concern.length':
      'a {length}-character pass is hard to read over the phone (8 is the default)',
    'tap.concern.short':
      'a maximum lifetime under an hour leaves too little time to set up a phone',
    'tap.concern.long': 'passes may live longer than a working day (the recipe: 8 hours at most)',
    'tap.concern.oneTime':
      'a one-time pass leaves only 10 minutes after sign-in to finish registering',
    'tap.warn.fix':
      'An Authentication Policy Administrator sets the recipe’s values (admin guide step 3): length 8, lifetime 1 to 8 hours, one-time use off.',

    'authenticator.off': 'The Microsoft Authenticator policy is off: nobody can register the app.',
    'authenticator.off.fix':
      'An Authentication Policy Administrator turns on Microsoft Authenticator for the pilot group, authentication mode Any.',
    'authenticator.any': 'On for the pilot, authentication mode Any (push and passwordless).',
    'authenticator.passwordlessOnly':
      'On for the pilot in Passwordless mode only, which stops people registering the app at My Security Info.',
    'authenticator.pushOnly':
      'On for the pilot in Push mode only: phone sign-in (passwordless) is not allowed.',
    'authenticator.mode.fix':
      'An Authentication Policy Administrator sets the pilot group’s authentication mode to Any.',

    'passkey.off':
      'The passkey (FIDO2) policy is off: nobody can create a passkey in Authenticator.',
    'passkey.off.fix':
      'An Authentication Policy Administrator turns on Passkey (FIDO2) for the pilot group.',
    'passkey.warn':
      'On for the pilot, but {reason, select, selfService {self-service set-up is off} other {its key restrictions keep out passkeys in Authenticator}}.',
    'passkey.warn.fix':
      'An Authentication Policy Administrator allows self-service set-up and lets Authenticator’s AAGUIDs through (admin guide step 3).',
    'passkey.pass':
      'On for the pilot, with self-service set-up and passkeys in Authenticator allowed.',

    'write.unknown.fix':
      'Issue one pass through TAP Desk: its verification record is the proof. If it cannot be written, the helpdesk page says which grant is missing (admin guide steps 5.4, 5.5).',
    'write.unreadable': 'The list could not be read, so its records cannot show it.',
    'write.none':
      'TAP Desk has written no verification record in the last {days, plural, one {day} other {# days}}, and only a write proves the helpdesk can add one.',
    'write.pass':
      'The helpdesk added {count, plural, one {# verification record} other {# verification records}} through TAP Desk in the last {days, plural, one {day} other {# days}}, the latest by {name} at {when} UTC: the site grant and their site level allow adding.',

    'list.pass': 'TAP Desk reads the verification list with your sign-in.',
    'list.refused':
      'SharePoint refused TAP Desk the verification list: either the site does not grant TAP Desk (Sites.Selected opens no site by itself), or you have no access to the site.',
    'list.refused.fix':
      'A SharePoint Administrator grants TAP Desk write on the site (admin guide step 5.4); if others can reach it, the site owner gives you read (step 5.5).',
    'list.missing': 'The site or list in config.json (verification.siteId, listId) does not exist.',
    'list.missing.fix':
      'Whoever runs TAP Desk corrects verification.siteId and listId (admin guide step 5.2, 5.3).',

    'report.pass': 'The registration details report answers: the tenant has P1 or P2.',
    'report.unlicensed':
      'The tenant has no Entra ID P1 or P2, so the Pilot page cannot read the registration report.',
    'report.unlicensed.fix':
      'A Billing Administrator assigns Entra ID P1 or P2 (admin guide step 4).',
    'report.refused': 'Your role cannot read the registration report.',

    'retention.unknown':
      'config.json says {days, plural, one {# day} other {# days}}; the licence that decides what Entra keeps could not be read.',
    'retention.pass':
      'Entra keeps the audit log {kept, plural, one {# day} other {# days}}, as audit.retentionDays says.',
    'retention.tooLong':
      'audit.retentionDays is {days}, but without P1 or P2 Entra keeps only {kept, plural, one {# day} other {# days}}: the Audit page would call missing events anomalies.',
    'retention.tooLong.fix':
      'Whoever runs TAP Desk sets audit.retentionDays to {kept} in config.json, or the tenant gets P1 or P2.',
    'retention.tooShort':
      'Entra keeps {kept, plural, one {# day} other {# days}}, but audit.retentionDays is {days}: TAP Desk looks back less far than it could.',
    'retention.tooShort.fix':
      'Whoever runs TAP Desk sets audit.retentionDays to {kept} in config.json.',
  },
  {
    title: 'Bereitschaft des Mandanten',
    subtitle:
      'Prüft den Mandanten anhand des Einführungsrezepts (Administratorhandbuch, Schritte 3 bis 5). Hier wird nichts am Mandanten geändert.',
    checkAgain: 'Erneut prüfen',
    loading: 'Die Richtlinien des Mandanten werden gelesen…',
    'status.pass': 'Bestanden',
    'status.warn': 'Warnung',
    'status.fail': 'Nicht bestanden',
    'status.unknown': 'Unbekannt',
    summary: '{total, plural, one {# Prüfung} other {# Prüfungen}}: {parts}.',
    'count.pass': '{count} bestanden',
    'count.warn': '{count, plural, one {# Warnung} other {# Warnungen}}',
    'count.fail': '{count} nicht bestanden',
    'count.unknown': '{count} unbekannt',
    readableBy: 'Ihre Rolle kann dies nicht lesen. Lesen können: <strong>{readers}</strong>.',
    toFix: '<strong>Behebung:</strong> {fix}',
    newTab: '{label}<hidden> (wird in einem neuen Tab geöffnet)</hidden>',

    'check.tapPolicy': 'Richtlinie „Temporärer Zugriffspass“',
    'check.authenticatorPolicy': 'Richtlinie „Microsoft Authenticator“',
    'check.passkeyPolicy': 'Richtlinie „Hauptschlüssel (FIDO2)“',
    'check.listReachable': 'Überprüfungsliste erreichbar',
    'check.listWritable': 'Überprüfungsliste für den Helpdesk beschreibbar',
    'check.registrationReport': 'Registrierungsbericht lizenziert (Entra ID P1 oder P2)',
    'check.auditRetention': 'Aufbewahrung der Überwachungsprotokolle passt zur Lizenz',

    'readers.policy': '„Globaler Leser“ oder „Authentifizierungsrichtlinienadministrator“',
    'readers.report': '„Berichtleser“, „Sicherheitsleseberechtigter“ oder „Globaler Leser“',
    'readers.site':
      '„SharePoint-Administrator“ (Graph benötigt Sites.FullControl.All, um die App-Berechtigungen einer Website aufzulisten)',
    'link.policies': 'Entra Admin Center › Authentifizierungsmethoden › Richtlinien',
    'link.licences': 'Entra Admin Center › Abrechnung › Lizenzen',
    'link.sharePoint': 'SharePoint Admin Center (Websiteberechtigungen)',

    unreadable: '{title}. {action}',
    'doing.check': 'den Mandanten zu prüfen',
    'doing.tap': 'die Richtlinie für den Temporären Zugriffspass zu lesen',
    'doing.authenticator': 'die Microsoft Authenticator-Richtlinie zu lesen',
    'doing.passkey': 'die Richtlinie für Hauptschlüssel (FIDO2) zu lesen',
    'doing.list': 'die Überprüfungsliste zu lesen',
    'doing.report': 'den Registrierungsbericht zu lesen',
    groupName: '„{name}“',
    thePilotGroup: 'die Pilotgruppe',
    aHelpdeskMember: 'einem Helpdesk-Mitglied',
    'policy.tap': 'die Richtlinie „Temporärer Zugriffspass“',
    'policy.authenticator': 'die Richtlinie „Microsoft Authenticator“',
    'policy.passkey': 'die Richtlinie „Hauptschlüssel (FIDO2)“',
    'method.tap': 'Temporärer Zugriffspass',
    'method.authenticator': 'Microsoft Authenticator',
    'method.passkey': 'Hauptschlüssel (FIDO2)',
    policyRefused: 'Ihre Rolle kann {policy} nicht lesen.',
    excluded: 'Die Richtlinie „{method}“ schließt {groups} aus.',
    notIncluded:
      'Die Richtlinie „{method}“ schließt {groups} nicht ein (und auch nicht alle Benutzer).',
    'notCovered.fix':
      'Ein Authentifizierungsrichtlinienadministrator öffnet „{method}“, „Aktivieren und Ziel“ › „Einschließen“ und fügt {groups} hinzu{excluded, select, true { und entfernt sie unter „Ausschließen“} other {}}.',

    'tap.off':
      'Die Richtlinie „Temporärer Zugriffspass“ ist deaktiviert: Niemand kann einen Pass erhalten.',
    'tap.off.fix':
      'Ein Authentifizierungsrichtlinienadministrator aktiviert „Temporärer Zugriffspass“ (Aktivieren) für die Pilotgruppe.',
    'tap.facts':
      'Für das Pilotprojekt aktiviert; Pässe sind {oneTime, select, true {einmalig} other {mehrfach}} verwendbar, {length} Zeichen lang und {min}–{max} Minuten gültig.',
    'tap.warn': '{facts} Allerdings: {concerns}.',
    'tap.concern.length':
      'ein Pass mit {length} Zeichen ist am Telefon schwer vorzulesen (Standard ist 8)',
    'tap.concern.short':
      'eine Höchstdauer unter einer Stunde lässt zu wenig Zeit, ein Telefon einzurichten',
    'tap.concern.long':
      'Pässe können länger als einen Arbeitstag gelten (laut Rezept höchstens 8 Stunden)',
    'tap.concern.oneTime':
      'ein einmalig verwendbarer Pass lässt nach der Anmeldung nur 10 Minuten, um die Registrierung abzuschließen',
    'tap.warn.fix':
      'Ein Authentifizierungsrichtlinienadministrator stellt die Werte des Rezepts ein (Administratorhandbuch, Schritt 3): Länge 8, Gültigkeit 1 bis 8 Stunden, einmalige Verwendung aus.',

    'authenticator.off':
      'Die Richtlinie „Microsoft Authenticator“ ist deaktiviert: Niemand kann die App registrieren.',
    'authenticator.off.fix':
      'Ein Authentifizierungsrichtlinienadministrator aktiviert Microsoft Authenticator für die Pilotgruppe, Authentifizierungsmodus „Beliebig“.',
    'authenticator.any':
      'Für das Pilotprojekt aktiviert, Authentifizierungsmodus „Beliebig“ (Push und kennwortlos).',
    'authenticator.passwordlessOnly':
      'Für das Pilotprojekt nur im Modus „Kennwortlos“ aktiviert; so können Benutzer die App nicht unter „Meine Sicherheitsinformationen“ registrieren.',
    'authenticator.pushOnly':
      'Für das Pilotprojekt nur im Modus „Push“ aktiviert: Die Telefonanmeldung (kennwortlos) ist nicht erlaubt.',
    'authenticator.mode.fix':
      'Ein Authentifizierungsrichtlinienadministrator setzt den Authentifizierungsmodus der Pilotgruppe auf „Beliebig“.',

    'passkey.off':
      'Die Richtlinie „Hauptschlüssel (FIDO2)“ ist deaktiviert: Niemand kann in Authenticator einen Hauptschlüssel erstellen.',
    'passkey.off.fix':
      'Ein Authentifizierungsrichtlinienadministrator aktiviert „Hauptschlüssel (FIDO2)“ für die Pilotgruppe.',
    'passkey.warn':
      'Für das Pilotprojekt aktiviert, aber {reason, select, selfService {die Self-Service-Einrichtung ist deaktiviert} other {die Schlüsseleinschränkungen schließen Hauptschlüssel in Authenticator aus}}.',
    'passkey.warn.fix':
      'Ein Authentifizierungsrichtlinienadministrator erlaubt die Self-Service-Einrichtung und lässt die AAGUIDs von Authenticator zu (Administratorhandbuch, Schritt 3).',
    'passkey.pass':
      'Für das Pilotprojekt aktiviert; Self-Service-Einrichtung und Hauptschlüssel in Authenticator sind erlaubt.',

    'write.unknown.fix':
      'Stellen Sie über TAP Desk einen Pass aus: Sein Überprüfungsdatensatz ist der Nachweis. Kann er nicht geschrieben werden, nennt die Helpdesk-Seite die fehlende Berechtigung (Administratorhandbuch, Schritte 5.4 und 5.5).',
    'write.unreadable':
      'Die Liste konnte nicht gelesen werden, daher können ihre Datensätze es nicht belegen.',
    'write.none':
      'TAP Desk hat {days, plural, one {am letzten Tag} other {in den letzten # Tagen}} keinen Überprüfungsdatensatz geschrieben, und nur ein Schreibvorgang beweist, dass der Helpdesk einen hinzufügen kann.',
    'write.pass':
      'Der Helpdesk hat über TAP Desk {days, plural, one {am letzten Tag} other {in den letzten # Tagen}} {count, plural, one {# Überprüfungsdatensatz} other {# Überprüfungsdatensätze}} hinzugefügt, zuletzt von {name} am {when} UTC: Die Websiteberechtigung und die Berechtigungsstufe erlauben das Hinzufügen.',

    'list.pass': 'TAP Desk liest die Überprüfungsliste mit Ihrer Anmeldung.',
    'list.refused':
      'SharePoint hat TAP Desk die Überprüfungsliste verweigert: Entweder erlaubt die Website TAP Desk keinen Zugriff (Sites.Selected öffnet von sich aus keine Website), oder Sie haben keinen Zugriff auf die Website.',
    'list.refused.fix':
      'Ein SharePoint-Administrator erteilt TAP Desk Schreibzugriff auf die Website (Administratorhandbuch, Schritt 5.4); wenn andere sie erreichen, gibt Ihnen der Websitebesitzer Lesezugriff (Schritt 5.5).',
    'list.missing':
      'Die Website oder Liste in config.json (verification.siteId, listId) existiert nicht.',
    'list.missing.fix':
      'Wer TAP Desk betreibt, korrigiert verification.siteId und listId (Administratorhandbuch, Schritte 5.2 und 5.3).',

    'report.pass':
      'Der Bericht mit den Registrierungsdetails antwortet: Der Mandant hat P1 oder P2.',
    'report.unlicensed':
      'Der Mandant hat weder Entra ID P1 noch P2, daher kann die Pilotseite den Registrierungsbericht nicht lesen.',
    'report.unlicensed.fix':
      'Ein Abrechnungsadministrator weist Entra ID P1 oder P2 zu (Administratorhandbuch, Schritt 4).',
    'report.refused': 'Ihre Rolle kann den Registrierungsbericht nicht lesen.',

    'retention.unknown':
      'config.json nennt {days, plural, one {# Tag} other {# Tage}}; die Lizenz, die bestimmt, wie lange Entra aufbewahrt, konnte nicht gelesen werden.',
    'retention.pass':
      'Entra bewahrt das Überwachungsprotokoll {kept, plural, one {# Tag} other {# Tage}} auf, wie audit.retentionDays angibt.',
    'retention.tooLong':
      'audit.retentionDays ist {days}, aber ohne P1 oder P2 bewahrt Entra nur {kept, plural, one {# Tag} other {# Tage}} auf: Die Überwachungsseite würde fehlende Ereignisse als Auffälligkeiten melden.',
    'retention.tooLong.fix':
      'Wer TAP Desk betreibt, setzt audit.retentionDays in config.json auf {kept}, oder der Mandant erhält P1 oder P2.',
    'retention.tooShort':
      'Entra bewahrt {kept, plural, one {# Tag} other {# Tage}} auf, aber audit.retentionDays ist {days}: TAP Desk schaut weniger weit zurück, als es könnte.',
    'retention.tooShort.fix':
      'Wer TAP Desk betreibt, setzt audit.retentionDays in config.json auf {kept}.',
  },
);
