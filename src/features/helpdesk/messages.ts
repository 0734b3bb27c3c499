import { defineCatalog } from '../../i18n/catalog';

/**
 * The help desk's words. `doing.*` fill graph's "{doing}" (see src/graph/messages.ts): a bare
 * infinitive in English, a zu-infinitive in German.
 */
export const messages = defineCatalog(
  'helpdesk',
  {
    'doing.issue': 'issue the Temporary Access Pass',
    'doing.loadUser': 'load this user',
    'doing.searchUsers': 'search users',
    'needs.issue':
      'the Authentication Administrator role (Privileged Authentication Administrator for admin accounts) and the UserAuthMethod-TAP.ReadWrite.All permission',
    'needs.userRead': 'the User.Read.All permission',
    graphSaid: 'Microsoft Graph said: “{said}”',
    detailAndGraphSaid: '{detail} Microsoft Graph said: “{said}”',
    'tapRule.policy.title':
      'The Temporary Access Pass policy does not allow a pass for this person',
    'tapRule.policy.action':
      'Ask an Authentication Policy Administrator to check that the policy is on and includes this person, then issue again.',
    'tapRule.guest.title': 'Entra does not give passes to external guests',
    'tapRule.guest.action':
      "The guest signs in with their own organisation's account; they need no pass here.",
    'tapRule.self.title': 'You cannot issue a pass to yourself',
    'tapRule.self.action': 'Ask a colleague to issue yours.',
    'tapRule.admin.title':
      'Only a Privileged Authentication Administrator can issue a pass to an admin',
    'tapRule.admin.action': 'Hand this call to a senior colleague who holds that role.',
    'tapRule.oneTime.title': 'The policy allows one-time passes only',
    'tapRule.oneTime.action': 'Issue a one-time pass instead.',
  },
  {
    'doing.issue': 'den Temporären Zugriffspass auszustellen',
    'doing.loadUser': 'diese Person zu laden',
    'doing.searchUsers': 'Personen zu suchen',
    'needs.issue':
      'die Rolle „Authentifizierungsadministrator“ („Privilegierter Authentifizierungsadministrator“ für Administratorkonten) und die Berechtigung „UserAuthMethod-TAP.ReadWrite.All“',
    'needs.userRead': 'die Berechtigung „User.Read.All“',
    graphSaid: 'Microsoft Graph meldet: „{said}“',
    detailAndGraphSaid: '{detail} Microsoft Graph meldet: „{said}“',
    'tapRule.policy.title':
      'Die Richtlinie für den Temporären Zugriffspass erlaubt für diese Person keinen Pass',
    'tapRule.policy.action':
      'Bitten Sie eine Person mit der Rolle „Authentifizierungsrichtlinienadministrator“ zu prüfen, ob die Richtlinie aktiviert ist und diese Person einschließt, und stellen Sie dann erneut aus.',
    'tapRule.guest.title': 'Entra stellt externen Gästen keine Pässe aus',
    'tapRule.guest.action':
      'Der Gast meldet sich mit dem Konto seiner eigenen Organisation an und braucht hier keinen Pass.',
    'tapRule.self.title': 'Sie können sich selbst keinen Pass ausstellen',
    'tapRule.self.action': 'Bitten Sie eine Kollegin oder einen Kollegen, Ihren Pass auszustellen.',
    'tapRule.admin.title':
      'Nur ein „Privilegierter Authentifizierungsadministrator“ kann einem Administratorkonto einen Pass ausstellen',
    'tapRule.admin.action':
      'Übergeben Sie diesen Anruf an eine erfahrene Kollegin oder einen erfahrenen Kollegen mit dieser Rolle.',
    'tapRule.oneTime.title': 'Die Richtlinie erlaubt nur Einmal-Pässe',
    'tapRule.oneTime.action': 'Stellen Sie stattdessen einen Einmal-Pass aus.',
  },
);
