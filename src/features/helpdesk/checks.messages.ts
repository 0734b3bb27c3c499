import { defineCatalog } from '../../i18n/catalog';

/** What stops or slows an agent before issuing (issue-rules.ts), title and detail per check. */
export const messages = defineCatalog(
  'helpdesk.checks',
  {
    thisUser: 'This user',
    'self.title': 'You cannot issue a pass to yourself',
    'self.detail': 'Entra refuses self-issued passes. Ask a colleague to issue yours.',
    'disabled.title': 'The account is disabled',
    'disabled.detail':
      '{name} could not sign in with a pass. A User Administrator must enable the account first.',
    'externalGuest.title': 'External guests cannot get a Temporary Access Pass',
    'externalGuest.detail':
      '{name} is a guest from another organisation; they sign in with their home account. Entra refuses a pass for them.',
    'guest.title': 'This is an internal guest account',
    'guest.detail': 'Make sure this person should have a passwordless sign-in in this tenant.',
    'admin.title': '{name} is an administrator ({roles})',
    'admin.detailUnknown':
      'Only a Privileged Authentication Administrator can issue a pass to an admin, and your sign-in did not say which Entra roles you hold, so whether you may is unknown. If you are not one, Entra will refuse; otherwise verify the caller with extra care.',
    'admin.detailMay':
      'A pass for an admin account is sensitive: verify the caller with extra care.',
    'admin.detailMayNot':
      'Only a Privileged Authentication Administrator can issue a pass to an admin. Hand this call to a senior colleague.',
    'policyDisabled.title': 'Temporary Access Pass is turned off in this tenant',
    'policyDisabled.detail':
      'An Authentication Policy Administrator must enable it in the authentication methods policy.',
    'outsidePolicy.title': '{name} is outside the Temporary Access Pass policy',
    'outsidePolicy.detail':
      'The policy does not target any group this user belongs to, so Entra would refuse the pass. An Authentication Policy Administrator can add them to a targeted group.',
    'activeTap.title': 'This user already has an active pass',
    'activeTap.detail': 'Issuing a new pass deletes the current one: it stops working immediately.',
    'recentTap.title': 'A pass was issued to this user in the last 24 hours',
    'recentTap.detail':
      'Repeated passes are a common social-engineering pattern. Be sure the caller is who they say.',
    'changed.newPass':
      'A pass was issued to {name} at {time, time, short}, after you opened this page. Confirm below that you want to replace it.',
    'changed.newPassNow':
      'A pass was issued to {name} just now, after you opened this page. Confirm below that you want to replace it.',
    'changed.gone':
      'The pass you were about to replace no longer exists. Check the page and issue again.',
    'changed.otherAgent':
      '{name} started issuing a pass for this user {seconds} s ago. Confirm below before issuing another.',
    'otherAgent.title': '{name} started issuing a pass for this user {seconds} s ago',
    'otherAgent.detail':
      'A second pass would replace theirs, and the pass they read out would stop working. Talk to them first.',
    'passkeyOff.title': 'Passkeys (FIDO2) are turned off in this tenant',
    'passkeyOff.detail':
      '{name} cannot create a passkey in Microsoft Authenticator: choose phone sign-in as the goal, or ask an Authentication Policy Administrator to change the passkey policy.',
    'passkeyExcluded.title': 'The passkey policy does not include {name}',
    'passkeyExcluded.detail':
      'The caller cannot create a passkey in Microsoft Authenticator; Entra would refuse it. A pass still works: choose phone sign-in as the goal, or ask an Authentication Policy Administrator to change the passkey policy.',
    'passkeyRestricted.title':
      "{platforms, select, ios {The passkey policy's key restrictions block Microsoft Authenticator on iOS} android {The passkey policy's key restrictions block Microsoft Authenticator on Android} other {The passkey policy's key restrictions block Microsoft Authenticator on iOS and Android}}",
    'passkeyRestricted.detail':
      '{platforms, select, ios {A caller with an iOS phone} android {A caller with an Android phone} other {A caller with any phone}} cannot create a passkey in Microsoft Authenticator. A pass still works: choose phone sign-in as the goal, or ask an Authentication Policy Administrator to change the passkey policy.',
  },
  {
    thisUser: 'Diese Person',
    'self.title': 'Sie können sich selbst keinen Pass ausstellen',
    'self.detail':
      'Entra lehnt selbst ausgestellte Pässe ab. Bitten Sie eine Kollegin oder einen Kollegen, Ihren Pass auszustellen.',
    'disabled.title': 'Das Konto ist deaktiviert',
    'disabled.detail':
      '{name} könnte sich mit einem Pass nicht anmelden. Eine Person mit der Rolle „Benutzeradministrator“ muss das Konto zuerst aktivieren.',
    'externalGuest.title': 'Externe Gäste können keinen Temporären Zugriffspass erhalten',
    'externalGuest.detail':
      '{name} ist Gast aus einer anderen Organisation und meldet sich mit dem Konto der eigenen Organisation an. Entra lehnt einen Pass für Gäste ab.',
    'guest.title': 'Dies ist ein internes Gastkonto',
    'guest.detail':
      'Stellen Sie sicher, dass diese Person in diesem Mandanten eine kennwortlose Anmeldung erhalten soll.',
    'admin.title': '{name} ist Administrator ({roles})',
    'admin.detailUnknown':
      'Nur ein „Privilegierter Authentifizierungsadministrator“ kann einem Administrator einen Pass ausstellen, und Ihre Anmeldung hat nicht mitgeteilt, welche Entra-Rollen Sie haben; ob Sie es dürfen, ist daher unbekannt. Wenn Sie diese Rolle nicht haben, lehnt Entra ab; andernfalls überprüfen Sie die anrufende Person besonders sorgfältig.',
    'admin.detailMay':
      'Ein Pass für ein Administratorkonto ist heikel: Überprüfen Sie die anrufende Person besonders sorgfältig.',
    'admin.detailMayNot':
      'Nur ein „Privilegierter Authentifizierungsadministrator“ kann einem Administrator einen Pass ausstellen. Geben Sie diesen Anruf an eine erfahrene Kollegin oder einen erfahrenen Kollegen weiter.',
    'policyDisabled.title': 'Der Temporäre Zugriffspass ist in diesem Mandanten deaktiviert',
    'policyDisabled.detail':
      'Eine Person mit der Rolle „Authentifizierungsrichtlinienadministrator“ muss ihn in der Richtlinie für Authentifizierungsmethoden aktivieren.',
    'outsidePolicy.title': '{name} liegt außerhalb der Richtlinie für den Temporären Zugriffspass',
    'outsidePolicy.detail':
      'Die Richtlinie erfasst keine Gruppe, zu der diese Person gehört, daher würde Entra den Pass ablehnen. Eine Person mit der Rolle „Authentifizierungsrichtlinienadministrator“ kann sie einer erfassten Gruppe hinzufügen.',
    'activeTap.title': 'Diese Person hat bereits einen aktiven Pass',
    'activeTap.detail':
      'Ein neuer Pass löscht den aktuellen: Dieser funktioniert sofort nicht mehr.',
    'recentTap.title': 'Diese Person hat in den letzten 24 Stunden einen Pass erhalten',
    'recentTap.detail':
      'Wiederholte Pässe sind ein häufiges Social-Engineering-Muster. Vergewissern Sie sich, dass die anrufende Person ist, wer sie vorgibt zu sein.',
    'changed.newPass':
      '{name} hat um {time, time, short} einen Pass erhalten, nachdem Sie diese Seite geöffnet haben. Bestätigen Sie unten, dass Sie ihn ersetzen möchten.',
    'changed.newPassNow':
      '{name} hat soeben einen Pass erhalten, nachdem Sie diese Seite geöffnet haben. Bestätigen Sie unten, dass Sie ihn ersetzen möchten.',
    'changed.gone':
      'Der Pass, den Sie ersetzen wollten, existiert nicht mehr. Prüfen Sie die Seite und stellen Sie erneut aus.',
    'changed.otherAgent':
      '{name} hat vor {seconds} s begonnen, dieser Person einen Pass auszustellen. Bestätigen Sie unten, bevor Sie einen weiteren ausstellen.',
    'otherAgent.title':
      '{name} hat vor {seconds} s begonnen, dieser Person einen Pass auszustellen',
    'otherAgent.detail':
      'Ein zweiter Pass würde diesen ersetzen, und der vorgelesene Pass würde nicht mehr funktionieren. Sprechen Sie sich zuerst ab.',
    'passkeyOff.title': 'Hauptschlüssel (FIDO2) sind in diesem Mandanten deaktiviert',
    'passkeyOff.detail':
      '{name} kann keinen Hauptschlüssel (Passkey) in Microsoft Authenticator erstellen: Wählen Sie die Telefonanmeldung als Ziel, oder bitten Sie eine Person mit der Rolle „Authentifizierungsrichtlinienadministrator“, die Passkey-Richtlinie zu ändern.',
    'passkeyExcluded.title': 'Die Passkey-Richtlinie schließt {name} nicht ein',
    'passkeyExcluded.detail':
      'Die anrufende Person kann keinen Hauptschlüssel (Passkey) in Microsoft Authenticator erstellen; Entra würde ihn ablehnen. Ein Pass funktioniert trotzdem: Wählen Sie die Telefonanmeldung als Ziel, oder bitten Sie eine Person mit der Rolle „Authentifizierungsrichtlinienadministrator“, die Passkey-Richtlinie zu ändern.',
    'passkeyRestricted.title':
      '{platforms, select, ios {Die Schlüsseleinschränkungen der Passkey-Richtlinie blockieren Microsoft Authenticator unter iOS} android {Die Schlüsseleinschränkungen der Passkey-Richtlinie blockieren Microsoft Authenticator unter Android} other {Die Schlüsseleinschränkungen der Passkey-Richtlinie blockieren Microsoft Authenticator unter iOS und Android}}',
    'passkeyRestricted.detail':
      '{platforms, select, ios {Mit einem iPhone kann die anrufende Person keinen Hauptschlüssel (Passkey) in Microsoft Authenticator erstellen.} android {Mit einem Android-Telefon kann die anrufende Person keinen Hauptschlüssel (Passkey) in Microsoft Authenticator erstellen.} other {Die anrufende Person kann auf keinem Telefon einen Hauptschlüssel (Passkey) in Microsoft Authenticator erstellen.}} Ein Pass funktioniert trotzdem: Wählen Sie die Telefonanmeldung als Ziel, oder bitten Sie eine Person mit der Rolle „Authentifizierungsrichtlinienadministrator“, die Passkey-Richtlinie zu ändern.',
  },
);
