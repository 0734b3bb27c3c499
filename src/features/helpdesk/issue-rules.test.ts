import {
  AUTHENTICATOR_PASSKEY_AAGUIDS,
  type Fido2Policy,
  type TemporaryAccessPass,
} from '../../graph/authentication-methods';
import type { MessageRef } from '../../i18n/catalog';
import { wordsOf } from '../../testing/words';
import { issueChecks, policyView, type PolicyView } from './issue-rules';

/** A check's title or detail as an English-speaking agent reads it. */
const read = (ref: MessageRef | undefined) => (ref ? wordsOf(ref) : undefined);

const NOW = new Date('2026-11-26T12:00:00Z');
const TARGET_GROUP = 'group-tap';
const PAA = '7be44c8a-adaf-4e2a-84d6-ab2649e08a13';
const AUTH_ADMIN = 'c4e39bd9-1100-46d3-8c65-fb160da0071f';

const policy: PolicyView = {
  ...policyView(
    undefined,
    {
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
      defaultLifetimeInMinutes: 60,
      isUsableOnce: false,
    },
    [TARGET_GROUP],
  ),
};

function checks(overrides: {
  user?: object;
  roles?: { id: string; displayName: string; roleTemplateId: string }[];
  groups?: string[];
  taps?: TemporaryAccessPass[];
  issuerRoles?: string[];
  policy?: PolicyView;
}) {
  return issueChecks({
    user: {
      id: 'u1',
      displayName: 'Ada Lovelace',
      userType: 'Member',
      accountEnabled: true,
      ...overrides.user,
    },
    memberships: {
      directoryRoles: overrides.roles ?? [],
      groupIds: overrides.groups ?? [TARGET_GROUP],
    },
    taps: overrides.taps ?? [],
    policy: overrides.policy ?? policy,
    issuer: { oid: 'me', directoryRoleIds: overrides.issuerRoles ?? [AUTH_ADMIN] },
    now: NOW,
  }).map((check) => `${check.id}:${check.severity}`);
}

describe('what stops or slows an agent before issuing', () => {
  it('lets an ordinary member in the policy through without warnings', () => {
    expect(checks({})).toEqual([]);
  });

  it('stops an Authentication Administrator at an admin account', () => {
    expect(
      checks({ roles: [{ id: 'r', displayName: 'User Administrator', roleTemplateId: 'x' }] }),
    ).toEqual(['admin:stop']);
  });

  it('asks a Privileged Authentication Administrator to confirm an admin account', () => {
    expect(
      checks({
        roles: [{ id: 'r', displayName: 'User Administrator', roleTemplateId: 'x' }],
        issuerRoles: [PAA],
      }),
    ).toEqual(['admin:confirm']);
  });

  it("says whether the agent may is unknown, not 'no', when the sign-in carried no wids claim", () => {
    const admin = [{ id: 'r', displayName: 'User Administrator', roleTemplateId: 'x' }];
    expect(checks({ roles: admin, issuerRoles: [] })).toEqual(['admin:confirm']);
    const [check] = issueChecks({
      user: { id: 'u1', displayName: 'Ada', userType: 'Member', accountEnabled: true },
      memberships: { directoryRoles: admin, groupIds: [TARGET_GROUP] },
      taps: [],
      policy,
      issuer: { oid: 'me', directoryRoleIds: [] },
      now: NOW,
    });
    expect(read(check?.detail)).toMatch(/whether you may is unknown/);
  });

  it('stops at external guests, disabled accounts and oneself', () => {
    expect(checks({ user: { userType: 'Guest', externalUserState: 'Accepted' } })).toEqual([
      'externalGuest:stop',
    ]);
    expect(checks({ user: { accountEnabled: false } })).toEqual(['disabled:stop']);
    expect(checks({ user: { id: 'me' } })).toEqual(['self:stop']);
  });

  it('stops when the user is outside the policy targets', () => {
    expect(checks({ groups: ['other-group'] })).toEqual(['outsidePolicy:stop']);
    const allUsers = { ...policy, includeTargets: ['all_users'] };
    expect(checks({ groups: [], policy: allUsers })).toEqual([]);
  });

  it('asks to confirm replacing an active pass and a pass from the last 24 hours', () => {
    const active: TemporaryAccessPass = {
      id: 't',
      isUsable: true,
      methodUsabilityReason: 'EnabledByPolicy',
      createdDateTime: '2026-11-26T11:00:00Z',
    };
    expect(checks({ taps: [active] })).toEqual(['activeTap:confirm', 'recentTap:confirm']);
    const old: TemporaryAccessPass = {
      id: 't',
      isUsable: false,
      methodUsabilityReason: 'Expired',
      createdDateTime: '2026-11-20T11:00:00Z',
    };
    expect(checks({ taps: [old] })).toEqual([]);
  });

  it('takes bounds and targets from the tenant policy when it can be read', () => {
    const view = policyView(
      {
        minimumLifetimeInMinutes: 10,
        maximumLifetimeInMinutes: 120,
        defaultLifetimeInMinutes: 30,
        isUsableOnce: true,
        state: 'enabled',
        includeTargets: [{ id: 'g1' }],
      },
      policy,
      [],
    );
    expect(view).toMatchObject({
      source: 'tenant',
      minimumLifetimeInMinutes: 10,
      maximumLifetimeInMinutes: 120,
      isUsableOnce: true,
      includeTargets: ['g1'],
    });
  });
});

describe('the 24-hour warning', () => {
  it('also counts passes TAP Desk recorded that Graph no longer shows', () => {
    const result = issueChecks({
      user: { id: 'u1', displayName: 'Ada', userType: 'Member', accountEnabled: true },
      memberships: { directoryRoles: [], groupIds: [TARGET_GROUP] },
      taps: [],
      recordedIssues: ['2026-11-26T03:00:00Z'],
      policy,
      issuer: { oid: 'me', directoryRoleIds: [AUTH_ADMIN] },
      now: NOW,
    });
    expect(result.map((check) => check.id)).toEqual(['recentTap']);
  });
});

describe('the passkey policy check', () => {
  const { ios, android } = AUTHENTICATOR_PASSKEY_AAGUIDS;
  const fido2 = (overrides: Partial<Fido2Policy> = {}): Fido2Policy => ({
    state: 'enabled',
    includeTargets: [{ targetType: 'group', id: TARGET_GROUP, isRegistrationRequired: false }],
    excludeTargets: [],
    keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [ios, android] },
    ...overrides,
  });
  const passkeyChecks = (passkeyPolicy: Fido2Policy | undefined, groups = [TARGET_GROUP]) =>
    issueChecks({
      user: { id: 'u1', displayName: 'Ada', userType: 'Member', accountEnabled: true },
      memberships: { directoryRoles: [], groupIds: groups },
      taps: [],
      policy,
      passkeyPolicy,
      issuer: { oid: 'me', directoryRoleIds: [AUTH_ADMIN] },
      now: NOW,
    }).filter((check) => check.id === 'passkeyPolicy');

  it('shows nothing when the policy is unreadable, or targets the user and allows Authenticator', () => {
    expect(passkeyChecks(undefined)).toEqual([]);
    expect(passkeyChecks(fido2())).toEqual([]);
    expect(
      passkeyChecks(fido2({ includeTargets: [{ targetType: 'group', id: 'all_users' }] }), []),
    ).toEqual([]);
    expect(passkeyChecks(fido2({ keyRestrictions: { isEnforced: false, aaGuids: [] } }))).toEqual(
      [],
    );
    expect(
      passkeyChecks(
        fido2({ keyRestrictions: { isEnforced: true, enforcementType: 'block', aaGuids: ['x'] } }),
      ),
    ).toEqual([]);
  });

  it('informs, without stopping, when the policy leaves the user out or is off', () => {
    const [outside] = passkeyChecks(fido2(), ['other-group']);
    expect(outside).toMatchObject({ id: 'passkeyPolicy', severity: 'confirm' });
    expect(read(outside?.detail)).toContain('cannot create a passkey in Microsoft Authenticator');
    expect(read(outside?.detail)).toContain('phone sign-in');
    expect(read(outside?.detail)).toContain('Authentication Policy Administrator');
    const excluded = passkeyChecks(
      fido2({ excludeTargets: [{ targetType: 'group', id: TARGET_GROUP }] }),
    );
    expect(excluded.map((c) => `${c.id}:${c.severity}`)).toEqual(['passkeyPolicy:confirm']);
    expect(passkeyChecks(fido2({ state: 'disabled' })).map((c) => c.id)).toEqual(['passkeyPolicy']);
  });

  it('names the platform whose Authenticator AAGUID the key restrictions block', () => {
    const allowOnly = (aaGuids: string[]) =>
      passkeyChecks(
        fido2({ keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids } }),
      );
    expect(read(allowOnly([android])[0]?.title)).toMatch(/Authenticator on iOS$/);
    expect(read(allowOnly([ios.toUpperCase()])[0]?.title)).toMatch(/Authenticator on Android$/);
    expect(read(allowOnly([])[0]?.title)).toMatch(/Authenticator on iOS and Android$/);
    const blocked = passkeyChecks(
      fido2({ keyRestrictions: { isEnforced: true, enforcementType: 'block', aaGuids: [ios] } }),
    );
    expect(blocked).toEqual([
      expect.objectContaining({ id: 'passkeyPolicy', severity: 'confirm' }),
    ]);
    expect(read(blocked[0]?.title)).toBe(
      "The passkey policy's key restrictions block Microsoft Authenticator on iOS",
    );
    expect(wordsOf(blocked[0]!.title, 'de')).toBe(
      'Die Schlüsseleinschränkungen der Passkey-Richtlinie blockieren Microsoft Authenticator unter iOS',
    );
  });
});
