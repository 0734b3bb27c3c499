import { defineCatalog } from '../../i18n/catalog';

/** The handover's words for the caller: the goal, the steps on the phone, reading aloud, progress. */
export const messages = defineCatalog(
  'helpdesk.handover',
  {
    'goal.passkey': 'Passkey in Authenticator',
    'goal.phoneSignIn': 'Phone sign-in',
    'goal.legend': 'Goal for this caller',
    'goal.passkeyResistant': 'Passkey in Authenticator (phishing-resistant)',
    'goal.reading': 'Reading the passkey policy…',
    'goal.unreadable':
      'Your role cannot read the passkey policy, so TAP Desk suggests a passkey; Entra refuses it at registration if the policy leaves this user out.',
    'goal.off': 'Passkeys (FIDO2) are turned off in this tenant.',
    'goal.excluded':
      'The passkey policy does not include this user, so Entra would refuse a passkey.',
    'goal.restricted':
      'The passkey policy’s key restrictions do not allow Microsoft Authenticator.',
    'goal.included': 'The passkey policy includes this user.',
    'stepper.title': 'Progress to passwordless',
    'stepper.done': '(done)',
    'stepper.notYet': '(not yet)',
    'stepper.current': 'Current stage: {stage}',
    'stepper.currentInstead':
      '{outcome, select, passkey {Current stage: {stage} (a passkey was created instead of phone sign-in)} other {Current stage: {stage} (phone sign-in was enabled instead of a passkey)}}',
    'stepper.pace':
      '{seconds, plural, one {Checking every # s (shared Graph limit)} other {Checking every # s (shared Graph limit)}}',
    'steps.passkey.install':
      'Install <b>Microsoft Authenticator</b> from the App Store or Google Play (iOS 17 or Android 14 and later).',
    'steps.passkey.addAccount':
      'In Authenticator, tap <b>+</b> › <b>Work or school account</b> › <b>Sign in</b>, as {upn}.',
    'steps.passkey.enterPass': 'When asked, enter the Temporary Access Pass.',
    'steps.passkey.create':
      '<mark>When prompted, create the passkey and save it to Authenticator.</mark> The phone asks to turn Authenticator on as a passkey provider first:',
    'steps.passkey.iphone':
      '<b>iPhone:</b> Settings › Passwords › Password Options: turn on AutoFill Passwords and Passkeys, and choose Authenticator.',
    'steps.passkey.android':
      '<b>Android:</b> Settings › Passwords & accounts › Additional providers: turn on Authenticator (the menu names vary by phone maker).',
    'steps.finish': 'Finish before signing out.',
    'steps.passkey.once':
      'This pass works once: after signing in there are 10 minutes to create the passkey.',
    'steps.phone.once':
      'This pass works once: after signing in there are 10 minutes to complete setup.',
    'steps.expires': 'The pass stops working when it expires.',
    'steps.phone.goTo': 'Go to <link>{address}</link>',
    'steps.phone.signIn': 'Sign in as {upn}. When asked, enter the Temporary Access Pass.',
    'steps.phone.addMethod':
      'Choose <b>Add sign-in method</b> › <b>Authenticator app</b>, and follow the steps on the phone to finish setup.',
    'steps.phone.enable':
      '<mark>Then, in the Authenticator app, open the work account and choose Enable phone sign-in.</mark> This is the step people miss: without it, they still need a password.',
    'steps.qr': 'QR code for {url}',
    'read.noVoice':
      'No on-device voice is available for <lang>{language}</lang> in this browser, and TAP Desk never sends the pass to an online voice. Read it yourself, using the spoken form under each character, or ask IT to install a <lang>{language}</lang> voice in the operating system.',
    'read.voice': 'On-device voice',
    'read.voiceOption': '{name} ({lang})',
    'read.rate': 'Speaking rate: {rate}×',
    'read.group': 'Read group {number}',
    'read.repeat': 'Repeat group',
    'read.stop': 'Stop and start over',
  },
  {
    'goal.passkey': 'Hauptschlüssel (Passkey) in Authenticator',
    'goal.phoneSignIn': 'Telefonanmeldung',
    'goal.legend': 'Ziel für diese anrufende Person',
    'goal.passkeyResistant': 'Hauptschlüssel (Passkey) in Authenticator (Phishing-resistent)',
    'goal.reading': 'Die Passkey-Richtlinie wird gelesen…',
    'goal.unreadable':
      'Ihre Rolle kann die Passkey-Richtlinie nicht lesen, daher schlägt TAP Desk einen Hauptschlüssel (Passkey) vor; Entra lehnt ihn bei der Registrierung ab, wenn die Richtlinie diese Person nicht einschließt.',
    'goal.off': 'Hauptschlüssel (FIDO2) sind in diesem Mandanten deaktiviert.',
    'goal.excluded':
      'Die Passkey-Richtlinie schließt diese Person nicht ein, daher würde Entra einen Hauptschlüssel ablehnen.',
    'goal.restricted':
      'Die Schlüsseleinschränkungen der Passkey-Richtlinie lassen Microsoft Authenticator nicht zu.',
    'goal.included': 'Die Passkey-Richtlinie schließt diese Person ein.',
    'stepper.title': 'Fortschritt zur kennwortlosen Anmeldung',
    'stepper.done': '(erledigt)',
    'stepper.notYet': '(noch nicht)',
    'stepper.current': 'Aktueller Stand: {stage}',
    'stepper.currentInstead':
      '{outcome, select, passkey {Aktueller Stand: {stage} (statt der Telefonanmeldung wurde ein Hauptschlüssel erstellt)} other {Aktueller Stand: {stage} (statt eines Hauptschlüssels wurde die Telefonanmeldung aktiviert)}}',
    'stepper.pace':
      '{seconds, plural, one {Prüfung jede Sekunde (gemeinsames Graph-Limit)} other {Prüfung alle # Sekunden (gemeinsames Graph-Limit)}}',
    'steps.passkey.install':
      'Installieren Sie <b>Microsoft Authenticator</b> aus dem App Store oder von Google Play (ab iOS 17 oder Android 14).',
    'steps.passkey.addAccount':
      'Tippen Sie in Authenticator auf <b>+</b> › <b>Geschäfts- oder Schulkonto</b> › <b>Anmelden</b>, als {upn}.',
    'steps.passkey.enterPass': 'Geben Sie auf Nachfrage den Temporären Zugriffspass ein.',
    'steps.passkey.create':
      '<mark>Erstellen Sie auf Nachfrage den Hauptschlüssel (Passkey) und speichern Sie ihn in Authenticator.</mark> Vorher fragt das Telefon, ob Authenticator als Passkey-Anbieter aktiviert werden soll:',
    'steps.passkey.iphone':
      '<b>iPhone:</b> Einstellungen › Passwörter › Passwortoptionen: „Passwörter und Passkeys automatisch ausfüllen“ aktivieren und Authenticator auswählen.',
    'steps.passkey.android':
      '<b>Android:</b> Einstellungen › Passwörter und Konten › Zusätzliche Anbieter: Authenticator aktivieren (die Menünamen unterscheiden sich je nach Hersteller).',
    'steps.finish': 'Schließen Sie die Einrichtung vor dem Abmelden ab.',
    'steps.passkey.once':
      'Dieser Pass funktioniert einmal: Nach der Anmeldung bleiben 10 Minuten, um den Hauptschlüssel zu erstellen.',
    'steps.phone.once':
      'Dieser Pass funktioniert einmal: Nach der Anmeldung bleiben 10 Minuten, um die Einrichtung abzuschließen.',
    'steps.expires': 'Der Pass funktioniert nicht mehr, sobald er abläuft.',
    'steps.phone.goTo': 'Öffnen Sie <link>{address}</link>',
    'steps.phone.signIn':
      'Melden Sie sich als {upn} an. Geben Sie auf Nachfrage den Temporären Zugriffspass ein.',
    'steps.phone.addMethod':
      'Wählen Sie <b>Anmeldemethode hinzufügen</b> › <b>Authenticator-App</b>, und folgen Sie den Schritten auf dem Telefon, um die Einrichtung abzuschließen.',
    'steps.phone.enable':
      '<mark>Öffnen Sie danach in der Authenticator-App das Geschäftskonto und wählen Sie „Telefonanmeldung aktivieren“.</mark> Diesen Schritt vergessen viele: Ohne ihn brauchen sie weiterhin ein Kennwort.',
    'steps.qr': 'QR-Code für {url}',
    'read.noVoice':
      'In diesem Browser ist keine Stimme auf dem Gerät für <lang>{language}</lang> verfügbar, und TAP Desk sendet den Pass nie an eine Onlinestimme. Lesen Sie ihn selbst vor, mit der gesprochenen Form unter jedem Zeichen, oder bitten Sie die IT, eine Stimme für <lang>{language}</lang> im Betriebssystem zu installieren.',
    'read.voice': 'Stimme auf dem Gerät',
    'read.voiceOption': '{name} ({lang})',
    'read.rate': 'Sprechgeschwindigkeit: {rate}×',
    'read.group': 'Gruppe {number} vorlesen',
    'read.repeat': 'Gruppe wiederholen',
    'read.stop': 'Anhalten und von vorn beginnen',
  },
);
