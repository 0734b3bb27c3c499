import { allowQueryOptions } from '../graph/odata';
import type { GraphContext, GraphResult } from '../graph/router';
import type { Fido2Method, User } from '../model';
import { iso } from '../seed/onboarding';
import {
  PASSKEY_SCOPES,
  authorize,
  collectionContext,
  methodNotFound,
  methodsOf,
} from './method-access';
import { methodDeleted } from './method-audit';

/* Passkey (FIDO2) methods: read and delete. */

const FIDO2_TYPE = '#microsoft.graph.fido2AuthenticationMethod';

export function fido2Resource(method: Fido2Method) {
  return {
    '@odata.type': FIDO2_TYPE,
    id: method.id,
    displayName: method.displayName,
    createdDateTime: method.createdDateTime,
    aaGuid: method.aaGuid,
    model: method.model,
    attestationCertificates: [...method.attestationCertificates],
    attestationLevel: method.attestationLevel,
  };
}

export function listFido2(ctx: GraphContext, target: User): GraphResult {
  allowQueryOptions(ctx, []);
  authorize(ctx, target, PASSKEY_SCOPES, 'read');
  return {
    status: 200,
    body: {
      '@odata.context': collectionContext(ctx, target, 'fido2Methods'),
      value: methodsOf(ctx, target).fido2.map(fido2Resource),
    },
  };
}

export function getFido2(ctx: GraphContext, target: User): GraphResult {
  allowQueryOptions(ctx, ['$select']);
  authorize(ctx, target, PASSKEY_SCOPES, 'read');
  const id = ctx.params.methodId ?? '';
  const method = methodsOf(ctx, target).fido2.find((m) => m.id === id.toLowerCase());
  if (!method) throw methodNotFound(id);
  return {
    status: 200,
    body: {
      '@odata.context': `${collectionContext(ctx, target, 'fido2Methods')}/$entity`,
      ...fido2Resource(method),
    },
  };
}

/**
 * DELETE …/fido2Methods/{id}: 204, the user's own passkey with any of the write scopes, someone
 * else's with a .ReadWrite.All scope and a role that reaches them. The audit event's reason
 * mirrors the registration event's wording; Microsoft does not document it for a deletion.
 */
export function deleteFido2(ctx: GraphContext, target: User): GraphResult {
  authorize(ctx, target, PASSKEY_SCOPES, 'write');
  const id = ctx.params.methodId ?? '';
  const methods = methodsOf(ctx, target);
  const method = methods.fido2.find((m) => m.id === id.toLowerCase());
  if (!method) throw methodNotFound(id);
  methods.fido2 = methods.fido2.filter((m) => m !== method);
  methods.lastUpdatedDateTime = iso(ctx.now);
  return methodDeleted(ctx, target, 'Fido2 Authentication Method');
}
