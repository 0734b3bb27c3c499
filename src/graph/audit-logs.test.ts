import { describe, expect, it } from 'vitest';
import { createGraphClient } from './client';
import { directoryAuditFilter, listDirectoryAudits } from './audit-logs';

describe('directoryAuditFilter', () => {
  it('filters on the server by range, activity, service and target', () => {
    expect(
      directoryAuditFilter({
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-11-08T00:00:00Z',
        activityDisplayName: 'Admin registered security info',
        loggedByService: 'Authentication Methods',
        targetId: "o'brien",
      }),
    ).toBe(
      'activityDateTime ge 2026-11-01T00:00:00.000Z and activityDateTime le 2026-11-08T00:00:00Z' +
        " and activityDisplayName eq 'Admin registered security info'" +
        " and loggedByService eq 'Authentication Methods'" +
        " and targetResources/any(t:t/id eq 'o''brien')",
    );
  });

  it('refuses anything but a UTC instant where the literal goes in unquoted', () => {
    expect(() => directoryAuditFilter({ from: '2026-11-01 or true' })).toThrow(RangeError);
    expect(() => directoryAuditFilter({ from: '2026-11-01T00:00:00+02:00' })).toThrow(RangeError);
  });
});

describe('listDirectoryAudits', () => {
  it('asks for newest first and collects every page', async () => {
    const urls: string[] = [];
    const pages = [
      {
        value: [{ id: 'a' }],
        '@odata.nextLink': 'https://graph.test/v1.0/auditLogs/directoryAudits?$skiptoken=x',
      },
      { value: [{ id: 'b' }] },
    ];
    const client = createGraphClient({
      baseUrl: 'https://graph.test/v1.0',
      getToken: async () => 't',
      fetch: async (input) => {
        urls.push(String(input));
        return new Response(JSON.stringify(pages.shift()), { status: 200 });
      },
    });
    const events = await listDirectoryAudits(client, { from: '2026-11-01T00:00:00Z' });
    expect(events.map((event) => event.id)).toEqual(['a', 'b']);
    const first = new URL(urls[0]!);
    expect(first.searchParams.get('$orderby')).toBe('activityDateTime desc');
    expect(first.searchParams.get('$filter')).toBe('activityDateTime ge 2026-11-01T00:00:00Z');
    expect(urls[1]).toBe('https://graph.test/v1.0/auditLogs/directoryAudits?$skiptoken=x');
  });
});
