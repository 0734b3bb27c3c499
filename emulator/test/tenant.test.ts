import { describe, expect, it } from 'vitest';
import {
  AUTHENTICATOR_AAGUIDS,
  PILOT_GROUP_ID,
  PILOT_WAVE2_GROUP_ID,
  ROLE_TEMPLATE_IDS,
  TAP_SYMBOLS,
} from '../constants';
import { findUser, isTargeted, rolesOf, transitiveUserIds } from '../directory';
import type { Tenant } from '../model';
import { DEMO_ACCOUNTS, DEMO_FIXTURES } from '../seed/people';
import { createTenant } from '../seed/tenant';
import { DEFAULT_SETTINGS } from '../settings';
import { tapUsability } from '../tap';

const NOW = Date.parse('2026-11-20T09:00:00Z');
const HOUR = 3_600_000;
const tenant = createTenant(DEFAULT_SETTINGS, NOW);
const methods = (id: string) => tenant.authMethods.get(id)!;
const usability = (id: string) => {
  const tap = methods(id).temporaryAccessPass;
  return tap && tapUsability(tap, tenant.tapPolicy, NOW).methodUsabilityReason;
};

/** The whole tenant with every timestamp as an offset from its generation time. */
function normalised(t: Tenant): string {
  return JSON.stringify(
    { ...t, generatedAt: 0, authMethods: [...t.authMethods] },
    (_key, value: unknown) =>
      typeof value === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value)
        ? Date.parse(value) - t.generatedAt
        : value,
  );
}

describe('the seeded tenant', () => {
  it('is the same for the same settings, whenever it is generated', () => {
    expect(normalised(createTenant(DEFAULT_SETTINGS, NOW + 5 * HOUR))).toBe(normalised(tenant));
    expect(normalised(createTenant({ ...DEFAULT_SETTINGS, userCount: 301 }, NOW))).not.toBe(
      normalised(tenant),
    );
  });

  it('keeps staff and fixtures identical whatever the population size', () => {
    const big = createTenant({ ...DEFAULT_SETTINGS, userCount: 2000 }, NOW);
    for (const fixture of Object.values(DEMO_FIXTURES)) {
      expect(findUser(big, fixture.id)).toEqual(findUser(tenant, fixture.id));
      expect(big.authMethods.get(fixture.id)).toEqual(methods(fixture.id));
    }
  });

  it('has the configured size, a 40 % pilot with a nested wave and a few users outside the TAP policy', () => {
    expect(tenant.users).toHaveLength(300);
    const pilot = transitiveUserIds(tenant, PILOT_GROUP_ID);
    expect(pilot.size).toBe(120);
    expect(transitiveUserIds(tenant, PILOT_WAVE2_GROUP_ID).size).toBeGreaterThan(20);
    const outside = tenant.users.filter((u) => !isTargeted(tenant, tenant.tapPolicy, u.id));
    expect(outside.length).toBeGreaterThanOrEqual(10);
    expect(outside.length).toBeLessThanOrEqual(25);
    expect([...pilot].some((id) => outside.some((u) => u.id === id))).toBe(true);
    for (const u of outside) expect(methods(u.id).temporaryAccessPass).toBeNull();
  });

  it('grows the population when the pilot is larger than the user count', () => {
    const large = createTenant({ ...DEFAULT_SETTINGS, userCount: 100, pilotSize: 1500 }, NOW);
    expect(transitiveUserIds(large, PILOT_GROUP_ID).size).toBe(1500);
    expect(large.users.length).toBeGreaterThan(1500);
    expect(new Set(large.users.map((u) => u.userPrincipalName)).size).toBe(large.users.length);
  });

  it('mixes onboarding stages across the pilot', () => {
    const stages = { none: 0, valid: 0, expired: 0, used: 0, push: 0, passwordless: 0, passkey: 0 };
    const authenticatorPasskeys: string[] = Object.values(AUTHENTICATOR_AAGUIDS);
    for (const id of transitiveUserIds(tenant, PILOT_GROUP_ID)) {
      const m = methods(id);
      const reason = usability(id);
      // Finished: phone sign-in, or a passkey in Authenticator instead (decision 0011).
      if (m.fido2.some((f) => authenticatorPasskeys.includes(f.aaGuid))) {
        stages.passwordless++;
        stages.passkey++;
      } else if (m.microsoftAuthenticator.some((a) => a.device)) stages.passwordless++;
      else if (m.microsoftAuthenticator.length > 0) stages.push++;
      else if (m.temporaryAccessPass?.usedDateTime) stages.used++;
      else if (reason === 'EnabledByPolicy' || reason === 'NotYetValid') stages.valid++;
      else if (reason === 'Expired') stages.expired++;
      else stages.none++;
    }
    expect(stages.none).toBeGreaterThanOrEqual(24);
    expect(stages.valid).toBeGreaterThanOrEqual(10);
    expect(stages.expired).toBeGreaterThanOrEqual(10);
    expect(stages.used).toBeGreaterThanOrEqual(10);
    expect(stages.push).toBeGreaterThanOrEqual(16);
    expect(stages.passwordless).toBeGreaterThanOrEqual(30);
    // Some finished with a passkey, most with phone sign-in.
    expect(stages.passkey).toBeGreaterThanOrEqual(5);
    expect(stages.passkey).toBeLessThan(stages.passwordless - stages.passkey);
    const created = [...tenant.authMethods.values()]
      .map((m) => m.temporaryAccessPass?.createdDateTime)
      .filter((d): d is string => !!d)
      .map((d) => (NOW - Date.parse(d)) / (24 * HOUR));
    expect(Math.max(...created)).toBeGreaterThan(14);
  });

  it('has the staff, admins, guests and disabled accounts the demo needs', () => {
    const holders = (key: keyof typeof ROLE_TEMPLATE_IDS) =>
      tenant.directoryRoles.find((r) => r.roleTemplateId === ROLE_TEMPLATE_IDS[key])!.memberIds;
    expect(holders('globalAdministrator')).toHaveLength(2);
    expect(holders('userAdministrator')).toHaveLength(2);
    expect(holders('securityAdministrator')).toHaveLength(1);
    const audrey = DEMO_ACCOUNTS.find((a) => a.userPrincipalName === 'audrey.auditor@contoso.com')!;
    expect(
      rolesOf(tenant, audrey.id)
        .map((r) => r.displayName)
        .sort(),
    ).toEqual(['Reports Reader', 'Security Reader']);
    expect(tenant.users.filter((u) => !u.accountEnabled)).toHaveLength(2);
    expect(findUser(tenant, DEMO_FIXTURES.externalGuest.userPrincipalName)).toMatchObject({
      userType: 'Guest',
      externalUserState: 'Accepted',
      mail: 'pat.guest@fabrikam.com',
    });
    expect(tenant.users.some((u) => u.displayName === "Siobhán O'Brien")).toBe(true);
  });

  it('gives each fixture the state its description promises', () => {
    expect(usability(DEMO_FIXTURES.pilotValidTap.id)).toBe('EnabledByPolicy');
    const expired = methods(DEMO_FIXTURES.pilotExpiredTap.id).temporaryAccessPass!;
    expect(usability(DEMO_FIXTURES.pilotExpiredTap.id)).toBe('Expired');
    expect(NOW - (Date.parse(expired.startDateTime) + expired.lifetimeInMinutes * 60_000)).toBe(
      2 * HOUR,
    );
    expect(usability(DEMO_FIXTURES.pilotTapNotYetValid.id)).toBe('NotYetValid');
    expect(methods(DEMO_FIXTURES.pilotTapUsed.id).temporaryAccessPass?.usedDateTime).not.toBeNull();
    expect(methods(DEMO_FIXTURES.pilotPushOnly.id).microsoftAuthenticator).toEqual([
      expect.objectContaining({
        createdDateTime: null,
        device: null,
        deviceTag: 'SoftwareTokenActivated',
      }),
    ]);
    expect(
      methods(DEMO_FIXTURES.pilotPasswordless.id).microsoftAuthenticator[0]?.device,
    ).not.toBeNull();
    expect(usability(DEMO_FIXTURES.adminWithTap.id)).toBe('OneTimeUsed');
    expect(isTargeted(tenant, tenant.tapPolicy, DEMO_FIXTURES.outsideTapTarget.id)).toBe(false);
    expect(isTargeted(tenant, tenant.tapPolicy, DEMO_FIXTURES.pilotNothingYet.id)).toBe(true);
  });

  it('generates passes of the policy length from letters, digits and TAP_SYMBOLS', () => {
    const passes = [...tenant.authMethods.values()].flatMap(
      (m) => m.temporaryAccessPass?.secret ?? [],
    );
    expect(passes.length).toBeGreaterThan(50);
    const allowed = new RegExp(`^[A-Za-z0-9${TAP_SYMBOLS.replace(/[-\\\]^]/g, '\\$&')}]{8}$`);
    for (const pass of passes) expect(pass).toMatch(allowed);
    expect(new Set(passes).size).toBe(passes.length);
  });
});

describe('audit history and verification records', () => {
  const creations = (userId: string) =>
    tenant.directoryAudits.filter(
      (a) =>
        a.activityDisplayName === 'Admin registered security info' &&
        a.targetResources[0]?.id === userId,
    );
  const records = (userId: string) =>
    tenant.verificationRecords.filter((r) => r.fields.TargetUserId === userId);

  it('logs TAP creations in Graph’s shape, newest first', () => {
    const [event] = creations(DEMO_FIXTURES.pilotValidTap.id);
    expect(event).toEqual({
      id: expect.stringMatching(/^Directory_/),
      category: 'UserManagement',
      correlationId: expect.any(String),
      result: 'success',
      resultReason: 'Admin registered temporary access pass method for user',
      activityDisplayName: 'Admin registered security info',
      activityDateTime: new Date(NOW - 0.5 * HOUR).toISOString(),
      loggedByService: 'Authentication Methods',
      operationType: 'Add',
      initiatedBy: {
        user: {
          id: DEMO_ACCOUNTS[0]!.id,
          displayName: 'Helen Helpdesk',
          userPrincipalName: 'helen.helpdesk@contoso.com',
          ipAddress: expect.stringMatching(/^203\.0\.113\./),
        },
        app: null,
      },
      targetResources: [
        {
          id: DEMO_FIXTURES.pilotValidTap.id,
          displayName: null,
          type: 'User',
          userPrincipalName: 'jose.nunez@contoso.com',
          groupType: null,
          modifiedProperties: [
            { displayName: 'AccessPassUsage', oldValue: null, newValue: 'Multiple' },
          ],
        },
      ],
      additionalDetails: [],
    });
    const times = tenant.directoryAudits.map((a) => a.activityDateTime);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('matches TAP Desk records to creations, with the planted exceptions', () => {
    const jose = DEMO_FIXTURES.pilotValidTap.id;
    expect(records(jose)).toHaveLength(1);
    expect(records(jose)[0]?.fields).toMatchObject({
      TargetUpn: 'jose.nunez@contoso.com',
      IssuedByUpn: 'helen.helpdesk@contoso.com',
      TapMethodId: methods(jose).temporaryAccessPass?.id,
      Outcome: 'issued',
    });
    expect(JSON.stringify(tenant.verificationRecords)).not.toContain(
      methods(jose).temporaryAccessPass!.secret,
    );
    const portal = DEMO_FIXTURES.portalTap.id;
    expect(creations(portal)[0]?.initiatedBy.user?.displayName).toBe('Olga Ivanova');
    expect(records(portal)).toHaveLength(0);
    expect(creations(DEMO_FIXTURES.listItemWithoutAudit.id)).toHaveLength(0);
    expect(records(DEMO_FIXTURES.listItemWithoutAudit.id)).toHaveLength(1);
    const twice = creations(DEMO_FIXTURES.twoTapsIn24h.id).map((a) =>
      Date.parse(a.activityDateTime),
    );
    expect(twice).toHaveLength(2);
    expect(Math.abs((twice[0] ?? 0) - (twice[1] ?? 0))).toBeLessThan(24 * HOUR);
    expect(creations(DEMO_FIXTURES.adminWithTap.id)[0]?.initiatedBy.user?.userPrincipalName).toBe(
      'sam.senior@contoso.com',
    );
    const portalShare = tenant.directoryAudits.filter(
      (a) =>
        a.activityDisplayName === 'Admin registered security info' &&
        a.initiatedBy.user?.displayName === 'Olga Ivanova',
    );
    expect(portalShare.length).toBeGreaterThanOrEqual(2);
  });

  it('logs Authenticator registrations as the user', () => {
    const kwame = DEMO_FIXTURES.pilotPasswordless;
    const events = tenant.directoryAudits.filter((a) => a.initiatedBy.user?.id === kwame.id);
    expect(events.map((e) => e.activityDisplayName)).toEqual([
      'User registered security info',
      'User registered security info',
    ]);
    expect(events.map((e) => e.resultReason)).toContain(
      'User registered Authenticator App with Notification and Code',
    );
  });
});
