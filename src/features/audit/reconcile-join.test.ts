import { describe, expect, it } from 'vitest';
import type { VerificationRecord } from '../../graph/verification-records';
import {
  actedBy,
  at,
  event,
  nextItemId,
  HELEN,
  JO,
  KIM,
  MINUTE,
  NOW,
  record,
  rowFor,
  run,
  SAM,
  writtenBy,
} from '../../testing/fixtures/audit-log';
import type { MessageRef } from '../../i18n/catalog';
import { wordsOf } from '../../testing/words';
import type { Anomaly, AuditRow } from './audit-row';

/** What was found for `anomaly`, as an English reader reads it. */
const found = (row: AuditRow | undefined, anomaly: Anomaly) =>
  row?.findings?.[anomaly]?.map((finding) => wordsOf(finding)).join(' ');

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
    expect(found(row, 'issuerNotAuthor')).toBe(
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
    expect(found(row, 'authorNotActor')).toBe(
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
    expect(found(row, 'writtenLate')).toBe('The record was written 2 h after the event.');
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
    expect(found(row, 'recordEdited')).toBe(
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
      const AttemptId = `attempt-${nextItemId()}`;
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
      expect(wordsOf(staleRow!.what as MessageRef)).toBe(
        'TAP Desk recorded starting to issue a Temporary Access Pass',
      );
      expect(staleRow?.anomalies).toEqual(['attemptUnfinished']);
      expect(found(staleRow, 'attemptUnfinished')).toMatch(
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
      expect(found(rows[0], 'brokenAttempt')).toBe(
        `Item ${orphan.itemId} completes this attempt but refers to item 999, not to its pending item ${pending!.itemId}.`,
      );
      expect(counts.brokenAttempt).toBe(1);

      // Its pending item deleted: the completion stands alone and says so.
      const alone = run({ records: [completion!] });
      expect(found(alone.rows[0], 'brokenAttempt')).toBe(
        `Item ${completion!.itemId} completes item ${pending!.itemId}, which is not a pending item of this attempt (deleted, or never written).`,
      );
    });

    it('flags a completion that names another person, or a second completion that disagrees', () => {
      const [pending, completion] = attempt(JO, at(5), {});
      const elsewhere = { ...completion!, TargetUserId: KIM.id };
      expect(run({ records: [pending!, elsewhere] }).rows[0]?.anomalies).toContain('brokenAttempt');
      const other = { ...completion!, itemId: nextItemId(), Outcome: 'failed' as const };
      expect(run({ records: [pending!, completion!, other] }).rows[0]?.anomalies).toContain(
        'brokenAttempt',
      );
    });

    it('reads two identical completions (two tabs settling one attempt) as one', () => {
      const [pending, completion] = attempt(JO, at(5), {});
      const again = { ...completion!, itemId: nextItemId() };
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
