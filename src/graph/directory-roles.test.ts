import { describe, expect, it } from 'vitest';
import { createGraphClient } from './client';
import { listDirectoryRoleHolders } from './directory-roles';
import { GraphError } from './errors';

function graphWith(handler: (url: string, body: unknown) => { status: number; body: unknown }) {
  return createGraphClient({
    baseUrl: 'https://graph.test/v1.0',
    getToken: async () => 't',
    sleep: async () => {},
    fetch: async (input, init) => {
      const answer = handler(String(input), init?.body ? JSON.parse(String(init.body)) : undefined);
      return new Response(JSON.stringify(answer.body), { status: answer.status });
    },
  });
}

const roles = {
  value: [
    { id: 'r1', displayName: 'Global Administrator', roleTemplateId: 't1' },
    { id: 'r2', displayName: 'Authentication Administrator', roleTemplateId: 't2' },
  ],
};

describe('listDirectoryRoleHolders', () => {
  it('reads every role’s members in one batch and indexes holders by object id', async () => {
    const requests: string[] = [];
    const client = graphWith((url, body) => {
      requests.push(url);
      if (url.includes('/directoryRoles?')) return { status: 200, body: roles };
      const items = (body as { requests: { id: string; url: string }[] }).requests;
      return {
        status: 200,
        body: {
          responses: items.map((item) => ({
            id: item.id,
            status: 200,
            body: {
              value: item.url.includes('/r1/')
                ? [{ '@odata.type': '#microsoft.graph.user', id: 'u1', displayName: 'Gail' }]
                : [
                    { '@odata.type': '#microsoft.graph.user', id: 'u1', displayName: 'Gail' },
                    { '@odata.type': '#microsoft.graph.user', id: 'u2', displayName: 'Helen' },
                  ],
            },
          })),
        },
      };
    });
    const holders = await listDirectoryRoleHolders(client);
    expect(requests).toHaveLength(2);
    expect(holders.get('u1')?.roles).toEqual([
      'Global Administrator',
      'Authentication Administrator',
    ]);
    expect(holders.get('u2')?.roles).toEqual(['Authentication Administrator']);
  });

  it('fails rather than answer with a partial admin list', async () => {
    const client = graphWith((url, body) => {
      if (url.includes('/directoryRoles?')) return { status: 200, body: roles };
      const items = (body as { requests: { id: string }[] }).requests;
      return {
        status: 200,
        body: {
          responses: items.map((item, index) => ({
            id: item.id,
            status: index === 0 ? 200 : 403,
            body:
              index === 0
                ? { value: [] }
                : {
                    error: {
                      code: 'Authorization_RequestDenied',
                      message: 'Insufficient privileges',
                    },
                  },
          })),
        },
      };
    });
    await expect(listDirectoryRoleHolders(client)).rejects.toMatchObject({
      status: 403,
      code: 'Authorization_RequestDenied',
    });
    await expect(listDirectoryRoleHolders(client)).rejects.toBeInstanceOf(GraphError);
  });
});
