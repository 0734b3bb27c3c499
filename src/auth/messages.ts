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
    'consent.title':
      '{where, select, signIn {TAP Desk cannot sign you in: a permission has not been granted} named {{label} needs a permission you have not been granted} other {This section needs a permission you have not been granted}}',
    'consent.body':
      '{where, select, signIn {Signing in} named {The {label} section} other {This section}} needs Microsoft Graph permissions that no administrator has consented to{username, select, none {} other { for {username}}}, so Microsoft Entra will not let TAP Desk use them{aadsts, select, none {} other { (Entra error AADSTS{aadsts})}}. Signing in again will not change that; an Entra administrator has to grant them.',
    'consent.perPerson':
      'Most likely missing: <code>{perPerson}</code>. It lets {where, select, named {{label}} other {this section’s}} staff make changes, so it is granted to each person who needs it, never to everyone. The section also uses <code>{forEveryone}</code>, granted to all users.',
    'consent.forEveryone':
      'Missing: <code>{forEveryone}</code>, read-only permissions granted to all users.',
    'consent.adminMust': 'What your Entra administrator must do',
    'consent.grantPerPerson':
      'Grant <code>{perPerson}</code> to you alone: a per-person admin consent (an oAuth2PermissionGrant with consentType Principal), as the TAP Desk admin guide shows under “Consent for the write permission” (docs/admin-guide.md). Granting it for all users works too, but puts it in everyone’s sign-in.',
    'consent.grantAll':
      '{also, select, yes {If the read permissions are missing as well, grant} other {Grant}} admin consent for all users in the Entra admin center › Enterprise applications › TAP Desk › Permissions, or run <code>{command}</code>, which consents the read-only permissions only.',
    'consent.then':
      '{where, select, signIn {Once they have, sign in again.} other {Once they have, choose Try again; you stay signed in.}}',
    tryAgain: 'Try again',
    signOut: 'Sign out',
    readinessRoleTitle: '{label} is for pilot managers and helpdesk leads',
    missingRoleTitle: '{label} needs the {role} app role',
    missingRoleBody:
      'You are signed in as {username}, who does not hold the TAP Desk app role that lets people {why}. Ask your Entra administrator to assign {readiness, select, yes {the <b>{role}</b> app role, or, for a helpdesk lead, <b>{helpdesk}</b> together with the <b>Global Reader</b> directory role (Roles & admins)} other {<b>{role}</b>}} to you in Enterprise applications › TAP Desk › Users and groups, then sign out and in again.',
  },
  {
    product: 'TAP Desk',
    pitch:
      'Stellen Sie Ihre Organisation auf die kennwortlose Anmeldung mit Microsoft Authenticator um, ohne jemals ein Kennwort weiterzugeben. Der Helpdesk stellt Temporäre Zugriffspässe aus, Führungskräfte verfolgen den Fortschritt des Pilotprojekts, die Revision liest das Protokoll.',
    tenant: 'Mandant: {tenantName}',
    signIn: 'Anmelden',
    signInAgain: 'Erneut anmelden',
    'consent.title':
      '{where, select, signIn {TAP Desk kann Sie nicht anmelden: Eine Berechtigung wurde nicht erteilt} named {{label} benötigt eine Berechtigung, die Ihnen nicht erteilt wurde} other {Dieser Bereich benötigt eine Berechtigung, die Ihnen nicht erteilt wurde}}',
    'consent.body':
      '{where, select, signIn {Die Anmeldung benötigt} named {Der Bereich „{label}“ benötigt} other {Dieser Bereich benötigt}} Microsoft Graph-Berechtigungen, denen kein Administrator{username, select, none {} other { für {username}}} zugestimmt hat, daher lässt Microsoft Entra TAP Desk sie nicht verwenden{aadsts, select, none {} other { (Entra-Fehler AADSTS{aadsts})}}. Eine erneute Anmeldung ändert daran nichts; ein Entra-Administrator muss sie erteilen.',
    'consent.perPerson':
      'Wahrscheinlich fehlt: <code>{perPerson}</code>. Damit {where, select, named {kann das Personal von „{label}“} other {kann das Personal dieses Bereichs}} Änderungen vornehmen; daher wird sie jeder Person einzeln erteilt, die sie braucht, nie allen. Der Bereich verwendet außerdem <code>{forEveryone}</code>, erteilt für alle Benutzer.',
    'consent.forEveryone':
      'Es fehlt: <code>{forEveryone}</code>, schreibgeschützte Berechtigungen, die allen Benutzern erteilt werden.',
    'consent.adminMust': 'Was Ihre Entra-Administration tun muss',
    'consent.grantPerPerson':
      'Erteilen Sie <code>{perPerson}</code> nur Ihnen: eine Administratoreinwilligung pro Person (ein oAuth2PermissionGrant mit consentType Principal), wie es das TAP Desk-Administratorhandbuch unter „Consent for the write permission“ (docs/admin-guide.md) zeigt. Eine Erteilung für alle Benutzer funktioniert auch, nimmt die Berechtigung aber in die Anmeldung aller auf.',
    'consent.grantAll':
      '{also, select, yes {Falls auch die Leseberechtigungen fehlen, erteilen Sie} other {Erteilen Sie}} die Administratoreinwilligung für alle Benutzer im Microsoft Entra Admin Center › Unternehmensanwendungen › TAP Desk › Berechtigungen, oder führen Sie <code>{command}</code> aus; das willigt nur in die schreibgeschützten Berechtigungen ein.',
    'consent.then':
      '{where, select, signIn {Melden Sie sich danach erneut an.} other {Wählen Sie danach „Erneut versuchen“; Sie bleiben angemeldet.}}',
    tryAgain: 'Erneut versuchen',
    signOut: 'Abmelden',
    readinessRoleTitle: '{label} ist für Pilotverantwortliche und Helpdesk-Leitungen',
    missingRoleTitle: '{label} erfordert die App-Rolle „{role}“',
    missingRoleBody:
      'Sie sind als {username} angemeldet; dieses Konto hat nicht die TAP Desk-App-Rolle, mit der man {why} kann. Bitten Sie Ihre Entra-Administration, Ihnen {readiness, select, yes {die App-Rolle <b>{role}</b> oder, für eine Helpdesk-Leitung, <b>{helpdesk}</b> zusammen mit der Verzeichnisrolle <b>Globaler Leser</b> (Rollen und Administratoren)} other {die App-Rolle <b>{role}</b>}} unter „Unternehmensanwendungen › TAP Desk › Benutzer und Gruppen“ zuzuweisen, und melden Sie sich danach ab und wieder an.',
  },
);
