import { GraphError } from '../../graph/errors';
import { formatMessageRef, intlFor } from '../../i18n/message-ref';
import { evaluateReadiness, type CheckPhrase, type ReadinessInputs } from './checks';
import { messages } from './messages';
import type { VerificationRecord } from '../../graph/verification-records';

const PILOT = '5a0c7e21-3f4b-4d6a-8e9c-1b2d3f4a5c60';
const TAP_GROUP = '7c2e9a43-5b6d-4f8c-a0be-3d4f5b6c7e82';
const ok = <T>(value: T) => ({ ok: true as const, value });
const failed = (error: unknown) => ({ ok: false as const, error });
const forbidden = new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges');

function inputs(overrides: Partial<ReadinessInputs> = {}): ReadinessInputs {
  return {
    pilotGroups: [{ id: PILOT, displayName: 'Passwordless Pilot' }],
    tapTargetGroupIds: [TAP_GROUP],
    retentionDays: 30,
    siteHost: 'contoso.sharepoint.com',
    tapPolicy: ok({
      state: 'enabled',
      defaultLength: 8,
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
      isUsableOnce: false,
      includeTargets: [{ targetType: 'group', id: TAP_GROUP }],
      excludeTargets: [],
    }),
    authenticatorPolicy: ok({
      state: 'enabled',
      includeTargets: [{ targetType: 'group', id: 'all_users', authenticationMode: 'any' }],
    }),
    passkeyPolicy: ok({
      state: 'enabled',
      isSelfServiceRegistrationAllowed: true,
      keyRestrictions: {
        isEnforced: true,
        enforcementType: 'allow',
        aaGuids: ['90a3ccdf-635c-4729-a248-9b709135078f', 'de1e552d-db1d-4423-a619-566b625cdc84'],
      },
      includeTargets: [{ targetType: 'group', id: PILOT }],
    }),
    listRecords: ok({
      records: [
        {
          itemId: '7',
          Title: 'INC0001',
          Outcome: 'issued',
          IssuedByUpn: 'helen.helpdesk@contoso.com',
          createdByUpn: 'Helen.Helpdesk@contoso.com',
          createdByName: 'Helen Helpdesk',
          createdDateTime: '2026-11-20T09:15:00Z',
        } as VerificationRecord,
      ],
      unreadable: 0,
    }),
    registrationReport: ok({ value: [] }),
    ...overrides,
  };
}

const statusOf = (input: ReadinessInputs) =>
  Object.fromEntries(evaluateReadiness(input).map((check) => [check.id, check.status]));

const english = intlFor('en', [messages]);
/** A finding as the page words it in English. */
const en = (found: CheckPhrase | undefined) => found && formatMessageRef(english, found);

describe('the readiness checks', () => {
  it('pass the recipe, with a record the helpdesk wrote through TAP Desk as proof that it can add', () => {
    expect(statusOf(inputs())).toEqual({
      tapPolicy: 'pass',
      authenticatorPolicy: 'pass',
      passkeyPolicy: 'pass',
      listReachable: 'pass',
      listWritable: 'pass',
      registrationReport: 'pass',
      auditRetention: 'pass',
    });
    const writable = evaluateReadiness(inputs()).find((c) => c.id === 'listWritable');
    expect(en(writable?.summary)).toContain(
      'the latest by Helen Helpdesk at Nov 20, 2026, 9:15 AM UTC',
    );
  });

  it('say plainly that list writes cannot be proven by reading when no record shows one', () => {
    for (const listRecords of [
      ok({ records: [], unreadable: 0 }),
      // Written by the site owner in SharePoint, naming Helen: proves nothing of the helpdesk.
      ok({
        records: [
          {
            itemId: '1',
            Outcome: 'issued',
            IssuedByUpn: 'helen.helpdesk@contoso.com',
            createdByUpn: 'olga.ivanova@contoso.com',
            createdDateTime: '2026-11-20T09:15:00Z',
          } as VerificationRecord,
        ],
        unreadable: 0,
      }),
      { ok: false as const, error: new Error('offline') },
    ]) {
      const writable = evaluateReadiness(inputs({ listRecords })).find(
        (c) => c.id === 'listWritable',
      );
      expect(writable?.status).toBe('unknown');
      expect(en(writable?.readableBy)).toMatch(/SharePoint Administrator/);
      expect(en(writable?.fix)).toContain('Issue one pass through TAP Desk');
    }
  });

  it('fail a TAP policy that targets neither the pilot nor a configured target, naming the fix', () => {
    const [tap] = evaluateReadiness(
      inputs({
        tapPolicy: ok({ state: 'enabled', includeTargets: [{ targetType: 'group', id: 'other' }] }),
      }),
    );
    expect(tap?.status).toBe('fail');
    expect(en(tap?.summary)).toContain('does not include “Passwordless Pilot”');
    expect(en(tap?.fix)).toMatch(
      /Authentication Policy Administrator .* adds “Passwordless Pilot”/,
    );
    expect(tap?.link.href).toMatch(/^https:\/\/entra\.microsoft\.com\//);
  });

  it('fail an excluded pilot, a Push-only Authenticator, and a policy that is off', () => {
    const result = statusOf(
      inputs({
        tapPolicy: ok({
          state: 'enabled',
          includeTargets: [{ targetType: 'group', id: 'all_users' }],
          excludeTargets: [{ targetType: 'group', id: PILOT }],
        }),
        authenticatorPolicy: ok({
          state: 'enabled',
          includeTargets: [{ targetType: 'group', id: PILOT, authenticationMode: 'push' }],
        }),
        passkeyPolicy: ok({ state: 'disabled' }),
      }),
    );
    expect(result).toMatchObject({
      tapPolicy: 'fail',
      authenticatorPolicy: 'fail',
      passkeyPolicy: 'fail',
    });
  });

  it('warn about passes that are one-time or too long to read out', () => {
    const [tap] = evaluateReadiness(
      inputs({
        tapPolicy: ok({
          state: 'enabled',
          defaultLength: 16,
          isUsableOnce: true,
          includeTargets: [{ targetType: 'group', id: PILOT }],
        }),
      }),
    );
    expect(tap?.status).toBe('warn');
    expect(en(tap?.summary)).toContain('16-character pass is hard to read over the phone');
    expect(en(tap?.summary)).toContain('one-time pass leaves only 10 minutes');
  });

  it('say which role reads what it may not, and judge retention by the licence', () => {
    const checks = evaluateReadiness(
      inputs({ tapPolicy: failed(forbidden), registrationReport: failed(forbidden) }),
    );
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
    expect(byId.tapPolicy?.status).toBe('unknown');
    expect(en(byId.tapPolicy?.readableBy)).toBe(
      'Global Reader or Authentication Policy Administrator',
    );
    expect(byId.auditRetention?.status).toBe('unknown');

    const unlicensed = new GraphError(
      403,
      'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
      'Tenant does not have a SKU required for this feature',
    );
    expect(statusOf(inputs({ registrationReport: failed(unlicensed) }))).toMatchObject({
      registrationReport: 'fail',
      auditRetention: 'fail',
    });
    expect(
      statusOf(inputs({ registrationReport: failed(unlicensed), retentionDays: 7 })),
    ).toMatchObject({ auditRetention: 'pass' });
  });

  it('fail the list when SharePoint refuses it, naming both possible causes', () => {
    const list = evaluateReadiness(
      inputs({ listRecords: failed(new GraphError(403, 'accessDenied', 'Access denied')) }),
    ).find((c) => c.id === 'listReachable');
    expect(list?.status).toBe('fail');
    expect(en(list?.fix)).toContain('SharePoint Administrator grants TAP Desk write on the site');
    expect(list?.link.href).toBe('https://contoso-admin.sharepoint.com/');
  });
});

describe('the readiness checks in German', () => {
  const german = intlFor('de', [messages]);
  const de = (found: CheckPhrase | undefined) => found && formatMessageRef(german, found);

  it('word counts, dates and group names the German way', () => {
    const checks = evaluateReadiness(
      inputs({
        tapPolicy: ok({ state: 'enabled', includeTargets: [{ targetType: 'group', id: 'x' }] }),
      }),
    );
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
    expect(de(byId.tapPolicy?.title)).toBe('Richtlinie „Temporärer Zugriffspass“');
    expect(de(byId.tapPolicy?.summary)).toContain('schließt „Passwordless Pilot“ nicht ein');
    expect(de(byId.listWritable?.summary)).toContain(
      'in den letzten 30 Tagen 1 Überprüfungsdatensatz hinzugefügt, zuletzt von Helen Helpdesk am 20.11.2026, 09:15 UTC',
    );
  });
});
