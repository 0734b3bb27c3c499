import { describe, expect, it } from 'vitest';
import { createGraphClient } from './client';
import { listVerificationRecords, parseVerificationItem } from './verification-records';

const good = {
  Title: 'INC0012345',
  TargetUserId: 'user-1',
  TargetUpn: 'jo@contoso.com',
  IssuedByUpn: 'helen.helpdesk@contoso.com',
  IssuedAt: '2026-11-20T09:00:00Z',
  LifetimeMinutes: 60,
  IsUsableOnce: true,
  VerificationMethod: 'In person with photo ID',
  Ticket: 'INC0012345',
  Reason: 'New phone',
  TapMethodId: 'tap-1',
  Outcome: 'issued',
};

describe('parseVerificationItem', () => {
  it('reads a well-formed record', () => {
    expect(parseVerificationItem({ id: '3', fields: good })).toMatchObject({
      itemId: '3',
      TargetUserId: 'user-1',
      LifetimeMinutes: 60,
      Outcome: 'issued',
    });
  });

  it.each([
    ['no target', { ...good, TargetUserId: '' }],
    ['no date', { ...good, IssuedAt: undefined }],
    ['a date that is not one', { ...good, IssuedAt: 'yesterday' }],
    ['an unknown outcome', { ...good, Outcome: 'maybe' }],
  ])('refuses a record with %s', (_, fields) => {
    expect(parseVerificationItem({ id: '3', fields })).toBeNull();
  });
});

describe('listVerificationRecords', () => {
  it('filters on IssuedAt on the server and counts rows it cannot read', async () => {
    const urls: string[] = [];
    const client = createGraphClient({
      baseUrl: 'https://graph.test/v1.0',
      getToken: async () => 't',
      fetch: async (input) => {
        urls.push(String(input));
        return new Response(
          JSON.stringify({
            value: [
              { id: '1', fields: good },
              { id: '2', fields: { Title: 'x' } },
            ],
          }),
          { status: 200 },
        );
      },
    });
    const result = await listVerificationRecords(
      client,
      { siteId: 's', listId: 'l' },
      { from: '2026-11-01T00:00:00Z', to: "2026-11-30T00:00:00Z'" },
    );
    expect(result.records).toHaveLength(1);
    expect(result.unreadable).toBe(1);
    expect(new URL(urls[0]!).searchParams.get('$filter')).toBe(
      "fields/IssuedAt ge '2026-11-01T00:00:00Z' and fields/IssuedAt le '2026-11-30T00:00:00Z'''",
    );
  });

  it("narrows to one user's records on the server when asked", async () => {
    const urls: string[] = [];
    const client = createGraphClient({
      baseUrl: 'https://graph.test/v1.0',
      getToken: async () => 't',
      fetch: async (input) => {
        urls.push(String(input));
        return new Response(JSON.stringify({ value: [] }), { status: 200 });
      },
    });
    await listVerificationRecords(
      client,
      { siteId: 's', listId: 'l' },
      { from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z', targetUserId: "o'brien" },
    );
    expect(new URL(urls[0]!).searchParams.get('$filter')).toBe(
      "fields/IssuedAt ge '2026-11-01T00:00:00Z' and fields/IssuedAt le '2026-11-02T00:00:00Z' and fields/TargetUserId eq 'o''brien'",
    );
  });
});
