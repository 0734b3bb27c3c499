import { reportsLimiterFor } from '../graph/reports-limit';
import type { GraphContext, GraphResult, GraphRouter, RouteAccess } from '../graph/router';
import type { User } from '../model';
import { getMethod, listMethods } from './all-methods';
import { deleteAuthenticator, getAuthenticator, listAuthenticators } from './authenticator-methods';
import { deleteFido2, getFido2, listFido2 } from './fido2-methods';
import {
  ALL_METHODS_SCOPES,
  AUTHENTICATOR_SCOPES,
  DENIED_CODE,
  PASSKEY_SCOPES,
  TAP_SCOPES,
  type ScopeFamily,
} from './method-access';
import { createTap, deleteTap, getTap, listTaps } from './tap-methods';
import { me, userParam } from './users';

type Handler = (ctx: GraphContext, target: User) => GraphResult;

/**
 * Registers each operation on /users/{id}/authentication/… and /me/authentication/…; the
 * pipeline's scope check is the union, `authorize` decides self versus others.
 */
export function registerAuthenticationMethodRoutes(router: GraphRouter): void {
  const both = (method: string, path: string, access: RouteAccess, handler: Handler) => {
    router.register(method, `/users/{id}/authentication${path}`, access, (ctx) =>
      handler(ctx, userParam(ctx)),
    );
    router.register(method, `/me/authentication${path}`, access, (ctx) => handler(ctx, me(ctx)));
  };
  // Graph counts the authentication-method APIs in the reports limit (docs/graph-facts.md §8).
  const common = { deniedCode: DENIED_CODE, throttle: reportsLimiterFor(router) };
  const reads = (family: ScopeFamily): RouteAccess => ({ scopes: family.readSelf, ...common });
  const writes = (family: ScopeFamily): RouteAccess => ({ scopes: family.writeSelf, ...common });

  both('POST', '/temporaryAccessPassMethods', writes(TAP_SCOPES), createTap);
  both('GET', '/temporaryAccessPassMethods', reads(TAP_SCOPES), listTaps);
  both('GET', '/temporaryAccessPassMethods/{methodId}', reads(TAP_SCOPES), getTap);
  both('DELETE', '/temporaryAccessPassMethods/{methodId}', writes(TAP_SCOPES), deleteTap);

  both('GET', '/microsoftAuthenticatorMethods', reads(AUTHENTICATOR_SCOPES), listAuthenticators);
  both(
    'GET',
    '/microsoftAuthenticatorMethods/{methodId}',
    reads(AUTHENTICATOR_SCOPES),
    getAuthenticator,
  );
  both(
    'DELETE',
    '/microsoftAuthenticatorMethods/{methodId}',
    writes(AUTHENTICATOR_SCOPES),
    deleteAuthenticator,
  );

  both('GET', '/fido2Methods', reads(PASSKEY_SCOPES), listFido2);
  both('GET', '/fido2Methods/{methodId}', reads(PASSKEY_SCOPES), getFido2);
  both('DELETE', '/fido2Methods/{methodId}', writes(PASSKEY_SCOPES), deleteFido2);

  both('GET', '/methods', reads(ALL_METHODS_SCOPES), listMethods);
  both('GET', '/methods/{methodId}', reads(ALL_METHODS_SCOPES), getMethod);
}
