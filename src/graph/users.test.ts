import { createGraphClient } from './client';
import { searchTerm, searchUsers } from './users';

describe('user search', () => {
  it('keeps quotes and backslashes inside the search term', () => {
    expect(searchTerm('displayName', 'a" OR "mail:b')).toBe('"displayName:a\\" OR \\"mail:b"');
    expect(searchTerm('mail', 'x\\')).toBe('"mail:x\\\\"');
  });

  it('asks Graph for an eventual-consistency search over name, UPN and mail, with input encoded', async () => {
    const seen: { url: string; headers: Headers }[] = [];
    const client = createGraphClient({
      baseUrl: 'https://graph.test/v1.0',
      getToken: async () => 't',
      fetch: async (input, init) => {
        seen.push({ url: String(input), headers: new Headers(init?.headers) });
        return new Response(JSON.stringify({ value: [], '@odata.count': 0 }), { status: 200 });
      },
    });
    await searchUsers(client, '  o\'brien & co"  ');
    const url = new URL(seen[0]?.url ?? '');
    expect(seen[0]?.headers.get('ConsistencyLevel')).toBe('eventual');
    expect(url.searchParams.get('$search')).toBe(
      '"displayName:o\'brien & co\\"" OR "userPrincipalName:o\'brien & co\\"" OR "mail:o\'brien & co\\""',
    );
    expect(url.searchParams.get('$count')).toBe('true');
    // The ampersand did not start a new query parameter.
    expect([...url.searchParams.keys()].sort()).toEqual([
      '$count',
      '$orderby',
      '$search',
      '$select',
      '$top',
    ]);
  });

  it('does not call Graph for blank input', async () => {
    const client = createGraphClient({
      baseUrl: 'https://graph.test/v1.0',
      getToken: async () => 't',
      fetch: async () => {
        throw new Error('no request expected');
      },
    });
    await expect(searchUsers(client, '   ')).resolves.toEqual({ users: [], total: 0 });
  });
});
