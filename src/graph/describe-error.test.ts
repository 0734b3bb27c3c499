import { describe, expect, it } from 'vitest';
import { errorWords as words } from '../testing/words';
import { describeErrorText, verificationSiteAccessText } from './describe-error';
import { GraphError } from './errors';

describe('describeErrorText', () => {
  it('names what a 403 needs, in the words the English interface always used', () => {
    const text = describeErrorText(new GraphError(403, 'Authorization_RequestDenied', 'Denied'), {
      doing: 'load this user',
      needs: 'the User.Read.All permission',
    });
    expect(words(text).detail).toBe(
      'To load this user you need the User.Read.All permission. Your account or this app does not have it.',
    );
  });

  it('counts the wait of a 429 with a plural in each language', () => {
    const once = new GraphError(429, 'TooManyRequests', 'Slow down', undefined, 1);
    const many = new GraphError(429, 'TooManyRequests', 'Slow down', undefined, 7);
    expect(words(describeErrorText(once)).action).toBe('Wait 1 second, then try again.');
    expect(words(describeErrorText(many), 'de').action).toBe(
      'Warten Sie 7 Sekunden und versuchen Sie es dann erneut.',
    );
  });

  it('words the verification site grants for the level the person needs', () => {
    const error = new GraphError(403, 'accessDenied', 'Access denied');
    const text = describeErrorText(error, { doing: 'x', ...verificationSiteAccessText('add') });
    expect(words(text, 'de').action).toContain('„Nur hinzufügen“');
    expect(words(text).detail).toContain('the “Add only” level (add items)');
  });

  it('shows Graph’s own words for an answer it has no mapping for', () => {
    const text = describeErrorText(new GraphError(400, 'badRequest', 'Property x is invalid.'));
    expect(words(text, 'de')).toEqual({
      title: 'Microsoft Graph hat es abgelehnt, dies abzuschließen',
      detail: 'Property x is invalid.',
      action: 'Korrigieren Sie, was genannt wird, und versuchen Sie es erneut.',
    });
  });
});
