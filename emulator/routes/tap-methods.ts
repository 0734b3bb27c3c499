import { GraphError } from '../graph/errors';
import { allowQueryOptions } from '../graph/odata';
import type { GraphContext, GraphResult } from '../graph/router';
import { isTargeted } from '../directory';
import type { TapMethod, User } from '../model';
import { Random } from '../random';
import { iso } from '../seed/onboarding';
import { generateTapValue, tapUsability } from '../tap';
import {
  TAP_SCOPES,
  acting,
  actorOf,
  authorize,
  collectionContext,
  denied,
  methodNotFound,
  methodsOf,
  type Acting,
} from './method-access';
import { tapAudit } from './method-audit';

/* Temporary Access Pass methods (docs/graph-facts.md §1): issue, read and delete. */

export const TAP_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethod';

/** Graph's shape; the pass itself only when it was just created (docs/graph-facts.md §1). */
export function tapResource(
  ctx: Pick<GraphContext, 'state' | 'now'>,
  tap: TapMethod,
  pass: string | null = null,
) {
  return {
    id: tap.id,
    temporaryAccessPass: pass,
    createdDateTime: tap.createdDateTime,
    startDateTime: tap.startDateTime,
    lifetimeInMinutes: tap.lifetimeInMinutes,
    isUsableOnce: tap.isUsableOnce,
    ...tapUsability(tap, ctx.state.tapPolicy, ctx.now),
  };
}

const TAP_BODY_PROPERTIES = ['startDateTime', 'lifetimeInMinutes', 'isUsableOnce'];
/** Read-only properties a client may echo back; Graph ignores them on create. */
const TAP_READ_ONLY = [
  '@odata.type',
  'id',
  'temporaryAccessPass',
  'createdDateTime',
  'isUsable',
  'methodUsabilityReason',
];

interface TapRequest {
  startDateTime?: number;
  lifetimeInMinutes?: number;
  isUsableOnce?: boolean;
}

function parseTapRequest(body: unknown): TapRequest {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new GraphError(400, 'BadRequest', 'The request body must be a JSON object.');
  }
  const input = body as Record<string, unknown>;
  const request: TapRequest = {};
  for (const [key, value] of Object.entries(input)) {
    if (TAP_READ_ONLY.includes(key)) continue;
    if (!TAP_BODY_PROPERTIES.includes(key)) {
      throw new GraphError(
        400,
        'BadRequest',
        `The property '${key}' does not exist on type 'microsoft.graph.temporaryAccessPassAuthenticationMethod'. Make sure to only use property names that are defined by the type.`,
      );
    }
    if (value === null) continue;
    const literal = (type: string) =>
      new GraphError(
        400,
        'BadRequest',
        `Cannot convert the literal '${String(value)}' to the expected type '${type}'.`,
      );
    if (key === 'lifetimeInMinutes') {
      if (!Number.isInteger(value)) throw literal('Edm.Int32');
      request.lifetimeInMinutes = value as number;
    } else if (key === 'isUsableOnce') {
      if (typeof value !== 'boolean') throw literal('Edm.Boolean');
      request.isUsableOnce = value;
    } else {
      const at =
        typeof value === 'string' && /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? Date.parse(value) : NaN;
      if (Number.isNaN(at)) throw literal('Edm.DateTimeOffset');
      request.startDateTime = at;
    }
  }
  return request;
}

const invalidLifetime = (min: number, max: number) =>
  new GraphError(
    400,
    'badRequest',
    `Invalid LifetimeInMinutes specified. The valid range between ${min} and ${max}.`,
  );

const POLICY_REFUSAL =
  'Converged UserCredentialPolicy does not allow creating or updating this authentication method. AuthMethodType [TemporaryAccessPass].';

function isExternalGuest(user: User): boolean {
  return (
    user.userType === 'Guest' &&
    (user.externalUserState !== null || user.userPrincipalName.includes('#EXT#'))
  );
}

export function createTap(ctx: GraphContext, target: User): GraphResult {
  allowQueryOptions(ctx, []);
  const tap = issueTap(acting(ctx), target, ctx.body);
  return {
    status: 201,
    body: {
      '@odata.context': `${collectionContext(ctx, target, 'temporaryAccessPassMethods')}/$entity`,
      '@odata.type': TAP_TYPE,
      ...tapResource(ctx, tap, tap.secret),
    },
  };
}

/**
 * POST …/temporaryAccessPassMethods as Graph does it, for whoever acts: the refusals, the
 * policy's defaults and limits, the pass replacing any earlier one, and the audit events.
 */
export function issueTap(ctx: Acting, target: User, body: unknown): TapMethod {
  if (target.id === ctx.caller.oid) {
    throw denied('A Temporary Access Pass cannot be created for your own account.');
  }
  authorize(ctx, target, TAP_SCOPES, 'write');
  const request = parseTapRequest(body);
  const policy = ctx.state.tapPolicy;
  if (isExternalGuest(target)) {
    throw new GraphError(
      400,
      'badRequest',
      'Temporary Access Pass cannot be added to an external guest user.',
    );
  }
  if (policy.state !== 'enabled' || !isTargeted(ctx.state, policy, target.id)) {
    throw new GraphError(400, 'badRequest', POLICY_REFUSAL);
  }
  const lifetime = request.lifetimeInMinutes ?? policy.defaultLifetimeInMinutes;
  if (lifetime < 10 || lifetime > 43_200) throw invalidLifetime(10, 43_200);
  if (lifetime < policy.minimumLifetimeInMinutes || lifetime > policy.maximumLifetimeInMinutes) {
    throw invalidLifetime(policy.minimumLifetimeInMinutes, policy.maximumLifetimeInMinutes);
  }
  const isUsableOnce = request.isUsableOnce ?? policy.isUsableOnce;
  if (policy.isUsableOnce && !isUsableOnce) {
    // Entra's wording for this case is not documented; this says what the policy requires.
    throw new GraphError(
      400,
      'badRequest',
      'The Temporary Access Pass policy allows one-time passes only, so isUsableOnce must be true.',
    );
  }

  const methods = methodsOf(ctx, target);
  const actor = actorOf(ctx);
  const previous = methods.temporaryAccessPass;
  // Seeded from the tenant's id stream, so a run of requests gives the same passes every time.
  const random = new Random(Number.parseInt(ctx.state.nextId().slice(0, 8), 16));
  const tap: TapMethod = {
    id: ctx.state.nextId(),
    createdDateTime: iso(ctx.now),
    startDateTime: iso(request.startDateTime ?? ctx.now),
    lifetimeInMinutes: lifetime,
    isUsableOnce,
    secret: generateTapValue(random, policy.defaultLength),
    usedDateTime: null,
  };
  methods.temporaryAccessPass = tap;
  methods.lastUpdatedDateTime = iso(ctx.now);
  // Newest first, as Graph lists them: the replacement's deletion, then the new pass on top.
  const issued = tapAudit(ctx, actor, target, 'registered', isUsableOnce);
  if (previous) {
    ctx.state.directoryAudits.unshift({
      ...tapAudit(ctx, actor, target, 'deleted'),
      correlationId: issued.correlationId,
    });
  }
  ctx.state.directoryAudits.unshift(issued);
  return tap;
}

export function listTaps(ctx: GraphContext, target: User): GraphResult {
  allowQueryOptions(ctx, []);
  authorize(ctx, target, TAP_SCOPES, 'read');
  const tap = methodsOf(ctx, target).temporaryAccessPass;
  return {
    status: 200,
    body: {
      '@odata.context': collectionContext(ctx, target, 'temporaryAccessPassMethods'),
      value: tap ? [tapResource(ctx, tap)] : [],
    },
  };
}

function findTap(ctx: GraphContext, target: User): TapMethod {
  const id = ctx.params.methodId ?? '';
  const tap = methodsOf(ctx, target).temporaryAccessPass;
  if (!tap || tap.id !== id.toLowerCase()) throw methodNotFound(id);
  return tap;
}

export function getTap(ctx: GraphContext, target: User): GraphResult {
  allowQueryOptions(ctx, ['$select']);
  authorize(ctx, target, TAP_SCOPES, 'read');
  const tap = findTap(ctx, target);
  return {
    status: 200,
    body: {
      '@odata.context': `${collectionContext(ctx, target, 'temporaryAccessPassMethods')}/$entity`,
      ...tapResource(ctx, tap),
    },
  };
}

export function deleteTap(ctx: GraphContext, target: User): GraphResult {
  const id = ctx.params.methodId ?? '';
  if (!removeTap(acting(ctx), target, id)) throw methodNotFound(id);
  return { status: 204 };
}

/**
 * DELETE …/temporaryAccessPassMethods/{id} as Graph does it, for whoever acts: authorisation
 * first, then the pass (`methodId`, or whichever the user has when undefined) and the audit
 * event. Returns the deleted pass, or undefined when there was none to delete.
 */
export function removeTap(ctx: Acting, target: User, methodId?: string): TapMethod | undefined {
  authorize(ctx, target, TAP_SCOPES, 'write');
  const methods = methodsOf(ctx, target);
  const tap = methods.temporaryAccessPass;
  if (!tap || (methodId !== undefined && tap.id !== methodId.toLowerCase())) return undefined;
  methods.temporaryAccessPass = null;
  methods.lastUpdatedDateTime = iso(ctx.now);
  ctx.state.directoryAudits.unshift(tapAudit(ctx, actorOf(ctx), target, 'deleted'));
  return tap;
}
