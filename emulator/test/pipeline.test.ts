import { describe, expect, it } from 'vitest';
import { DEMO_APPS, ROLE_TEMPLATE_IDS } from '../constants';
import { findUser } from '../directory';
import { GraphError } from '../graph/errors';
import { createGraphHandler } from '../graph/pipeline';
import { GraphRouter, type GraphRequest } from '../graph/router';
import { createRateThrottle, type Throttle } from '../graph/throttle';
import { createSigner } from '../identity/keys';
import { parseScopes } from '../identity/scopes';
import { IdentityStore } from '../identity/store';
import { issueTokens } from '../identity/tokens';
import { createTenant } from '../seed/tenant';
import { DEFAULT_SETTINGS } from '../settings';

const ORIGIN = 'https://localhost:5173';

/** How a later route module plugs in: one register call with its scopes, roles and limiter. */
describe('GraphRouter and the pipeline', async () => {
  const signer = await createSigner();
  const store = new IdentityStore();
  const tenant = createTenant(DEFAULT_SETTINGS);
  const deps = { signer, store, tenant: () => tenant, settings: () => DEFAULT_SETTINGS };
  let used = 0;
  const reportsLimiter: Throttle = {
    check: () => (++used > 2 ? { retryAfterSeconds: 9 } : undefined),
    reset: () => (used = 0),
  };
  const router = new GraphRouter();
  router.register(
    'GET',
    '/reports/things/{id}',
    {
      scopes: ['AuditLog.Read.All'],
      roles: [ROLE_TEMPLATE_IDS.reportsReader, ROLE_TEMPLATE_IDS.securityReader],
      deniedCode: 'accessDenied',
      throttle: reportsLimiter,
    },
    (ctx) => {
      if (ctx.params.id === 'missing') throw new GraphError(404, 'notFound', 'No such thing.');
      return {
        status: 200,
        body: { id: ctx.params.id, caller: ctx.caller.upn, top: ctx.query.get('$top') },
      };
    },
  );
  const { execute } = createGraphHandler({
    ...deps,
    router,
    throttle: createRateThrottle(),
    log: () => {},
  });
  const tokenFor = async (upn: string, scope: string) =>
    (
      await issueTokens(
        deps,
        {
          app: DEMO_APPS.main,
          user: findUser(tenant, upn)!,
          scopes: parseScopes(scope),
          scope,
          nonce: undefined,
          signedInAt: Date.now(),
        },
        ORIGIN,
        Date.now(),
      )
    ).access_token;
  const call = (
    token: string,
    url: string,
    method = 'GET',
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> => {
    const request: GraphRequest = {
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      body: '',
      origin: ORIGIN,
    };
    return execute(request);
  };

  it('passes params, query and caller to the handler', async () => {
    const max = await tokenFor('max.manager@contoso.com', 'AuditLog.Read.All');
    expect(await call(max, '/Reports/Things/42?$top=5')).toEqual({
      status: 200,
      body: { id: '42', caller: 'max.manager@contoso.com', top: '5' },
    });
    const missing = await call(max, '/reports/things/missing');
    expect(missing).toMatchObject({
      status: 404,
      body: { error: { code: 'notFound', message: 'No such thing.' } },
    });
  });

  it('needs one of the scopes and one of the roles, answering with the route’s code', async () => {
    const helen = await tokenFor('helen.helpdesk@contoso.com', 'AuditLog.Read.All');
    expect(await call(helen, '/reports/things/1')).toMatchObject({
      status: 403,
      body: { error: { code: 'accessDenied' } },
    });
    const noScope = await tokenFor('audrey.auditor@contoso.com', 'User.Read');
    expect(await call(noScope, '/reports/things/1')).toMatchObject({ status: 403 });
  });

  it('runs the route’s limiter after authentication, and lists it for reset', async () => {
    reportsLimiter.reset();
    const audrey = await tokenFor('audrey.auditor@contoso.com', 'AuditLog.Read.All');
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await call(audrey, '/reports/things/1'));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(statuses[2]?.headers).toEqual({ 'Retry-After': '9' });
    expect(router.throttles()).toEqual([reportsLimiter]);
    expect(await call('', '/reports/things/1')).toMatchObject({ status: 401 });
    expect(used).toBe(3);
  });

  it('answers 405 for a known path with another method', async () => {
    const max = await tokenFor('max.manager@contoso.com', 'AuditLog.Read.All');
    expect(await call(max, '/reports/things/1', 'DELETE')).toMatchObject({ status: 405 });
  });
});
