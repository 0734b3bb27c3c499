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

  it("reads who wrote and last edited the item, when, and its version, from SharePoint's own properties", () => {
    // `as never`: SharePoint's identity carries an email that Graph's Identity type leaves out.
    const record = parseVerificationItem({
      id: '3',
      fields: good,
      createdDateTime: '2026-11-20T09:00:20Z',
      lastModifiedDateTime: '2026-11-21T10:00:00Z',
      createdBy: {
        user: { id: 'u-helen', displayName: 'Helen Helpdesk', email: 'helen@contoso.com' },
      } as never,
      lastModifiedBy: {
        user: { id: 'u-olga', displayName: 'Olga Ivanova', email: 'olga@contoso.com' },
      } as never,
      eTag: '"5c1e0c1a-6f0e-4b5a-9d1e-0a2b3c4d5e6f,3"',
    });
    expect(record).toMatchObject({
      createdById: 'u-helen',
      createdByUpn: 'helen@contoso.com',
      createdByName: 'Helen Helpdesk',
      createdDateTime: '2026-11-20T09:00:20Z',
      lastModifiedDateTime: '2026-11-21T10:00:00Z',
      lastModifiedByUpn: 'olga@contoso.com',
      lastModifiedByName: 'Olga Ivanova',
      version: 3,
    });
    expect(parseVerificationItem({ id: '4', fields: good, '@odata.etag': '"4,1"' })?.version).toBe(
      1,
    );
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
