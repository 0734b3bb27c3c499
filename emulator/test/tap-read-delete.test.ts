import { describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, ROLE_TEMPLATE_IDS } from '../constants';
import {
  helen,
  sam,
  audrey,
  nadia,
  siobhan,
  jose,
  kenji,
  TAP_WRITE,
  HELPDESK,
  POLICY_PATH,
  type Tap,
  type Page,
  env,
  token,
  graph,
  tapsPath,
  issue,
  json,
  expectError,
  audits,
} from './auth-methods-support';

describe('reading passes', () => {
  it('lets the read roles see anyone, and users see their own', async () => {
    const helenToken = await token(helen.userPrincipalName, 'UserAuthMethod-TAP.Read.All');
    const kenjiTaps = await json<Page<Tap>>(
      await graph(helenToken, 'GET', tapsPath(kenji.id)),
      200,
    );
    expect(kenjiTaps.value).toHaveLength(1);
    expect(kenjiTaps.value[0]).toMatchObject({
      isUsableOnce: true,
      isUsable: false,
      methodUsabilityReason: 'OneTimeUsed',
      temporaryAccessPass: null,
    });
    const nadiaToken = await token(nadia.userPrincipalName, 'UserAuthMethod-TAP.Read.All');
    await expectError(await graph(nadiaToken, 'GET', tapsPath(jose.id)), 403, 'accessDenied');
    const own = await json<Page<Tap>>(
      await graph(nadiaToken, 'GET', '/me/authentication/temporaryAccessPassMethods'),
      200,
    );
    expect(own).toEqual({
      '@odata.context': `${env.origin}/graph/v1.0/$metadata#users('${nadia.id}')/authentication/temporaryAccessPassMethods`,
      value: [],
    });
    const audreyToken = await token(audrey.userPrincipalName, 'UserAuthMethod-TAP.Read.All');
    await expectError(await graph(audreyToken, 'GET', tapsPath(jose.id)), 403, 'accessDenied');
  });

  it('answers 404 for unknown users and passes, and refuses query options', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    await expectError(
      await graph(bearer, 'GET', tapsPath('nobody@contoso.com')),
      404,
      'Request_ResourceNotFound',
    );
    await expectError(
      await graph(bearer, 'GET', `${tapsPath(jose.id)}/00000000-0000-4000-8000-000000000000`),
      404,
      'itemNotFound',
    );
    await expectError(
      await graph(bearer, 'GET', `${tapsPath(jose.id)}?$top=1`),
      400,
      'Request_BadRequest',
    );
  });

  it('lets a Global Reader read passes but not issue them', async () => {
    env.emulator.state.directoryRoles
      .find((r) => r.roleTemplateId === ROLE_TEMPLATE_IDS.globalReader)
      ?.memberIds.push(nadia.id);
    const bearer = await token(
      nadia.userPrincipalName,
      `${TAP_WRITE} Policy.Read.AuthenticationMethod`,
    );
    const list = await json<Page<Tap>>(await graph(bearer, 'GET', tapsPath(jose.id)), 200);
    expect(list.value).toHaveLength(1);
    await expectError(await issue(bearer, siobhan.id), 403, 'accessDenied');
    await json(await graph(bearer, 'GET', POLICY_PATH), 200);
  });
});

describe('DELETE …/temporaryAccessPassMethods/{id}', () => {
  it('deletes with 204 and audits it; a second delete is 404', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    const tapId = env.emulator.state.authMethods.get(jose.id)?.temporaryAccessPass?.id ?? '';
    const response = await graph(bearer, 'DELETE', `${tapsPath(jose.userPrincipalName)}/${tapId}`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const list = await json<Page<Tap>>(await graph(bearer, 'GET', tapsPath(jose.id)), 200);
    expect(list.value).toEqual([]);
    expect(audits()[0]).toMatchObject({
      activityDisplayName: 'Admin deleted security info',
      resultReason: 'Admin deleted temporary access pass method for user',
      loggedByService: 'Authentication Methods',
      category: 'UserManagement',
      initiatedBy: { user: { id: helen.id }, app: { appId: DEMO_CLIENT_ID } },
      targetResources: [{ id: jose.id, userPrincipalName: jose.userPrincipalName, type: 'User' }],
    });
    await expectError(
      await graph(bearer, 'DELETE', `${tapsPath(jose.id)}/${tapId}`),
      404,
      'itemNotFound',
    );
  });

  it("keeps an Authentication Administrator from deleting an admin's pass", async () => {
    const tapId = env.emulator.state.authMethods.get(kenji.id)?.temporaryAccessPass?.id ?? '';
    const helenToken = await token(helen.userPrincipalName, HELPDESK);
    await expectError(
      await graph(helenToken, 'DELETE', `${tapsPath(kenji.id)}/${tapId}`),
      403,
      'accessDenied',
    );
    const samToken = await token(sam.userPrincipalName, HELPDESK);
    expect((await graph(samToken, 'DELETE', `${tapsPath(kenji.id)}/${tapId}`)).status).toBe(204);
  });
});
