import { GraphError } from '../graph/errors';
import { allowQueryOptions } from '../graph/odata';
import type { GraphContext, GraphResult } from '../graph/router';
import type { AuthenticatorMethod, User } from '../model';
import { iso } from '../seed/onboarding';
import {
  AUTHENTICATOR_SCOPES,
  authorize,
  collectionContext,
  methodNotFound,
  methodsOf,
} from './method-access';
import { methodDeleted } from './method-audit';

/* Microsoft Authenticator methods (docs/graph-facts.md §3): read and delete. */

const AUTHENTICATOR_TYPE = '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod';

/**
 * `device` is a relationship: Graph returns it only with $expand=device (null unless phone
 * sign-in is on). createdDateTime alone already tells passwordless from push-only.
 */
export function authenticatorResource(method: AuthenticatorMethod, expandDevice: boolean) {
  return {
    '@odata.type': AUTHENTICATOR_TYPE,
    id: method.id,
    displayName: method.displayName,
    deviceTag: method.deviceTag,
    phoneAppVersion: method.phoneAppVersion,
    createdDateTime: method.createdDateTime,
    ...(expandDevice ? { device: method.device ? { ...method.device } : null } : {}),
  };
}

function expandsDevice(ctx: GraphContext): boolean {
  const expand = ctx.query.get('$expand');
  if (expand === null) return false;
  const names = expand.split(',').map((name) => name.trim());
  const unknown = names.find((name) => name.toLowerCase() !== 'device');
  if (unknown !== undefined) {
    throw new GraphError(
      400,
      'BadRequest',
      `Could not find a property named '${unknown}' on type 'microsoft.graph.microsoftAuthenticatorAuthenticationMethod'.`,
    );
  }
  return true;
}

export function listAuthenticators(ctx: GraphContext, target: User): GraphResult {
  allowQueryOptions(ctx, ['$expand']);
  authorize(ctx, target, AUTHENTICATOR_SCOPES, 'read');
  const expand = expandsDevice(ctx);
  return {
    status: 200,
    body: {
      '@odata.context': collectionContext(ctx, target, 'microsoftAuthenticatorMethods'),
      value: methodsOf(ctx, target).microsoftAuthenticator.map((m) =>
        authenticatorResource(m, expand),
      ),
    },
  };
}

function findAuthenticator(ctx: GraphContext, target: User): AuthenticatorMethod {
  const id = ctx.params.methodId ?? '';
  const method = methodsOf(ctx, target).microsoftAuthenticator.find((m) => m.id === id);
  if (!method) throw methodNotFound(id);
  return method;
}

export function getAuthenticator(ctx: GraphContext, target: User): GraphResult {
  allowQueryOptions(ctx, ['$expand', '$select']);
  authorize(ctx, target, AUTHENTICATOR_SCOPES, 'read');
  const expand = expandsDevice(ctx);
  return {
    status: 200,
    body: {
      '@odata.context': `${collectionContext(ctx, target, 'microsoftAuthenticatorMethods')}/$entity`,
      ...authenticatorResource(findAuthenticator(ctx, target), expand),
    },
  };
}

export function deleteAuthenticator(ctx: GraphContext, target: User): GraphResult {
  authorize(ctx, target, AUTHENTICATOR_SCOPES, 'write');
  const method = findAuthenticator(ctx, target);
  const methods = methodsOf(ctx, target);
  methods.microsoftAuthenticator = methods.microsoftAuthenticator.filter((m) => m !== method);
  methods.lastUpdatedDateTime = iso(ctx.now);
  return methodDeleted(ctx, target, 'Authenticator App with Notification and Code');
}
