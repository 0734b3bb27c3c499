import { describe, expect, it } from 'vitest';
import {
  helen,
  sam,
  hugo,
  nadia,
  siobhan,
  jose,
  kenji,
  TAPS,
  env,
  control,
  graphInit,
  passOf,
  itemCount,
  audits,
} from './faults-support';

describe('POST /emulator/users/{upn}/tap: another agent in the Entra admin center', () => {
  const adminCenter = (upn: string, body: unknown) =>
    control('POST', `/emulator/users/${encodeURIComponent(upn)}/tap`, body);
  const expectRefusal = async (response: Response, status: number, code: string) => {
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(response.status).toBe(status);
    expect(error.code).toBe(code);
    return error.message;
  };

  it('creates a pass as that staff member, with its value, the audit event and no list item', async () => {
    const items = itemCount();
    const response = await adminCenter(siobhan.userPrincipalName, {
      action: 'create',
      by: helen.userPrincipalName,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      userId: string;
      by: string;
      temporaryAccessPass: Record<string, unknown>;
    };
    const stored = passOf(siobhan.id)!;
    expect(body).toEqual({
      userId: siobhan.id,
      by: helen.userPrincipalName,
      temporaryAccessPass: {
        id: stored.id,
        temporaryAccessPass: stored.secret,
        createdDateTime: stored.createdDateTime,
        startDateTime: stored.startDateTime,
        // The policy's default lifetime and one-time setting, as for a Graph POST.
        lifetimeInMinutes: env.emulator.state.tapPolicy.defaultLifetimeInMinutes,
        isUsableOnce: env.emulator.state.tapPolicy.isUsableOnce,
        isUsable: true,
        methodUsabilityReason: 'EnabledByPolicy',
      },
    });
    expect(audits()[0]).toMatchObject({
      activityDisplayName: 'Admin registered security info',
      result: 'success',
      initiatedBy: {
        user: { id: helen.id, userPrincipalName: helen.userPrincipalName },
        app: null,
      },
      targetResources: [{ id: siobhan.id }],
    });
    expect(itemCount()).toBe(items);
    // TAP Desk sees the pass through Graph, without its value.
    const listed = (await (await env.call(`/graph/v1.0${TAPS}`, graphInit('GET'))).json()) as {
      value: { id: string; temporaryAccessPass: string | null }[];
    };
    expect(listed.value).toEqual([
      expect.objectContaining({ id: stored.id, temporaryAccessPass: null }),
    ]);
  });

  it('replaces an existing pass and takes Graph’s optional properties', async () => {
    const old = passOf(jose.id)!;
    const response = await adminCenter(jose.userPrincipalName, {
      action: 'create',
      by: sam.userPrincipalName,
      lifetimeInMinutes: 120,
    });
    expect(response.status).toBe(200);
    const created = passOf(jose.id)!;
    expect(created.id).not.toBe(old.id);
    expect(created.lifetimeInMinutes).toBe(120);
    expect(audits().slice(0, 2)).toMatchObject([
      {
        activityDisplayName: 'Admin registered security info',
        initiatedBy: { user: { id: sam.id } },
      },
      { activityDisplayName: 'Admin deleted security info', initiatedBy: { user: { id: sam.id } } },
    ]);
    await expectRefusal(
      await adminCenter(jose.userPrincipalName, {
        action: 'create',
        by: sam.userPrincipalName,
        lifetimeInMinutes: 5,
      }),
      400,
      'badRequest',
    );
  });

  it('deletes the pass with the audit event, and says so when there is none', async () => {
    const items = itemCount();
    const pass = passOf(jose.id)!;
    const response = await adminCenter(jose.userPrincipalName, {
      action: 'delete',
      by: helen.userPrincipalName,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      userId: jose.id,
      by: helen.userPrincipalName,
      deletedMethodId: pass.id,
    });
    expect(passOf(jose.id)).toBeNull();
    expect(audits()[0]).toMatchObject({
      activityDisplayName: 'Admin deleted security info',
      operationType: 'Delete',
      initiatedBy: { user: { id: helen.id }, app: null },
      targetResources: [{ id: jose.id }],
    });
    expect(itemCount()).toBe(items);
    await expectRefusal(
      await adminCenter(jose.userPrincipalName, { action: 'delete', by: helen.userPrincipalName }),
      404,
      'noTemporaryAccessPass',
    );
  });

  it('refuses staff without the role, and acting on oneself, as Graph refuses them', async () => {
    const auditCount = audits().length;
    for (const by of [hugo, nadia]) {
      await expectRefusal(
        await adminCenter(siobhan.userPrincipalName, {
          action: 'create',
          by: by.userPrincipalName,
        }),
        403,
        'accessDenied',
      );
      await expectRefusal(
        await adminCenter(jose.userPrincipalName, { action: 'delete', by: by.userPrincipalName }),
        403,
        'accessDenied',
      );
    }
    expect(
      await expectRefusal(
        await adminCenter(helen.userPrincipalName, {
          action: 'create',
          by: helen.userPrincipalName,
        }),
        403,
        'accessDenied',
      ),
    ).toMatch(/your own account/);
    // An Authentication Administrator cannot reach another administrator; a Privileged one can.
    await expectRefusal(
      await adminCenter(kenji.userPrincipalName, { action: 'create', by: helen.userPrincipalName }),
      403,
      'accessDenied',
    );
    expect(passOf(siobhan.id)).toBeNull();
    expect(passOf(jose.id)).not.toBeNull();
    expect(audits()).toHaveLength(auditCount);
    const bySam = await adminCenter(kenji.userPrincipalName, {
      action: 'create',
      by: sam.userPrincipalName,
    });
    expect(bySam.status).toBe(200);
  });

  it('answers 404 for unknown users and 400 for a bad body', async () => {
    await expectRefusal(
      await adminCenter('nobody@contoso.com', { action: 'create', by: helen.userPrincipalName }),
      404,
      'userNotFound',
    );
    await expectRefusal(
      await adminCenter(siobhan.userPrincipalName, { action: 'create', by: 'nobody@contoso.com' }),
      404,
      'actorNotFound',
    );
    for (const body of [
      undefined,
      { action: 'update', by: helen.userPrincipalName },
      { action: 'create' },
      { action: 'delete', by: helen.userPrincipalName, lifetimeInMinutes: 60 },
    ]) {
      await expectRefusal(await adminCenter(siobhan.userPrincipalName, body), 400, 'badTapAction');
    }
    await expectRefusal(
      await adminCenter(siobhan.userPrincipalName, {
        action: 'create',
        by: helen.userPrincipalName,
        colour: 'red',
      }),
      400,
      'BadRequest',
    );
  });
});
