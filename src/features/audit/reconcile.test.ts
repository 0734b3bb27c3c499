import { describe, expect, it } from 'vitest';
import type { DirectoryAudit } from '../../graph/audit-logs';
import type { RoleHolder } from '../../graph/directory-roles';
import type { VerificationRecord } from '../../graph/verification-records';
import { groupAttempts } from './attempts';
import {
  classifyEvent,
  filterRows,
  pairAttempts,
  reconcile,
  type AuditRow,
  type ClassifiedEvent,
  type ReconcileInput,
} from './reconcile';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * HOUR).toISOString();

const JO = { id: '11111111-1111-4111-8111-111111111111', upn: 'jo@contoso.com' };
const KIM = { id: '22222222-2222-4222-8222-222222222222', upn: 'kim@contoso.com' };
const HELEN = { id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', upn: 'helen.helpdesk@contoso.com' };
const SAM = { id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', upn: 'sam.senior@contoso.com' };
const NAMES: Record<string, string> = {
  [HELEN.id]: 'Helen Helpdesk',
  [SAM.id]: 'Sam Senior Helpdesk',
};

let nextId = 0;
function event(
  kind: 'created' | 'deleted' | 'authenticator' | 'phone',
  target: { id: string; upn: string },
  when: string,
  extra: Partial<DirectoryAudit> = {},
): DirectoryAudit {
  const activity = {
    created: [
      'Admin registered security info',
      'Admin registered temporary access pass method for user',
    ],
    deleted: ['Admin deleted security info', 'Admin deleted temporary access pass method for user'],
    authenticator: [
      'User registered security info',
      'User registered Authenticator App with Notification and Code',
    ],
    phone: ['Admin registered security info', 'Admin registered phone method for user'],
  }[kind];
  return {
    id: `Directory_${++nextId}`,
    activityDisplayName: activity[0],
    resultReason: activity[1],
    activityDateTime: when,
    result: 'success',
    loggedByService: 'Authentication Methods',
    initiatedBy: {
      user: { id: HELEN.id, displayName: 'Helen Helpdesk', userPrincipalName: HELEN.upn },
      app: null,
    },
    targetResources: [
      { id: target.id, type: 'User', userPrincipalName: target.upn, modifiedProperties: [] },
    ],
    additionalDetails: [],
    ...extra,
  };
}

/** The event's actor, as Entra records them. */
const actedBy = (person: { id: string; upn: string }): Partial<DirectoryAudit> => ({
  initiatedBy: {
    user: { id: person.id, displayName: NAMES[person.id], userPrincipalName: person.upn },
    app: null,
  },
});

/** SharePoint's facts about an item: who wrote it and when, never edited since. */
const writtenBy = (
  person: { id: string; upn: string },
  when: string,
): Partial<VerificationRecord> => ({
  createdById: person.id,
  createdByUpn: person.upn,
  createdByName: NAMES[person.id],
  createdDateTime: when,
  lastModifiedDateTime: when,
  version: 1,
});

let nextItem = 0;
/** A record as TAP Desk writes it: Helen wrote it 20 seconds after the Graph call. */
function record(
  target: { id: string; upn: string },
  issuedAt: string,
  extra: Partial<VerificationRecord> = {},
): VerificationRecord {
  return {
    ...writtenBy(HELEN, new Date(Date.parse(issuedAt) + 20_000).toISOString()),
    itemId: String(++nextItem),
    Title: 'INC1',
    TargetUserId: target.id,
    TargetUpn: target.upn,
    IssuedByUpn: HELEN.upn,
    IssuedByName: 'Helen Helpdesk',
    IssuedAt: issuedAt,
    LifetimeMinutes: 60,
    IsUsableOnce: true,
    VerificationMethod: 'In person with photo ID',
    Ticket: 'INC1',
    Reason: 'New phone',
    Outcome: 'issued',
    ...extra,
  };
}

function run(overrides: Partial<ReconcileInput>) {
  return reconcile({
    events: [],
    records: [],
    roleHolders: new Map(),
    range: { from: at(24 * 7), to: at(0) },
    now: NOW,
    matchWindowMinutes: 10,
    retentionDays: 30,
    fallbackLifetimeMinutes: 480,
    ...overrides,
  });
}

const rowFor = (rows: AuditRow[], id: string | undefined) => rows.find((row) => row.id === id);

describe('classifyEvent', () => {
  it('recognises TAP creation, deletion and Authenticator registration, and nothing else', () => {
    expect(classifyEvent(event('created', JO, at(1)))?.kind).toBe('tapCreated');
    expect(classifyEvent(event('deleted', JO, at(1)))?.kind).toBe('tapDeleted');
    expect(classifyEvent(event('authenticator', JO, at(1)))?.kind).toBe('authenticatorRegistered');
    expect(classifyEvent(event('phone', JO, at(1)))).toBeNull();
  });

  it('recognises a passkey registration by a reason that mentions FIDO2 or passkey, in any wording', () => {
    const registered = (resultReason: string) =>
      classifyEvent(event('authenticator', JO, at(1), { resultReason }))?.kind;
    // The wording the emulator writes, after Microsoft's audit log.
    expect(registered('User registered Fido2 Authentication Method')).toBe('passkeyRegistered');
    expect(registered('user registered FIDO2 security key')).toBe('passkeyRegistered');
    expect(registered('User registered a passkey in Microsoft Authenticator')).toBe(
      'passkeyRegistered',
    );
    expect(registered('User registered Authenticator App with Notification and Code')).toBe(
      'authenticatorRegistered',
    );
    // The activity decides as much as the reason: an admin registering one is not the person's act.
    expect(
      classifyEvent(
        event('phone', JO, at(1), { resultReason: 'Admin registered Fido2 Authentication Method' }),
      ),
    ).toBeNull();
  });

  it('recognises a passkey deletion, by an admin or by the person', () => {
    const adminDeleted = event('deleted', JO, at(1), {
      resultReason: 'Admin deleted Fido2 Authentication Method for user',
    });
    const userDeleted = event('authenticator', JO, at(1), {
      activityDisplayName: 'User deleted security info',
      resultReason: 'User deleted a passkey',
    });
    const userDeletedPhone = event('authenticator', JO, at(1), {
      activityDisplayName: 'User deleted security info',
      resultReason: 'User deleted phone method',
    });
    expect(classifyEvent(adminDeleted)?.kind).toBe('passkeyDeleted');
    expect(classifyEvent(userDeleted)?.kind).toBe('passkeyDeleted');
    expect(classifyEvent(userDeletedPhone)).toBeNull();
  });

  it('reads who acted, on whom, and any method id the event names', () => {
    const classified = classifyEvent(
      event('created', JO, at(1), {
        initiatedBy: {
          user: { id: 'g', displayName: 'Gail Global', userPrincipalName: 'gail@contoso.com' },
          app: { appId: 'c44b4083', displayName: 'Azure Portal' },
        },
        targetResources: [
          {
            id: JO.id,
            type: 'User',
            userPrincipalName: JO.upn,
            modifiedProperties: [
              {
                displayName: 'StrongAuthenticationMethod',
                oldValue: null,
                newValue: '[{"Id":"0B6E2D41-3C11-4D4E-9F0A-7E2C5B8D9A10"}]',
              },
            ],
          },
        ],
      }),
    );
    expect(classified?.actor).toEqual({
      userId: 'g',
      userName: 'Gail Global',
      userUpn: 'gail@contoso.com',
      appId: 'c44b4083',
      appName: 'Azure Portal',
    });
    expect(classified?.target).toEqual({ id: JO.id, displayName: undefined, upn: JO.upn });
    expect(classified?.methodIds).toEqual(['0b6e2d41-3c11-4d4e-9f0a-7e2c5b8d9a10']);
  });
});

describe('pairAttempts', () => {
  const classify = (raw: DirectoryAudit) => classifyEvent(raw) as ClassifiedEvent;
  const pairRecords = (
    events: ClassifiedEvent[],
    records: VerificationRecord[],
    matchWindowMinutes: number,
  ) => {
    const pairs = pairAttempts(events, groupAttempts(records), matchWindowMinutes);
    return new Map(
      [...pairs].map(([id, pair]) => [id, { record: pair.attempt.opening, by: pair.by }]),
    );
  };

  it('pairs by method id even when the times are far apart', () => {
    const created = classify(
      event('created', JO, at(5), {
        additionalDetails: [{ key: 'MethodId', value: '0b6e2d41-3c11-4d4e-9f0a-7e2c5b8d9a10' }],
      }),
    );
    const far = record(JO, at(4), { TapMethodId: '0B6E2D41-3C11-4D4E-9F0A-7E2C5B8D9A10' });
    expect(pairRecords([created], [far], 10).get(created.id)).toEqual({
      record: far,
      by: 'methodId',
    });
  });

  it('pairs by target and time within the window, closest first, one to one', () => {
    const first = classify(event('created', JO, at(2)));
    const second = classify(
      event('created', JO, new Date(NOW - 2 * HOUR + 8 * MINUTE).toISOString()),
    );
    const near = record(JO, new Date(NOW - 2 * HOUR + 7 * MINUTE).toISOString());
    const pairs = pairRecords([first, second], [near], 10);
    expect(pairs.get(second.id)?.record).toBe(near);
    expect(pairs.has(first.id)).toBe(false);
  });

  it('never pairs across users, outside the window, or with the wrong outcome', () => {
    const created = classify(event('created', JO, at(2)));
    expect(pairRecords([created], [record(KIM, at(2))], 10).size).toBe(0);
    expect(pairRecords([created], [record(JO, at(2.5))], 10).size).toBe(0);
    expect(pairRecords([created], [record(JO, at(2), { Outcome: 'failed' })], 10).size).toBe(0);
    expect(pairRecords([created], [record(JO, at(2), { Outcome: 'revoked' })], 10).size).toBe(0);
  });

  it('refuses a time match when both sides name different methods', () => {
    const created = classify(
      event('created', JO, at(2), {
        additionalDetails: [{ key: 'MethodId', value: '0b6e2d41-3c11-4d4e-9f0a-7e2c5b8d9a10' }],
      }),
    );
    const other = record(JO, at(2), { TapMethodId: '99999999-3c11-4d4e-9f0a-7e2c5b8d9a10' });
    expect(pairRecords([created], [other], 10).size).toBe(0);
  });

  it('pairs a deletion with a revoked record', () => {
    const deleted = classify(event('deleted', JO, at(2)));
    const revoked = record(JO, at(2), { Outcome: 'revoked' });
    expect(pairRecords([deleted], [revoked], 10).get(deleted.id)?.record).toBe(revoked);
  });
});

describe('reconcile', () => {
  it('joins a TAP Desk issuance with its record and flags nothing when all is in order', () => {
    const created = event('created', JO, at(30));
    const registered = event('authenticator', JO, at(29.5));
    const issued = record(JO, at(30));
    const { rows, counts } = run({ events: [created, registered], records: [issued] });
    const row = rowFor(rows, created.id);
    expect(row?.verification).toBe(issued);
    expect(row?.matchedBy).toBe('time');
    expect(row?.anomalies).toEqual([]);
    expect(Object.values(counts).every((count) => count === 0)).toBe(true);
  });

  it('flags a TAP created with no verification record (issued outside TAP Desk)', () => {
    const portal = event('created', JO, at(30));
    const { rows, counts } = run({ events: [portal, event('authenticator', JO, at(29))] });
    expect(rowFor(rows, portal.id)?.anomalies).toEqual(['noVerification']);
    expect(counts.noVerification).toBe(1);
  });

  it('does not count a failed creation as a pass that needs a record', () => {
    const failed = event('created', JO, at(30), { result: 'failure' });
    const { rows, counts } = run({ events: [failed] });
    expect(rowFor(rows, failed.id)?.anomalies).toEqual([]);
    expect(counts.noVerification).toBe(0);
  });

  it('flags a TAP for an account that holds a directory role, naming the role', () => {
    const created = event('created', KIM, at(30));
    const holders = new Map<string, RoleHolder>([
      [
        KIM.id,
        {
          id: KIM.id,
          displayName: 'Kim',
          type: '#microsoft.graph.user',
          roles: ['Global Administrator'],
        },
      ],
    ]);
    const { rows } = run({
      events: [created, event('authenticator', KIM, at(29))],
      records: [record(KIM, at(30))],
      roleHolders: holders,
    });
    expect(rowFor(rows, created.id)?.anomalies).toEqual(['adminTarget']);
    expect(rowFor(rows, created.id)?.targetRoles).toEqual(['Global Administrator']);
  });

  it('cannot flag admin accounts when the role holders are unknown', () => {
    const created = event('created', KIM, at(30));
    const { rows } = run({ events: [created], records: [record(KIM, at(30))], roleHolders: null });
    expect(rowFor(rows, created.id)?.anomalies).not.toContain('adminTarget');
  });

  it('flags both passes when one person got two within 24 hours, and not 25 hours apart', () => {
    const first = event('created', JO, at(40));
    const second = event('created', JO, at(20));
    const third = event('created', KIM, at(50));
    const fourth = event('created', KIM, at(25));
    const { rows } = run({
      events: [first, second, third, fourth],
      records: [record(JO, at(40)), record(JO, at(20)), record(KIM, at(50)), record(KIM, at(25))],
    });
    expect(rowFor(rows, first.id)?.anomalies).toContain('repeatWithin24h');
    expect(rowFor(rows, second.id)?.anomalies).toContain('repeatWithin24h');
    expect(rowFor(rows, third.id)?.anomalies).not.toContain('repeatWithin24h');
    expect(rowFor(rows, fourth.id)?.anomalies).not.toContain('repeatWithin24h');
  });

  it('sees a repeat with a pass issued just before the range, without showing that pass', () => {
    const before = event('created', JO, at(24 * 7 + 2));
    const inside = event('created', JO, at(24 * 7 - 2));
    const { rows } = run({ events: [before, inside], records: [record(JO, at(24 * 7 - 2))] });
    expect(rowFor(rows, before.id)).toBeUndefined();
    expect(rowFor(rows, inside.id)?.anomalies).toContain('repeatWithin24h');
  });

  it('flags an expired TAP never followed by an Authenticator registration', () => {
    const created = event('created', JO, at(30));
    const { rows } = run({ events: [created], records: [record(JO, at(30))] });
    expect(rowFor(rows, created.id)?.anomalies).toEqual(['noAuthenticator']);
  });

  it('waits while the pass is still valid instead of flagging it', () => {
    const created = event('created', JO, at(0.5));
    const { rows } = run({
      events: [created],
      records: [record(JO, at(0.5), { LifetimeMinutes: 60 })],
    });
    expect(rowFor(rows, created.id)?.anomalies).toEqual([]);
    expect(rowFor(rows, created.id)?.awaitingRegistration).toBe(true);
  });

  it('assumes the policy maximum lifetime when no record says how long the pass lived', () => {
    const created = event('created', JO, at(3));
    const { rows } = run({ events: [created], fallbackLifetimeMinutes: 480 });
    expect(rowFor(rows, created.id)?.anomalies).toEqual(['noVerification']);
    expect(rowFor(rows, created.id)?.awaitingRegistration).toBe(true);
  });

  it('measures validity from a later start date', () => {
    const created = event('created', JO, at(3));
    const later = record(JO, at(3), { StartAt: at(-1), LifetimeMinutes: 60 });
    const { rows } = run({ events: [created], records: [later] });
    expect(rowFor(rows, created.id)?.awaitingRegistration).toBe(true);
  });

  it('does not credit a pass with a registration that came after it was replaced', () => {
    const first = event('created', JO, at(10));
    const second = event('created', JO, at(9));
    const registered = event('authenticator', JO, at(8.5));
    const { rows } = run({
      events: [first, second, registered],
      records: [record(JO, at(10)), record(JO, at(9), { Outcome: 'replaced' })],
    });
    expect(rowFor(rows, first.id)?.anomalies).toEqual(['repeatWithin24h', 'noAuthenticator']);
    expect(rowFor(rows, second.id)?.anomalies).toEqual(['repeatWithin24h']);
  });

  it('counts a passkey registration as the passwordless follow-up, like Authenticator', () => {
    const created = event('created', JO, at(10));
    const passkey = event('authenticator', JO, at(9.5), {
      resultReason: 'User registered Fido2 Authentication Method',
    });
    const { rows, counts } = run({ events: [created, passkey], records: [record(JO, at(10))] });
    expect(rowFor(rows, created.id)?.anomalies).toEqual([]);
    expect(counts.noAuthenticator).toBe(0);
    // The registration is shown as its own kind of event, with Graph's words.
    expect(rowFor(rows, passkey.id)).toMatchObject({
      kind: 'passkeyRegistered',
      what: 'User registered Fido2 Authentication Method',
      anomalies: [],
    });
    expect(filterRows(rows, { activity: 'passkeyRegistered' }).map((row) => row.id)).toEqual([
      passkey.id,
    ]);
    expect(filterRows(rows, { activity: 'authenticatorRegistered' })).toEqual([]);
  });

  it('still flags a pass whose only passkey registration came after it ended', () => {
    const created = event('created', JO, at(30));
    const late = event('authenticator', JO, at(20), {
      resultReason: 'User registered Fido2 Authentication Method',
    });
    const { rows } = run({ events: [created, late], records: [record(JO, at(30))] });
    expect(rowFor(rows, created.id)?.anomalies).toEqual(['noAuthenticator']);
  });

  it('counts only a registration by the same person, after the pass', () => {
    const created = event('created', JO, at(10));
    const { rows } = run({
      events: [created, event('authenticator', KIM, at(9)), event('authenticator', JO, at(11))],
      records: [record(JO, at(10))],
    });
    expect(rowFor(rows, created.id)?.anomalies).toEqual(['noAuthenticator']);
  });

  it('flags a verification record whose TAP creation never appears in the audit log', () => {
    const orphan = record(JO, at(48));
    const { rows, counts } = run({ records: [orphan] });
    const row = rowFor(rows, `record:${orphan.itemId}`);
    expect(row?.kind).toBe('recordOnly');
    expect(row?.anomalies).toEqual(['recordWithoutEvent']);
    expect(row?.actor.userUpn).toBe(HELEN.upn);
    expect(counts.recordWithoutEvent).toBe(1);
  });

  it('does not flag records older than the audit log keeps, but says so', () => {
    const old = record(JO, at(24 * 40));
    const { rows, counts } = run({ records: [old], range: { from: at(24 * 60), to: at(0) } });
    const row = rowFor(rows, `record:${old.itemId}`);
    expect(row?.anomalies).toEqual([]);
    expect(row?.beyondRetention).toBe(true);
    expect(counts.recordWithoutEvent).toBe(0);
  });

  it('shows failed attempts and unmatched revocations without calling them missing', () => {
    const failed = record(JO, at(5), { Outcome: 'failed' });
    const revoked = record(KIM, at(5), { Outcome: 'revoked' });
    const { rows } = run({ records: [failed, revoked] });
    expect(rows.map((row) => row.anomalies)).toEqual([[], []]);
    expect(rowFor(rows, `record:${failed.itemId}`)?.succeeded).toBe(false);
  });

  it('keeps rows inside the range, newest first, and reads a duplicated event once', () => {
    const old = event('authenticator', JO, at(24 * 8));
    const a = event('authenticator', JO, at(5));
    const b = event('authenticator', KIM, at(2));
    const { rows } = run({ events: [old, a, b, a] });
    expect(rows.map((row) => row.id)).toEqual([b.id, a.id]);
  });
});

describe('the join on what the servers say (decision 0010)', () => {
  const minutes = (n: number, from: string) =>
    new Date(Date.parse(from) + n * MINUTE).toISOString();

  it('flags the forged record: Helen issues a pass and records Sam as its issuer', () => {
    const created = event('created', JO, at(30), actedBy(HELEN));
    const forged = record(JO, at(30), {
      IssuedByUpn: SAM.upn,
      IssuedByName: 'Sam Senior Helpdesk',
    });
    const { rows, counts } = run({
      events: [created, event('authenticator', JO, at(29.5))],
      records: [forged],
    });
    const row = rowFor(rows, created.id);
    // Joined on SharePoint's author and time, not on the name it claims...
    expect(row?.verification).toBe(forged);
    expect(row?.matchedBy).toBe('time');
    // ...and flagged for claiming someone else.
    expect(row?.anomalies).toEqual(['issuerNotAuthor']);
    expect(row?.findings?.issuerNotAuthor).toBe(
      `It names ${SAM.upn} as issuer; SharePoint says Helen Helpdesk (${HELEN.upn}) wrote it.`,
    );
    expect(counts.issuerNotAuthor).toBe(1);
  });

  it('does not let IssuedAt or IssuedByUpn decide the join', () => {
    // Claims the event's exact time and actor, but Sam wrote it three days later: no join.
    const created = event('created', JO, at(100), actedBy(HELEN));
    const claimsAll = record(JO, at(100), {
      ...writtenBy(SAM, at(28)),
      IssuedByUpn: HELEN.upn,
    });
    const { rows } = run({ events: [created], records: [claimsAll] });
    expect(rowFor(rows, created.id)?.anomalies).toContain('noVerification');
    expect(rowFor(rows, `record:${claimsAll.itemId}`)?.anomalies).toEqual([
      'recordWithoutEvent',
      'issuerNotAuthor',
    ]);

    // A wrong IssuedAt does not stop a join that SharePoint's time supports.
    const other = event('created', KIM, at(50), actedBy(HELEN));
    const misdated = record(KIM, at(200), writtenBy(HELEN, minutes(1, at(50))));
    const second = run({ events: [other], records: [misdated] });
    expect(rowFor(second.rows, other.id)?.verification).toBe(misdated);
  });

  it('flags a record written by someone other than the actor, naming both', () => {
    const created = event('created', JO, at(30), actedBy(SAM));
    const helens = record(JO, at(30));
    const { rows, counts } = run({
      events: [created, event('authenticator', JO, at(29.5))],
      records: [helens],
    });
    const row = rowFor(rows, created.id);
    expect(row?.verification).toBe(helens);
    expect(row?.anomalies).toEqual(['authorNotActor']);
    expect(row?.findings?.authorNotActor).toBe(
      `SharePoint says Helen Helpdesk (${HELEN.upn}) wrote the record; the audit log says Sam Senior Helpdesk (${SAM.upn}) acted.`,
    );
    expect(counts.authorNotActor).toBe(1);
  });

  it("prefers the actor's own record over a closer one somebody else wrote", () => {
    const created = event('created', JO, at(30), actedBy(SAM));
    const helens = record(JO, at(30), writtenBy(HELEN, minutes(0.5, at(30))));
    const sams = record(JO, at(30), {
      ...writtenBy(SAM, minutes(3, at(30))),
      IssuedByUpn: SAM.upn,
    });
    const { rows } = run({ events: [created], records: [helens, sams] });
    expect(rowFor(rows, created.id)?.verification).toBe(sams);
    expect(rowFor(rows, `record:${helens.itemId}`)?.anomalies).toEqual(['recordWithoutEvent']);
  });

  it('compares object ids when both sides have them: an email that is not the UPN is fine', () => {
    const created = event('created', JO, at(30), actedBy(HELEN));
    const mailNotUpn = record(JO, at(30), { createdByUpn: 'h.helpdesk@mail.contoso.com' });
    const { rows } = run({
      events: [created, event('authenticator', JO, at(29.5))],
      records: [mailNotUpn],
    });
    expect(rowFor(rows, created.id)?.anomalies).toEqual([]);
  });

  it('flags a record written longer after the event than the match window', () => {
    const created = event('created', JO, at(30), actedBy(HELEN));
    const backfilled = record(JO, at(30), writtenBy(HELEN, at(28)));
    const { rows, counts } = run({
      events: [created, event('authenticator', JO, at(29.5))],
      records: [backfilled],
    });
    const row = rowFor(rows, created.id);
    expect(row?.verification).toBe(backfilled);
    expect(row?.matchedBy).toBe('late');
    expect(row?.anomalies).toEqual(['writtenLate']);
    expect(row?.findings?.writtenLate).toBe('The record was written 2 h after the event.');
    expect(counts.writtenLate).toBe(1);
  });

  it('flags a late record joined by method id, and never joins a late record by someone else', () => {
    const method = '0b6e2d41-3c11-4d4e-9f0a-7e2c5b8d9a10';
    const created = event('created', JO, at(30), {
      ...actedBy(HELEN),
      additionalDetails: [{ key: 'MethodId', value: method }],
    });
    const late = record(JO, at(30), { ...writtenBy(HELEN, at(25)), TapMethodId: method });
    expect(rowFor(run({ events: [created], records: [late] }).rows, created.id)?.anomalies).toEqual(
      ['noAuthenticator', 'writtenLate'],
    );

    const portal = event('created', KIM, at(30), actedBy(SAM));
    const helens = record(KIM, at(30), writtenBy(HELEN, at(28)));
    const { rows } = run({ events: [portal], records: [helens] });
    expect(rowFor(rows, portal.id)?.anomalies).toContain('noVerification');
  });

  it('flags a record edited after it was written, by its modified date or its version', () => {
    const created = event('created', JO, at(30), actedBy(HELEN));
    const edited = record(JO, at(30), {
      lastModifiedDateTime: at(2),
      lastModifiedByName: 'Olga Ivanova',
      lastModifiedByUpn: 'olga.ivanova@contoso.com',
      version: 2,
    });
    const { rows, counts } = run({
      events: [created, event('authenticator', JO, at(29.5))],
      records: [edited],
    });
    const row = rowFor(rows, created.id);
    expect(row?.anomalies).toEqual(['recordEdited']);
    expect(row?.findings?.recordEdited).toBe(
      `Item ${edited.itemId} was changed ${at(2).slice(0, 16).replace('T', ' ')} UTC by Olga Ivanova (olga.ivanova@contoso.com), now version 2.`,
    );
    expect(counts.recordEdited).toBe(1);

    const versionOnly = record(KIM, at(10), { version: 3 });
    const second = run({ records: [versionOnly] });
    expect(rowFor(second.rows, `record:${versionOnly.itemId}`)?.anomalies).toContain(
      'recordEdited',
    );
  });

  describe('attempts', () => {
    /** An issuance as TAP Desk writes it: the pending item, then the completion. */
    function attempt(
      target: { id: string; upn: string },
      began: string,
      completion?: Partial<VerificationRecord> & {
        by?: { id: string; upn: string };
        after?: number;
      },
    ): VerificationRecord[] {
      const AttemptId = `attempt-${++nextItem}`;
      const pending = record(target, began, {
        AttemptId,
        Outcome: 'pending',
        ...writtenBy(HELEN, minutes(-0.1, began)),
      });
      if (!completion) return [pending];
      const { by = HELEN, after = 0.2, ...fields } = completion;
      return [
        pending,
        record(target, began, {
          AttemptId,
          RefersTo: pending.itemId,
          Outcome: 'issued',
          ...writtenBy(by, minutes(after, began)),
          ...fields,
        }),
      ];
    }

    it('joins the event with the whole attempt: outcome from the completion, author from the pending item', () => {
      const created = event('created', JO, at(30), actedBy(HELEN));
      const items = attempt(JO, at(30), { TapMethodId: '99999999-3c11-4d4e-9f0a-7e2c5b8d9a10' });
      const { rows } = run({
        events: [created, event('authenticator', JO, at(29.5))],
        records: items,
      });
      const row = rowFor(rows, created.id);
      expect(row?.verification).toBe(items[0]);
      expect(row?.attempt?.completion).toBe(items[1]);
      expect(row?.attempt?.outcome).toBe('issued');
      expect(row?.anomalies).toEqual([]);
      expect(rows).toHaveLength(2); // the event and the registration: the attempt is one row
    });

    it('accepts a completion written later by another helpdesk member: the issuer is whoever began it', () => {
      const created = event('created', JO, at(30), actedBy(HELEN));
      const items = attempt(JO, at(30), { by: SAM, after: 180 });
      const { rows } = run({
        events: [created, event('authenticator', JO, at(29.5))],
        records: items,
      });
      expect(rowFor(rows, created.id)?.attempt?.author.upn).toBe(HELEN.upn);
      expect(rowFor(rows, created.id)?.anomalies).toEqual([]);
    });

    it('shows an attempt that never completed, flagged once older than the match window', () => {
      const [stale] = attempt(JO, at(5));
      const [young] = attempt(KIM, new Date(NOW - 2 * MINUTE).toISOString());
      const { rows, counts } = run({ records: [stale!, young!] });
      const staleRow = rowFor(rows, `record:${stale!.itemId}`);
      expect(staleRow?.what).toBe('TAP Desk recorded starting to issue a Temporary Access Pass');
      expect(staleRow?.anomalies).toEqual(['attemptUnfinished']);
      expect(staleRow?.findings?.attemptUnfinished).toMatch(
        /^Helen Helpdesk .* started it .* UTC; no item says how it ended\.$/,
      );
      expect(rowFor(rows, `record:${young!.itemId}`)?.anomalies).toEqual([]);
      expect(counts.attemptUnfinished).toBe(1);
    });

    it('joins a pass with the attempt whose tab closed: verified, but flagged unfinished', () => {
      const created = event('created', JO, at(30), actedBy(HELEN));
      const [pending] = attempt(JO, at(30));
      const { rows } = run({
        events: [created, event('authenticator', JO, at(29.5))],
        records: [pending!],
      });
      expect(rowFor(rows, created.id)?.verification).toBe(pending);
      expect(rowFor(rows, created.id)?.anomalies).toEqual(['attemptUnfinished']);
    });

    it('shows a failed attempt as one row, without an anomaly', () => {
      const items = attempt(JO, at(5), { Outcome: 'failed', ErrorCode: 'notAllowed' });
      const { rows } = run({ records: items });
      expect(rows).toHaveLength(1);
      expect(rows[0]?.succeeded).toBe(false);
      expect(rows[0]?.anomalies).toEqual([]);
    });

    it('flags a completion that refers to no pending item of its attempt', () => {
      const [pending, completion] = attempt(JO, at(5), {});
      const orphan = { ...completion!, RefersTo: '999' };
      const { rows, counts } = run({ records: [pending!, orphan] });
      expect(rows).toHaveLength(1);
      expect(rows[0]?.anomalies).toEqual(['recordWithoutEvent', 'brokenAttempt']);
      expect(rows[0]?.findings?.brokenAttempt).toBe(
        `Item ${orphan.itemId} completes this attempt but refers to item 999, not to its pending item ${pending!.itemId}.`,
      );
      expect(counts.brokenAttempt).toBe(1);

      // Its pending item deleted: the completion stands alone and says so.
      const alone = run({ records: [completion!] });
      expect(alone.rows[0]?.findings?.brokenAttempt).toBe(
        `Item ${completion!.itemId} completes item ${pending!.itemId}, which is not a pending item of this attempt (deleted, or never written).`,
      );
    });

    it('flags a completion that names another person, or a second completion that disagrees', () => {
      const [pending, completion] = attempt(JO, at(5), {});
      const elsewhere = { ...completion!, TargetUserId: KIM.id };
      expect(run({ records: [pending!, elsewhere] }).rows[0]?.anomalies).toContain('brokenAttempt');
      const other = { ...completion!, itemId: String(++nextItem), Outcome: 'failed' as const };
      expect(run({ records: [pending!, completion!, other] }).rows[0]?.anomalies).toContain(
        'brokenAttempt',
      );
    });

    it('reads two identical completions (two tabs settling one attempt) as one', () => {
      const [pending, completion] = attempt(JO, at(5), {});
      const again = { ...completion!, itemId: String(++nextItem) };
      expect(
        run({ records: [pending!, completion!, again] }).rows[0]?.anomalies ?? [],
      ).not.toContain('brokenAttempt');
    });

    it('reads a refused deletion (revoked, then failed referring to it) as one attempt that failed', () => {
      const revoked = record(JO, at(20), { Outcome: 'revoked', AttemptId: 'revoke-2' });
      const failed = record(JO, at(20), {
        Outcome: 'failed',
        AttemptId: 'revoke-2',
        RefersTo: revoked.itemId,
        ErrorCode: 'accessDenied',
      });
      const rows = run({ records: [revoked, failed] }).rows;
      expect(rows).toHaveLength(1);
      expect(rows[0]?.anomalies ?? []).not.toContain('brokenAttempt');
    });

    it('checks a deletion against its revoke record too', () => {
      const deleted = event('deleted', JO, at(20), actedBy(SAM));
      const revoked = record(JO, at(20), { Outcome: 'revoked', AttemptId: 'revoke-1' });
      const { rows } = run({ events: [deleted], records: [revoked] });
      expect(rowFor(rows, deleted.id)?.verification).toBe(revoked);
      expect(rowFor(rows, deleted.id)?.anomalies).toEqual(['authorNotActor']);
    });
  });

  it('caps a claimed lifetime at the policy maximum, so a record cannot hold back the flag', () => {
    const created = event('created', JO, at(30), actedBy(HELEN));
    const forever = record(JO, at(30), { LifetimeMinutes: 1_000_000 });
    const { rows } = run({ events: [created], records: [forever], fallbackLifetimeMinutes: 480 });
    expect(rowFor(rows, created.id)?.anomalies).toEqual(['noAuthenticator']);
  });
});

describe('filterRows', () => {
  const created = event('created', JO, at(30));
  const deleted = event('deleted', JO, at(20));
  const registered = event('authenticator', KIM, at(10));
  const orphan = record(KIM, at(5));
  const { rows } = run({ events: [created, deleted, registered], records: [orphan] });

  it('narrows to one activity; a record-only row counts as the activity it claims', () => {
    expect(filterRows(rows, { activity: 'tapCreated' }).map((row) => row.id)).toEqual([
      `record:${orphan.itemId}`,
      created.id,
    ]);
    expect(filterRows(rows, { activity: 'tapDeleted' }).map((row) => row.id)).toEqual([deleted.id]);
    expect(filterRows(rows, { activity: 'authenticatorRegistered' })).toHaveLength(1);
    expect(filterRows(rows, { activity: 'all' })).toHaveLength(4);
  });

  it('narrows to one anomaly', () => {
    expect(
      filterRows(rows, { activity: 'all', anomaly: 'recordWithoutEvent' }).map((row) => row.id),
    ).toEqual([`record:${orphan.itemId}`]);
    expect(
      filterRows(rows, { activity: 'all', anomaly: 'noVerification' }).map((r) => r.id),
    ).toEqual([created.id]);
  });
});
