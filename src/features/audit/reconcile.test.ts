import { describe, expect, it } from 'vitest';
import type { RoleHolder } from '../../graph/directory-roles';
import { filterRows } from './filters';
import { at, event, HELEN, JO, KIM, record, rowFor, run } from '../../testing/fixtures/audit-log';

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
