import { describe, expect, it } from 'vitest';
import { createGraphClient } from './client';
import { createListItem, listItems } from './lists';

function fakeGraph(pages: unknown[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const client = createGraphClient({
    baseUrl: 'https://graph.test/v1.0',
    getToken: async () => 'token',
    fetch: async (input, init) => {
      calls.push({ url: String(input), init: init ?? {} });
      const body = pages.shift() ?? { value: [] };
      return new Response(JSON.stringify(body), { status: init?.method === 'POST' ? 201 : 200 });
    },
  });
  return { client, calls };
}

const header = (init: RequestInit, name: string) =>
  (init.headers as Record<string, string> | undefined)?.[name];

describe('listItems', () => {
  it('opts in to non-indexed filtering on every page, and follows the next link', async () => {
    const { client, calls } = fakeGraph([
      {
        value: [{ id: '1', fields: { Title: 'a' } }],
        '@odata.nextLink': 'https://graph.test/next',
      },
      { value: [{ id: '2', fields: { Title: 'b' } }] },
    ]);
    const items = await listItems(client, 'site,1,2', 'list-1', {
      filter: "fields/IssuedAt ge '2026-11-01T00:00:00Z'",
      select: ['Title', 'IssuedAt'],
      top: 50,
    });
    expect(items.map((item) => item.id)).toEqual(['1', '2']);
    expect(calls[0]!.url).toBe(
      'https://graph.test/v1.0/sites/site%2C1%2C2/lists/list-1/items?expand=' +
        encodeURIComponent('fields(select=Title,IssuedAt)') +
        '&$filter=' +
        encodeURIComponent("fields/IssuedAt ge '2026-11-01T00:00:00Z'") +
        '&$top=50',
    );
    expect(calls.map((call) => header(call.init, 'Prefer'))).toEqual([
      'HonorNonIndexedQueriesWarningMayFailRandomly',
      'HonorNonIndexedQueriesWarningMayFailRandomly',
    ]);
  });

  it('sends no Prefer header when nothing is filtered', async () => {
    const { client, calls } = fakeGraph([{ value: [] }]);
    await listItems(client, 'site', 'list');
    expect(header(calls[0]!.init, 'Prefer')).toBeUndefined();
    expect(calls[0]!.url).toContain('expand=fields');
  });
});

describe('createListItem', () => {
  it('posts the column values inside `fields`', async () => {
    const { client, calls } = fakeGraph([{ id: '7', fields: { Title: 'INC1' } }]);
    const item = await createListItem(client, 'site', 'list', { Title: 'INC1' });
    expect(item.id).toBe('7');
    expect(calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ fields: { Title: 'INC1' } });
  });
});
