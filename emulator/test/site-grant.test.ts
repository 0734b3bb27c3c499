/**
 * Sites.Selected needs the site to name the app (admin guide 5.4), and then a request gets the
 * lesser of the app's role on the site and the person's own permission level.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VERIFICATION_LIST_ID, VERIFICATION_SITE_ID } from '../routes/lists';
import { DEMO_ACCOUNTS, DEMO_FIXTURES } from '../seed/people';
import { startTestEmulator, tokensFor, type TestEnv } from './support';

const upn = (start: string) =>
  DEMO_ACCOUNTS.find((a) => a.userPrincipalName.startsWith(start))!.userPrincipalName;
const SITE = `/sites/${encodeURIComponent(VERIFICATION_SITE_ID)}`;
const ITEMS = `${SITE}/lists/${VERIFICATION_LIST_ID}/items`;
const SCOPE = 'openid Sites.Selected';

let env: TestEnv;
const tokens = { helpdesk: '', auditor: '', owner: '' };

beforeAll(async () => {
  env = await startTestEmulator();
  tokens.helpdesk = (await tokensFor(env, upn('helen.'), SCOPE)).access_token;
  tokens.auditor = (await tokensFor(env, upn('audrey.'), SCOPE)).access_token;
  tokens.owner = (
    await tokensFor(env, DEMO_FIXTURES.globalAdmin.userPrincipalName, SCOPE)
  ).access_token;
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

const record = () => ({
  fields: {
    Title: 'INC0012345',
    TargetUserId: DEMO_FIXTURES.nonPilotUser.id,
    TargetUpn: DEMO_FIXTURES.nonPilotUser.userPrincipalName,
    IssuedByUpn: upn('helen.'),
    IssuedAt: new Date().toISOString(),
    VerificationMethod: 'In person with photo ID',
    Outcome: 'issued',
  },
});

const grant = (verificationSiteGrant: string) =>
  env.call('/emulator/settings', {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ verificationSiteGrant }),
  });

describe('the app grant on the verification site', () => {
  it('write (the demo default): each person keeps their own level', async () => {
    expect((await send('GET', `${ITEMS}?$top=1`, tokens.auditor)).status).toBe(200);
    expect((await send('POST', ITEMS, tokens.helpdesk, record())).status).toBe(201);
    expect((await send('POST', ITEMS, tokens.auditor, record())).status).toBe(403);
  });

  it('none: every list request is refused as SharePoint refuses it, even the owner', async () => {
    expect((await grant('none')).status).toBe(200);
    for (const token of [tokens.auditor, tokens.helpdesk, tokens.owner]) {
      const refused = await send('GET', `${ITEMS}?$top=1`, token);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
        'accessDenied',
      );
    }
    expect((await send('POST', ITEMS, tokens.helpdesk, record())).status).toBe(403);
  });

  it('read: people read, nobody adds, whatever their own level', async () => {
    await grant('read');
    expect((await send('GET', `${ITEMS}?$top=1`, tokens.helpdesk)).status).toBe(200);
    expect((await send('POST', ITEMS, tokens.helpdesk, record())).status).toBe(403);
    expect((await send('POST', ITEMS, tokens.owner, record())).status).toBe(403);
  });

  it('a reset restores the seeded write grant', async () => {
    await grant('none');
    env.emulator.reset();
    expect((await send('POST', ITEMS, tokens.helpdesk, record())).status).toBe(201);
  });

  it("refuses an unknown grant, and the site's permissions need Sites.FullControl.All", async () => {
    expect((await grant('owner')).status).toBe(400);
    expect((await send('GET', `${SITE}/permissions`, tokens.owner)).status).toBe(403);
  });
});

describe('policy controls', () => {
  const patch = (which: string, body: unknown) =>
    env.call(`/emulator/policies/${which}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('retarget Authenticator and turn the passkey policy off', async () => {
    const authenticator = await patch('microsoft-authenticator', {
      includeTargets: [{ id: 'all_users', authenticationMode: 'push' }],
    });
    expect(authenticator.status).toBe(200);
    expect(env.emulator.state.authenticatorPolicy.includeTargets).toEqual([
      {
        targetType: 'group',
        id: 'all_users',
        isRegistrationRequired: false,
        authenticationMode: 'push',
      },
    ]);
    expect((await patch('fido2', { state: 'disabled' })).status).toBe(200);
    expect(env.emulator.state.fido2Policy.state).toBe('disabled');
  });

  it('refuses what it cannot change', async () => {
    expect((await patch('fido2', { isAttestationEnforced: false })).status).toBe(400);
    expect(
      (
        await patch('microsoft-authenticator', {
          includeTargets: [{ id: 'x', authenticationMode: 'sms' }],
        })
      ).status,
    ).toBe(400);
  });
});
