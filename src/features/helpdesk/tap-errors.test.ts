import { GraphError } from '../../graph/errors';
import { messageRef } from '../../i18n/catalog';
import { errorWords } from '../../testing/words';
import { messages } from './messages';
import { describeTapError } from './tap-errors';

const CONTEXT = {
  doing: messageRef(messages, 'doing.issue'),
  lifetimeRange: [60, 480] as const,
};
const REQUEST_ID = '7c1f2a4e-0000-4000-8000-000000000001';

/**
 * Every answer to a pass request we have seen, and where from. Entra documents none of these
 * refusals; the mapper must name the case and still show Graph's words and the request id.
 */
const VARIANTS: [source: string, status: number, code: string, message: string, title: RegExp][] = [
  [
    'policy off or person outside it: the wording public code calling Graph checks for',
    400,
    'badRequest',
    'Converged UserCredentialPolicy does not allow creating or updating this authentication method. AuthMethodType [TemporaryAccessPass].',
    /policy does not allow a pass/,
  ],
  [
    'the same refusal, cased and coded otherwise (codes and case are not a contract)',
    400,
    'BadRequest',
    'converged usercredentialpolicy DOES NOT ALLOW creating this method.',
    /policy does not allow a pass/,
  ],
  [
    'an external guest: the wording public code calling Graph checks for',
    400,
    'badRequest',
    'Temporary Access Pass cannot be added to an external guest user.',
    /external guests/,
  ],
  [
    "oneself: Microsoft's TAP page says nobody may create their own (wording undocumented)",
    403,
    'accessDenied',
    'A Temporary Access Pass cannot be created for your own account.',
    /to yourself/,
  ],
  [
    "an admin target: Microsoft's TAP page names the role needed (wording undocumented)",
    403,
    'accessDenied',
    'An Authentication Administrator cannot manage the authentication methods of this administrator; it needs a Privileged Authentication Administrator.',
    /Privileged Authentication Administrator/,
  ],
  [
    'one-time passes only: the policy property isUsableOnce (wording undocumented)',
    400,
    'badRequest',
    'The Temporary Access Pass policy allows one-time passes only, so isUsableOnce must be true.',
    /one-time passes only/,
  ],
  [
    'a lifetime outside the policy: the create page documents the range, not the words',
    400,
    'badRequest',
    'lifetimeInMinutes must be between 60 and 480.',
    /outside the tenant's policy/,
  ],
  [
    "Graph's generic refusal (https://learn.microsoft.com/graph/errors, accessDenied)",
    403,
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
    /Microsoft Entra refused this/,
  ],
  [
    'anything new: a code and words TAP Desk has never seen',
    400,
    'somethingNew',
    'A new rule refused this pass.',
    /Microsoft Graph refused to issue the Temporary Access Pass/,
  ],
];

describe("the issue form's reading of Graph's answer to a pass request", () => {
  it.each(VARIANTS)('%s', (_, status, code, message, title) => {
    const text = describeTapError(new GraphError(status, code, message, REQUEST_ID), CONTEXT);
    const description = errorWords(text);
    expect(description.title).toMatch(title);
    // Whatever the case, Graph's own words and the request id reach the person.
    expect(description.detail).toContain(message);
    expect(text.reference).toBe(REQUEST_ID);
    // The German reading keeps Graph's words too.
    expect(errorWords(text, 'de').detail).toContain(message);
    expect(description.action).not.toBe('');
  });

  it('leaves failures without an answer to the general mapper', () => {
    const text = describeTapError(new GraphError(0, 'network', 'Failed to fetch'), CONTEXT);
    expect(errorWords(text).title).toBe('Microsoft Graph could not be reached');
  });
});
