import { DEMO_APPS, type DemoApp } from '../constants';
import { findUser } from '../directory';
import type { DelegatedPermissionGrant, Tenant } from '../model';
import { newGrant } from '../seed/consent';
import { ControlError } from './phone';

const PATH = /^\/emulator\/consent-grants(?:\/([^/]+))?$/;

/**
 * /emulator/consent-grants[/{id}]: the tenant's delegated permission grants for TAP Desk and TAP
 * Desk Reports, as an administrator would change them with Graph's oauth2PermissionGrants (GET,
 * POST, PATCH scope, DELETE); a POST's `clientId`, the app's service principal as in Graph, is
 * TAP Desk's when left out. Sign-in and every token check them; a reset restores the seeded grants. Answers
 * undefined when the path is not one of these.
 */
export function consentGrantAction(
  tenant: Tenant,
  method: string,
  path: string,
  body: unknown,
): unknown {
  const match = PATH.exec(path);
  if (!match) return undefined;
  const id = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
  const grants = tenant.oauth2PermissionGrants;
  if (id === undefined && method === 'GET') return { value: grants.map((g) => shown(tenant, g)) };
  if (id === undefined && method === 'POST') {
    const { consentType, principalId, scope, clientId } = fields(body, [
      'consentType',
      'principalId',
      'scope',
      'clientId',
    ]);
    const app = clientApp(clientId);
    if (consentType !== 'AllPrincipals' && consentType !== 'Principal') {
      throw badGrant("'consentType' must be 'AllPrincipals' or 'Principal'.");
    }
    let userId: string | null = null;
    if (consentType === 'Principal') {
      if (typeof principalId !== 'string') {
        throw badGrant("'principalId' (a user id or UPN) goes with consentType 'Principal'.");
      }
      const user = findUser(tenant, principalId);
      if (!user) throw new ControlError(404, 'userNotFound', `No user '${principalId}'.`);
      userId = user.id;
    } else if (principalId !== undefined && principalId !== null) {
      throw badGrant("'principalId' goes with consentType 'Principal' only.");
    }
    const same = (g: DelegatedPermissionGrant) =>
      g.clientId === app.servicePrincipalId &&
      g.consentType === consentType &&
      g.principalId === userId;
    if (grants.some(same)) {
      throw new ControlError(409, 'grantExists', 'Permission entry already exists.');
    }
    const grant = newGrant(consentType, userId, scopesOf(scope), app);
    grants.push(grant);
    return shown(tenant, grant);
  }
  const index = grants.findIndex((g) => g.id === id);
  if (id !== undefined && index < 0) {
    throw new ControlError(404, 'grantNotFound', `No permission grant '${id}'.`);
  }
  const grant = grants[index] as DelegatedPermissionGrant;
  if (method === 'PATCH') {
    grant.scope = scopesOf(fields(body, ['scope']).scope).join(' ');
    return shown(tenant, grant);
  }
  if (method === 'DELETE') {
    grants.splice(index, 1);
    return { ok: true };
  }
  throw new ControlError(405, 'methodNotAllowed', `${method} ${path} is not supported.`);
}

function clientApp(clientId: unknown): DemoApp {
  if (clientId === undefined) return DEMO_APPS.main;
  const app = Object.values(DEMO_APPS).find((a) => a.servicePrincipalId === clientId);
  if (!app) throw badGrant("'clientId' must be the service principal id of one of the apps.");
  return app;
}

/**
 * The grant as Graph has it, plus the principal's UPN and the app's client id, for test code that
 * knows people by name and apps by client id.
 */
function shown(tenant: Tenant, grant: DelegatedPermissionGrant) {
  const principal = grant.principalId ? findUser(tenant, grant.principalId) : undefined;
  const app = Object.values(DEMO_APPS).find((a) => a.servicePrincipalId === grant.clientId);
  return {
    ...grant,
    principalUserPrincipalName: principal?.userPrincipalName ?? null,
    clientAppId: app?.clientId ?? null,
  };
}

function fields(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badGrant('The body must be a JSON object.');
  }
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).find((key) => !allowed.includes(key));
  if (unknown !== undefined) throw badGrant(`Unknown property '${unknown}'.`);
  return record;
}

function scopesOf(scope: unknown): string[] {
  if (typeof scope !== 'string') throw badGrant("'scope' must be a space-separated string.");
  return [...new Set(scope.split(/\s+/).filter(Boolean))];
}

const badGrant = (message: string) => new ControlError(400, 'badGrant', message);
