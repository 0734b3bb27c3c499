import { describe, expect, it } from 'vitest';
import {
  AUTHENTICATOR_PASSKEY_AAGUIDS,
  type Fido2Policy,
} from '../../graph/authentication-methods';
import { wordsOf } from '../../testing/words';
import { defaultGoal } from './passkey-goal';

const PILOT = 'pilot-group';
const policy = (overrides: Partial<Fido2Policy> = {}): Fido2Policy => ({
  id: 'Fido2',
  state: 'enabled',
  includeTargets: [{ targetType: 'group', id: PILOT, isRegistrationRequired: false }],
  excludeTargets: [],
  keyRestrictions: {
    isEnforced: true,
    enforcementType: 'allow',
    aaGuids: [AUTHENTICATOR_PASSKEY_AAGUIDS.ios, AUTHENTICATOR_PASSKEY_AAGUIDS.android],
  },
  ...overrides,
});
const base = { userId: 'u1', groupIds: [PILOT], policyUnreadable: false };

describe('the default handover goal', () => {
  it('is a passkey when the passkey policy targets the user', () => {
    expect(defaultGoal({ ...base, policy: policy() }).goal).toBe('passkey');
    expect(
      defaultGoal({
        ...base,
        groupIds: [],
        policy: policy({ includeTargets: [{ targetType: 'group', id: 'all_users' }] }),
      }).goal,
    ).toBe('passkey');
  });

  it('is a passkey when the policy cannot be read, and says why', () => {
    const suggestion = defaultGoal({ ...base, policy: undefined, policyUnreadable: true });
    expect(suggestion.goal).toBe('passkey');
    expect(wordsOf(suggestion.reason)).toMatch(/cannot read the passkey policy/);
  });

  it('is phone sign-in when the policy leaves the user out, excludes them or is off', () => {
    const outside = defaultGoal({ ...base, groupIds: ['other'], policy: policy() });
    expect(outside.goal).toBe('phoneSignIn');
    expect(wordsOf(outside.reason)).toMatch(/does not include this user/);
    expect(
      defaultGoal({
        ...base,
        policy: policy({ excludeTargets: [{ targetType: 'group', id: PILOT }] }),
      }).goal,
    ).toBe('phoneSignIn');
    expect(defaultGoal({ ...base, policy: policy({ state: 'disabled' }) }).goal).toBe(
      'phoneSignIn',
    );
  });

  it("is phone sign-in when key restrictions keep Authenticator's AAGUIDs out", () => {
    const onlyYubiKeys = policy({
      keyRestrictions: {
        isEnforced: true,
        enforcementType: 'allow',
        aaGuids: ['cb69481e-8ff7-4039-93ec-0a2729a154a8'],
      },
    });
    const restricted = defaultGoal({ ...base, policy: onlyYubiKeys });
    expect(restricted.goal).toBe('phoneSignIn');
    expect(wordsOf(restricted.reason)).toMatch(/key restrictions/);
    const blocked = policy({
      keyRestrictions: {
        isEnforced: true,
        enforcementType: 'block',
        aaGuids: [AUTHENTICATOR_PASSKEY_AAGUIDS.ios, AUTHENTICATOR_PASSKEY_AAGUIDS.android],
      },
    });
    expect(defaultGoal({ ...base, policy: blocked }).goal).toBe('phoneSignIn');
  });
});
