import { describe, expect, it } from 'vitest';
import { DEMO_APP_NAME, DEMO_CLIENT_ID, ROLE_TEMPLATE_IDS } from '../constants';
import { rolesOf } from '../directory';
import { DEMO_FIXTURES } from '../seed/people';
import {
  helen,
  sam,
  hugo,
  max,
  audrey,
  nadia,
  siobhan,
  jose,
  kenji,
  TAP_WRITE,
  HELPDESK,
  RANGE_60_480,
  POLICY_REFUSAL,
  PASS,
  type Tap,
  type Page,
  env,
  token,
  graph,
  tapsPath,
  issue,
  json,
  expectError,
  patchPolicy,
  audits,
} from './auth-methods-support';

describe('POST /users/{id}/authentication/temporaryAccessPassMethods', () => {
  it('shows in the audit log read right after it, though the same query was read just before', async () => {
    const reader = await token(audrey.userPrincipalName, 'AuditLog.Read.All Directory.Read.All');
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    const path = `/auditLogs/directoryAudits?$filter=${encodeURIComponent(
      `targetResources/any(t:t/id eq '${siobhan.id}')`,
    )}&$top=1`;
    const before = await json<Page<{ id: string }>>(await graph(reader, 'GET', path), 200);
    await json(await issue(bearer, siobhan.userPrincipalName), 201);
    const after = await json<Page<{ id: string }>>(await graph(reader, 'GET', path), 200);
    expect(after.value[0]?.id).toBeDefined();
    expect(after.value[0]?.id).not.toBe(before.value[0]?.id);
  });

  it('gives an Authentication Administrator the pass once; reads return it as null', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    const created = await json<Tap & Record<string, unknown>>(
      await issue(bearer, siobhan.userPrincipalName),
      201,
    );
    expect(created).toMatchObject({
      '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethod',
      lifetimeInMinutes: 60,
      isUsableOnce: false,
      isUsable: true,
      methodUsabilityReason: 'EnabledByPolicy',
    });
    expect(created['@odata.context']).toBe(
      `${env.origin}/graph/v1.0/$metadata#users('${siobhan.id}')/authentication/temporaryAccessPassMethods/$entity`,
    );
    expect(created.temporaryAccessPass).toMatch(PASS);
    expect(created.startDateTime).toBe(created.createdDateTime);

    const list = await json<Page<Tap>>(await graph(bearer, 'GET', tapsPath(siobhan.id)), 200);
    expect(list.value).toHaveLength(1);
    expect(list.value[0]).toEqual({
      ...created,
      temporaryAccessPass: null,
      '@odata.type': undefined,
      '@odata.context': undefined,
    });
    const one = await json<Tap>(
      await graph(bearer, 'GET', `${tapsPath(siobhan.id)}/${created.id}`),
      200,
    );
    expect(one.temporaryAccessPass).toBeNull();
    expect(JSON.stringify(list) + JSON.stringify(one)).not.toContain(created.temporaryAccessPass);
  });

  it('honours startDateTime, lifetime and one-time use from the body', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    const start = new Date(Date.now() + 3_600_000).toISOString();
    const created = await json<Tap>(
      await issue(bearer, siobhan.id, {
        startDateTime: start,
        lifetimeInMinutes: 120,
        isUsableOnce: true,
      }),
      201,
    );
    expect(created).toMatchObject({
      startDateTime: start,
      lifetimeInMinutes: 120,
      isUsableOnce: true,
      isUsable: false,
      methodUsabilityReason: 'NotYetValid',
    });
  });

  it('replaces the existing pass: one left, the old id gone, deletion and creation audited', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    const first = await json<Tap>(await issue(bearer, siobhan.id), 201);
    const second = await json<Tap>(await issue(bearer, siobhan.id, { isUsableOnce: true }), 201);
    expect(second.id).not.toBe(first.id);
    expect(second.temporaryAccessPass).not.toBe(first.temporaryAccessPass);
    const list = await json<Page<Tap>>(await graph(bearer, 'GET', tapsPath(siobhan.id)), 200);
    expect(list.value.map((t) => t.id)).toEqual([second.id]);
    await expectError(
      await graph(bearer, 'GET', `${tapsPath(siobhan.id)}/${first.id}`),
      404,
      'itemNotFound',
    );

    const [replacement, deletion, original] = audits();
    const target = {
      id: siobhan.id,
      type: 'User',
      userPrincipalName: siobhan.userPrincipalName,
    };
    const initiatedBy = {
      user: {
        id: helen.id,
        displayName: helen.displayName,
        userPrincipalName: helen.userPrincipalName,
      },
      app: { appId: DEMO_CLIENT_ID, displayName: DEMO_APP_NAME },
    };
    expect(original).toMatchObject({
      activityDisplayName: 'Admin registered security info',
      resultReason: 'Admin registered temporary access pass method for user',
      loggedByService: 'Authentication Methods',
      category: 'UserManagement',
      result: 'success',
      operationType: 'Add',
      initiatedBy,
      targetResources: [
        {
          ...target,
          modifiedProperties: [{ displayName: 'AccessPassUsage', newValue: 'Multiple' }],
        },
      ],
    });
    expect(deletion).toMatchObject({
      activityDisplayName: 'Admin deleted security info',
      resultReason: 'Admin deleted temporary access pass method for user',
      operationType: 'Delete',
      initiatedBy,
      targetResources: [{ ...target, modifiedProperties: [] }],
    });
    // A one-time pass carries no AccessPassUsage, like the seeded events.
    expect(replacement).toMatchObject({
      activityDisplayName: 'Admin registered security info',
      correlationId: deletion?.correlationId,
      targetResources: [{ ...target, modifiedProperties: [] }],
    });
    // Same keys as a seeded event, so the audit and pilot views read both alike.
    const seeded = audits().find(
      (a) =>
        a.initiatedBy.app === null && a.activityDisplayName === 'Admin registered security info',
    );
    expect(Object.keys(replacement ?? {}).sort()).toEqual(Object.keys(seeded ?? {}).sort());
  });

  it("refuses a lifetime outside the policy with the policy's range, and outside the API's", async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    await expectError(
      await issue(bearer, siobhan.id, { lifetimeInMinutes: 600 }),
      400,
      'badRequest',
      RANGE_60_480,
    );
    await expectError(
      await issue(bearer, siobhan.id, { lifetimeInMinutes: 30 }),
      400,
      'badRequest',
      RANGE_60_480,
    );
    await expectError(
      await issue(bearer, siobhan.id, { lifetimeInMinutes: 50_000 }),
      400,
      'badRequest',
      'Invalid LifetimeInMinutes specified. The valid range between 10 and 43200.',
    );
    expect(env.emulator.state.authMethods.get(siobhan.id)?.temporaryAccessPass).toBeNull();
  });

  it('refuses malformed bodies the way OData does', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    await expectError(await issue(bearer, siobhan.id, { lifetime: 60 }), 400, 'BadRequest');
    await expectError(
      await issue(bearer, siobhan.id, { lifetimeInMinutes: '60' }),
      400,
      'BadRequest',
    );
    await expectError(
      await issue(bearer, siobhan.id, { startDateTime: 'tomorrow' }),
      400,
      'BadRequest',
    );
    await expectError(await issue(bearer, siobhan.id, { isUsableOnce: 'yes' }), 400, 'BadRequest');
  });

  it('refuses external guests, but not internal ones', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    await expectError(
      await issue(bearer, DEMO_FIXTURES.externalGuest.id),
      400,
      'badRequest',
      'Temporary Access Pass cannot be added to an external guest user.',
    );
    await json(await issue(bearer, DEMO_FIXTURES.internalGuest.id), 201);
  });

  it('refuses users outside the policy targets, excluded users and everyone when disabled', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    await expectError(
      await issue(bearer, DEMO_FIXTURES.outsideTapTarget.id),
      400,
      'badRequest',
      POLICY_REFUSAL,
    );
    await json(
      await patchPolicy({
        excludeTargets: [{ targetType: 'user', id: DEMO_FIXTURES.pilotViaWave2.id }],
      }),
      200,
    );
    await expectError(
      await issue(bearer, DEMO_FIXTURES.pilotViaWave2.id),
      400,
      'badRequest',
      POLICY_REFUSAL,
    );
    await json(await patchPolicy({ excludeTargets: [], state: 'disabled' }), 200);
    await expectError(await issue(bearer, siobhan.id), 400, 'badRequest', POLICY_REFUSAL);
    // Existing passes stop working too.
    const list = await json<Page<Tap>>(await graph(bearer, 'GET', tapsPath(jose.id)), 200);
    expect(list.value[0]?.methodUsabilityReason).toBe('DisabledByPolicy');
  });

  it('keeps an Authentication Administrator to non-admins; a Privileged one reaches admins', async () => {
    const helenToken = await token(helen.userPrincipalName, HELPDESK);
    expect(rolesOf(env.emulator.state, kenji.id).map((r) => r.roleTemplateId)).toEqual([
      ROLE_TEMPLATE_IDS.userAdministrator,
    ]);
    await expectError(await issue(helenToken, kenji.id), 403, 'accessDenied');
    await expectError(await issue(helenToken, sam.id), 403, 'accessDenied');
    // Reports Reader is among the roles an Authentication Administrator still manages; Global
    // Reader (Max holds both, to read passes for the pilot dashboard) is not.
    await expectError(await issue(helenToken, max.id), 403, 'accessDenied');
    const reportsReaders = env.emulator.state.directoryRoles.find(
      (role) => role.roleTemplateId === ROLE_TEMPLATE_IDS.reportsReader,
    );
    reportsReaders?.memberIds.push(nadia.id);
    await json(await issue(helenToken, nadia.id), 201);
    const samToken = await token(sam.userPrincipalName, HELPDESK);
    await json(await issue(samToken, kenji.id), 201);
    await json(await issue(samToken, helen.id), 201);
  });

  it('refuses a pass for yourself, whatever the role', async () => {
    const bearer = await token(sam.userPrincipalName, HELPDESK);
    await expectError(await issue(bearer, sam.id), 403, 'accessDenied');
    await expectError(
      await graph(bearer, 'POST', '/me/authentication/temporaryAccessPassMethods', {}),
      403,
      'accessDenied',
    );
    expect(env.emulator.state.authMethods.get(sam.id)?.temporaryAccessPass).toBeNull();
  });

  it('refuses Helpdesk Administrator, managers and auditors even with the write scope', async () => {
    const taps = () => env.emulator.state.authMethods.get(jose.id)?.temporaryAccessPass;
    const seeded = taps();
    expect(seeded).not.toBeNull();
    for (const account of [hugo, max, audrey, nadia]) {
      const bearer = await token(account.userPrincipalName, TAP_WRITE);
      await expectError(await issue(bearer, siobhan.id), 403, 'accessDenied');
      await expectError(
        await graph(bearer, 'DELETE', `${tapsPath(jose.id)}/${seeded?.id ?? ''}`),
        403,
        'accessDenied',
      );
    }
    expect(taps()).toBe(seeded);
    expect(env.emulator.state.authMethods.get(siobhan.id)?.temporaryAccessPass).toBeNull();
  });

  it('needs a write scope: a read-only token is refused by Graph before any role check', async () => {
    const bearer = await token(helen.userPrincipalName, 'UserAuthMethod-TAP.Read.All');
    await expectError(await issue(bearer, siobhan.id), 403, 'accessDenied');
  });
});
