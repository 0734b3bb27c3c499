/**
 * The verification list's permissions and history, as the admin guide sets the site up: helpdesk
 * staff may add items but never edit or delete them ("Add only"), the site owner may, and every
 * edit leaves a version behind and moves the item's modified date, editor and etag version.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VERIFICATION_LIST_ID, VERIFICATION_SITE_ID } from '../routes/lists';
import { DEMO_ACCOUNTS, DEMO_FIXTURES } from '../seed/people';
import { graphGet, startTestEmulator, tokensFor, type TestEnv } from './support';

interface Identity {
  user: { id: string; displayName: string; email: string };
}
interface Item {
  id: string;
  eTag: string;
  '@odata.etag': string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: Identity;
  lastModifiedBy: Identity;
  fields: Record<string, unknown>;
}
interface Version {
  id: string;
  lastModifiedDateTime: string;
  lastModifiedBy: Identity;
  published: { level: string; versionId: string };
  fields: Record<string, unknown>;
}

const account = (upn: string) => DEMO_ACCOUNTS.find((a) => a.userPrincipalName === upn)!;
const helen = account('helen.helpdesk@contoso.com');
const audrey = account('audrey.auditor@contoso.com');
const owner = DEMO_FIXTURES.globalAdmin;
const ITEMS = `/sites/${encodeURIComponent(VERIFICATION_SITE_ID)}/lists/${VERIFICATION_LIST_ID}/items`;
const SCOPE = 'openid Sites.Selected';

let env: TestEnv;
const tokens = { helpdesk: '', auditor: '', owner: '' };

beforeAll(async () => {
  env = await startTestEmulator();
  tokens.helpdesk = (await tokensFor(env, helen.userPrincipalName, SCOPE)).access_token;
  tokens.auditor = (await tokensFor(env, audrey.userPrincipalName, SCOPE)).access_token;
  tokens.owner = (await tokensFor(env, owner.userPrincipalName, SCOPE)).access_token;
});
afterAll(() => env.close());
beforeEach(() => env.emulator.reset());

const send = (method: string, path: string, token: string, body?: unknown) =>
  env.call(`/graph/v1.0${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const errorCode = async (response: Response) =>
  ((await response.json()) as { error: { code: string } }).error.code;

async function addRecord(): Promise<Item> {
  const response = await send('POST', ITEMS, tokens.helpdesk, {
    fields: {
      Title: 'INC0077777',
      TargetUserId: DEMO_FIXTURES.nonPilotUser.id,
      TargetUpn: DEMO_FIXTURES.nonPilotUser.userPrincipalName,
      IssuedByUpn: helen.userPrincipalName,
      IssuedAt: new Date().toISOString(),
      VerificationMethod: 'In person with photo ID',
      Reason: 'New phone',
      Outcome: 'issued',
    },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Item;
}

async function readItem(id: string, token = tokens.auditor): Promise<Item> {
  const response = await graphGet(env, `${ITEMS}/${id}?expand=fields`, token);
  expect(response.status).toBe(200);
  return (await response.json()) as Item;
}

describe('helpdesk staff ("Add only")', () => {
  it('add an item, written as version 1 by them, unmodified since', async () => {
    const item = await addRecord();
    expect(item.createdBy.user.id).toBe(helen.id);
    expect(item.lastModifiedBy.user.id).toBe(helen.id);
    expect(item.lastModifiedDateTime).toBe(item.createdDateTime);
    expect(item.eTag).toBe(`"${item.id},1"`);
  });

  it('cannot edit an item, even their own: 403 accessDenied, nothing changes', async () => {
    const item = await addRecord();
    const refused = await send('PATCH', `${ITEMS}/${item.id}/fields`, tokens.helpdesk, {
      IssuedByUpn: 'sam.senior@contoso.com',
    });
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('accessDenied');
    const after = await readItem(item.id);
    expect(after.fields.IssuedByUpn).toBe(helen.userPrincipalName);
    expect(after.eTag).toBe(`"${item.id},1"`);
  });

  it('cannot delete an item, even their own: 403 accessDenied, it stays', async () => {
    const item = await addRecord();
    const refused = await send('DELETE', `${ITEMS}/${item.id}`, tokens.helpdesk);
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('accessDenied');
    await readItem(item.id);
  });
});

describe('the site owner (edit rights)', () => {
  it('edits columns: modified date, editor and etag version move on; the author stays', async () => {
    const item = await addRecord();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const response = await send('PATCH', `${ITEMS}/${item.id}/fields`, tokens.owner, {
      IssuedByUpn: 'sam.senior@contoso.com',
      Reason: null,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const values = (await response.json()) as Record<string, unknown>;
    expect(values).toMatchObject({ IssuedByUpn: 'sam.senior@contoso.com', Title: 'INC0077777' });
    expect(values.Reason).toBeUndefined();

    const after = await readItem(item.id);
    expect(after.createdBy.user.id).toBe(helen.id);
    expect(after.createdDateTime).toBe(item.createdDateTime);
    expect(after.lastModifiedBy.user.id).toBe(owner.id);
    expect(Date.parse(after.lastModifiedDateTime)).toBeGreaterThan(
      Date.parse(item.createdDateTime),
    );
    expect(after.eTag).toBe(`"${item.id},2"`);
    expect(after['@odata.etag']).toBe(after.eTag);
    expect(after.fields.Modified).toBe(after.lastModifiedDateTime);
  });

  it('lists the versions as listItemVersion resources, newest first, each with its fields', async () => {
    const item = await addRecord();
    await send('PATCH', `${ITEMS}/${item.id}/fields`, tokens.owner, { Ticket: 'INC1' });
    await send('PATCH', `${ITEMS}/${item.id}/fields`, tokens.owner, { Ticket: 'INC2' });
    // Viewing versions is reading: the auditor may.
    const response = await graphGet(env, `${ITEMS}/${item.id}/versions`, tokens.auditor);
    expect(response.status).toBe(200);
    const { value } = (await response.json()) as { value: Version[] };
    expect(value.map((v) => v.id)).toEqual(['3.0', '2.0', '1.0']);
    expect(value.map((v) => v.fields.Ticket)).toEqual(['INC2', 'INC1', undefined]);
    expect(value.map((v) => v.lastModifiedBy.user.id)).toEqual([owner.id, owner.id, helen.id]);
    expect(value[2]).toMatchObject({
      lastModifiedDateTime: item.createdDateTime,
      published: { level: 'published', versionId: '1.0' },
    });
    const one = await graphGet(env, `${ITEMS}/${item.id}/versions/1.0`, tokens.auditor);
    expect(((await one.json()) as Version).fields.Reason).toBe('New phone');
    expect((await graphGet(env, `${ITEMS}/${item.id}/versions/9.0`, tokens.auditor)).status).toBe(
      404,
    );
  });

  it('an item never edited has one version, written by its author', async () => {
    const item = await addRecord();
    const response = await graphGet(env, `${ITEMS}/${item.id}/versions`, tokens.helpdesk);
    const { value } = (await response.json()) as { value: Version[] };
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({ id: '1.0', lastModifiedBy: { user: { id: helen.id } } });
  });

  it('refuses unknown columns, wrong types, and emptying a required column', async () => {
    const item = await addRecord();
    const patch = (body: unknown) =>
      send('PATCH', `${ITEMS}/${item.id}/fields`, tokens.owner, body);
    expect((await patch({ TapValue: 'abc' })).status).toBe(400);
    expect((await patch({ LifetimeMinutes: 'sixty' })).status).toBe(400);
    expect((await patch({ Outcome: null })).status).toBe(400);
    expect((await readItem(item.id)).eTag).toBe(`"${item.id},1"`);
  });

  it('deletes an item into the recycle bin: gone from the list, its id never given out again', async () => {
    const item = await addRecord();
    const deleted = await send('DELETE', `${ITEMS}/${item.id}`, tokens.owner);
    expect(deleted.status).toBe(204);
    expect((await graphGet(env, `${ITEMS}/${item.id}`, tokens.auditor)).status).toBe(404);
    const listed = await graphGet(env, `${ITEMS}?$top=5000`, tokens.auditor);
    const ids = ((await listed.json()) as { value: Item[] }).value.map((i) => i.id);
    expect(ids).not.toContain(item.id);
    const next = await addRecord();
    expect(Number(next.id)).toBeGreaterThan(Number(item.id));
  });
});

describe('auditors', () => {
  it('can neither edit nor delete', async () => {
    const item = await addRecord();
    const patch = await send('PATCH', `${ITEMS}/${item.id}/fields`, tokens.auditor, {
      Ticket: 'x',
    });
    expect(patch.status).toBe(403);
    expect((await send('DELETE', `${ITEMS}/${item.id}`, tokens.auditor)).status).toBe(403);
  });
});
