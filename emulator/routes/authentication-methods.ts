import { DEMO_APP_NAME, DEMO_CLIENT_ID, ROLE_TEMPLATE_IDS } from '../constants';
import { findUser, isTargeted, rolesOf } from '../directory';
import { GraphError, resourceNotFound } from '../graph/errors';
import { reportsLimiterFor } from '../graph/reports-limit';
import { allowQueryOptions, metadataUrl } from '../graph/odata';
import {
  holdsAnyScope,
  type Caller,
  type GraphContext,
  type GraphResult,
  type GraphRouter,
  type RouteAccess,
} from '../graph/router';
import type {
  AuthenticatorMethod,
  DirectoryAudit,
  Fido2Method,
  TapMethod,
  Tenant,
  User,
  UserAuthMethods,
} from '../model';
import { Random } from '../random';
import { iso, tapIssuedAudit } from '../seed/onboarding';
import { generateTapValue, tapUsability } from '../tap';
import { me, userParam } from './users';

/*
 * Per-user authentication methods (docs/graph-facts.md §1, §3). The pipeline checks the union of scopes a
 * route could accept; the handlers then apply Graph's split between acting on yourself (any of
 * the method's scopes, no role) and acting on someone else (.All scopes plus a directory role).
 */

const R = ROLE_TEMPLATE_IDS;
/** rbac-authentication-methods-apis-read-others, plus Global Administrator (holds every permission). */
const READ_OTHERS_ROLES: readonly string[] = [
  R.globalReader,
  R.authenticationAdministrator,
  R.privilegedAuthenticationAdministrator,
  R.globalAdministrator,
];
/** rbac-authentication-methods-apis-write-others, plus Global Administrator. */
const WRITE_OTHERS_ROLES: readonly string[] = [
  R.authenticationAdministrator,
  R.privilegedAuthenticationAdministrator,
  R.globalAdministrator,
];
/** Roles that act on admins too; an Authentication Administrator reaches only the roles below. */
const UNRESTRICTED_WRITERS: readonly string[] = [
  R.privilegedAuthenticationAdministrator,
  R.globalAdministrator,
];
/** Only these roles see phone numbers in full; others get restrictedRead (no personal data). */
const FULL_READERS = UNRESTRICTED_WRITERS;
/**
 * Roles an Authentication Administrator may still manage (Entra "privileged roles" page):
 * Authentication Administrator, Directory Readers, Guest Inviter, Message Center Reader,
 * Password Administrator, Reports Reader, User Experience Success Manager, Usage Summary Reports
 * Reader. Any other role puts the holder out of reach.
 */
const WITHIN_AUTH_ADMIN_REACH: ReadonlySet<string> = new Set([
  R.authenticationAdministrator,
  '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  '95e79109-95c0-4d8e-aee3-d01accf2d47b',
  '790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b',
  '966707d0-3269-4727-9be2-8c3a10f19b9d',
  R.reportsReader,
  '27460883-1df1-4691-b032-3b79643e5e63',
  '75934031-6c7e-415a-99d7-48dbd49e875e',
]);

interface ScopeFamily {
  readSelf: string[];
  readOthers: string[];
  writeSelf: string[];
  writeOthers: string[];
}

function scopeFamily(...prefixes: string[]): ScopeFamily {
  const of = (...suffixes: string[]) => prefixes.flatMap((p) => suffixes.map((s) => `${p}.${s}`));
  return {
    readSelf: of('Read', 'ReadWrite', 'Read.All', 'ReadWrite.All'),
    readOthers: of('Read.All', 'ReadWrite.All'),
    writeSelf: of('ReadWrite', 'ReadWrite.All'),
    writeOthers: of('ReadWrite.All'),
  };
}

const CLASSIC = 'UserAuthenticationMethod';
const TAP_SCOPES = scopeFamily(CLASSIC, 'UserAuthMethod-TAP');
const AUTHENTICATOR_SCOPES = scopeFamily(CLASSIC, 'UserAuthMethod-MicrosoftAuthApp');
const PASSKEY_SCOPES = scopeFamily(CLASSIC, 'UserAuthMethod-Passkey');
/** The per-method UserAuthMethod-* scopes do not grant the list of every method. */
const ALL_METHODS_SCOPES = scopeFamily(CLASSIC);

const DENIED_CODE = 'accessDenied';
const denied = (message = 'Insufficient privileges to complete the operation.') =>
  new GraphError(403, DENIED_CODE, message);

/**
 * Who changes a method, and through what: a Graph caller through TAP Desk, or a staff member in
 * the Entra admin center (the control API's second agent). Both go through the same rules.
 */
export interface Acting {
  caller: Caller;
  state: Tenant;
  now: number;
  /** The app the audit event names in initiatedBy; null for the Entra admin center. */
  app: DirectoryAudit['initiatedBy']['app'];
}

/** The delegated permission the Entra admin center acts with; the staff member's roles decide. */
export const ADMIN_CENTER_SCOPE = `${CLASSIC}.ReadWrite.All`;

const TAP_DESK_APP: Acting['app'] = {
  appId: DEMO_CLIENT_ID,
  displayName: DEMO_APP_NAME,
  servicePrincipalId: null,
};

/** A Graph request acting through TAP Desk. */
function acting(ctx: GraphContext): Acting {
  return { caller: ctx.caller, state: ctx.state, now: ctx.now, app: TAP_DESK_APP };
}

type Authorizing = Pick<GraphContext, 'caller' | 'state'>;

function holds(ctx: Authorizing, roles: readonly string[]): boolean {
  return roles.some((r) => ctx.caller.wids.includes(r));
}

/** Whether an Authentication Administrator may change this user's methods. */
function withinAuthAdminReach(ctx: Authorizing, target: User): boolean {
  return rolesOf(ctx.state, target.id).every((r) => WITHIN_AUTH_ADMIN_REACH.has(r.roleTemplateId));
}

/** Graph's delegated rule: scope ∩ role, and for changes the role's reach over the target. */
function authorize(ctx: Authorizing, target: User, family: ScopeFamily, op: 'read' | 'write') {
  if (target.id === ctx.caller.oid) {
    if (!holdsAnyScope(ctx.caller, op === 'read' ? family.readSelf : family.writeSelf)) {
      throw denied();
    }
    return;
  }
  if (!holdsAnyScope(ctx.caller, op === 'read' ? family.readOthers : family.writeOthers)) {
    throw denied();
  }
  if (!holds(ctx, op === 'read' ? READ_OTHERS_ROLES : WRITE_OTHERS_ROLES)) throw denied();
  if (op === 'write' && !holds(ctx, UNRESTRICTED_WRITERS) && !withinAuthAdminReach(ctx, target)) {
    throw denied(
      'An Authentication Administrator cannot manage the authentication methods of this administrator; it needs a Privileged Authentication Administrator.',
    );
  }
}

function methodsOf(ctx: Pick<GraphContext, 'state'>, user: User): UserAuthMethods {
  const methods = ctx.state.authMethods.get(user.id);
  if (!methods) throw resourceNotFound(user.id);
  return methods;
}

const methodNotFound = (id: string) =>
  new GraphError(404, 'itemNotFound', `The authentication method '${id}' was not found.`);

function collectionContext(ctx: GraphContext, user: User, set: string): string {
  return metadataUrl(ctx, `users('${user.id}')/authentication/${set}`);
}

// ---- Temporary Access Pass -------------------------------------------------------------------

const TAP_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethod';

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

/** Staff act from the office range (like the seed's 203.0.113.x), one stable address each. */
function officeIpAddress(user: User): string {
  return `203.0.113.${(Number.parseInt(user.id.slice(0, 2), 16) % 253) + 2}`;
}

/** The seed's event shape, naming the app the change came through. */
function tapAudit(
  ctx: Acting,
  actor: User,
  target: User,
  kind: 'registered' | 'deleted',
  isUsableOnce = true,
): DirectoryAudit {
  const audit = tapIssuedAudit(
    ctx.state,
    actor,
    target,
    ctx.now,
    isUsableOnce,
    officeIpAddress(actor),
  );
  audit.initiatedBy.app = ctx.app && { ...ctx.app };
  if (kind === 'registered') return audit;
  const self = actor.id === target.id;
  return {
    ...audit,
    activityDisplayName: self ? 'User deleted security info' : 'Admin deleted security info',
    resultReason: self
      ? 'User deleted temporary access pass method'
      : 'Admin deleted temporary access pass method for user',
    operationType: 'Delete',
  };
}

/** The acting user, who must exist in the directory. */
function actorOf(ctx: Acting): User {
  const user = findUser(ctx.state, ctx.caller.oid);
  if (!user) throw resourceNotFound(ctx.caller.oid);
  return user;
}

function createTap(ctx: GraphContext, target: User): GraphResult {
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

function listTaps(ctx: GraphContext, target: User): GraphResult {
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

function getTap(ctx: GraphContext, target: User): GraphResult {
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

function deleteTap(ctx: GraphContext, target: User): GraphResult {
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

// ---- Microsoft Authenticator -----------------------------------------------------------------

const AUTHENTICATOR_TYPE = '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod';

/**
 * `device` is a relationship: Graph returns it only with $expand=device (null unless phone
 * sign-in is on). createdDateTime alone already tells passwordless from push-only.
 */
function authenticatorResource(method: AuthenticatorMethod, expandDevice: boolean) {
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

function listAuthenticators(ctx: GraphContext, target: User): GraphResult {
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

function getAuthenticator(ctx: GraphContext, target: User): GraphResult {
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

function deleteAuthenticator(ctx: GraphContext, target: User): GraphResult {
  authorize(ctx, target, AUTHENTICATOR_SCOPES, 'write');
  const method = findAuthenticator(ctx, target);
  const methods = methodsOf(ctx, target);
  methods.microsoftAuthenticator = methods.microsoftAuthenticator.filter((m) => m !== method);
  methods.lastUpdatedDateTime = iso(ctx.now);
  return methodDeleted(ctx, target, 'Authenticator App with Notification and Code');
}

/** The audit event of a deleted method, worded by who deleted it (the person or an admin). */
function methodDeleted(ctx: GraphContext, target: User, method: string): GraphResult {
  const actor = me(ctx);
  const self = actor.id === target.id;
  ctx.state.directoryAudits.unshift({
    ...tapAudit(acting(ctx), actor, target, 'deleted'),
    resultReason: self ? `User deleted ${method}` : `Admin deleted ${method} for user`,
  });
  return { status: 204 };
}

// ---- Passkeys (FIDO2) -----------------------------------------------------------------------

const FIDO2_TYPE = '#microsoft.graph.fido2AuthenticationMethod';

function fido2Resource(method: Fido2Method) {
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

function listFido2(ctx: GraphContext, target: User): GraphResult {
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

function getFido2(ctx: GraphContext, target: User): GraphResult {
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
function deleteFido2(ctx: GraphContext, target: User): GraphResult {
  authorize(ctx, target, PASSKEY_SCOPES, 'write');
  const id = ctx.params.methodId ?? '';
  const methods = methodsOf(ctx, target);
  const method = methods.fido2.find((m) => m.id === id.toLowerCase());
  if (!method) throw methodNotFound(id);
  methods.fido2 = methods.fido2.filter((m) => m !== method);
  methods.lastUpdatedDateTime = iso(ctx.now);
  return methodDeleted(ctx, target, 'Fido2 Authentication Method');
}

// ---- Every method ----------------------------------------------------------------------------

/** "+1 2015550123" -> "+1 XXXXXXXX23": the country code and the last two digits stay. */
export function maskPhoneNumber(phoneNumber: string): string {
  const [country, ...rest] = phoneNumber.split(' ');
  const national = rest.join(' ');
  if (!country?.startsWith('+') || !national) return phoneNumber.replace(/\d(?=\d{2})/g, 'X');
  return `${country} ${national.replace(/\d(?=(?:\D*\d){2})/g, 'X')}`;
}

function allMethods(ctx: GraphContext, target: User): Record<string, unknown>[] {
  const methods = methodsOf(ctx, target);
  const fullPhone = target.id === ctx.caller.oid || holds(ctx, FULL_READERS);
  return [
    {
      '@odata.type': '#microsoft.graph.passwordAuthenticationMethod',
      id: methods.password.id,
      password: null,
      createdDateTime: methods.password.createdDateTime,
    },
    ...methods.phone.map((p) => ({
      '@odata.type': '#microsoft.graph.phoneAuthenticationMethod',
      id: p.id,
      phoneNumber: fullPhone ? p.phoneNumber : maskPhoneNumber(p.phoneNumber),
      phoneType: p.phoneType,
      smsSignInState: p.smsSignInState,
    })),
    ...methods.email.map((e) => ({
      '@odata.type': '#microsoft.graph.emailAuthenticationMethod',
      ...e,
    })),
    ...methods.fido2.map(fido2Resource),
    ...methods.windowsHelloForBusiness.map((w) => ({
      '@odata.type': '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod',
      ...w,
    })),
    ...methods.microsoftAuthenticator.map((m) => authenticatorResource(m, false)),
    ...(methods.temporaryAccessPass
      ? [{ '@odata.type': TAP_TYPE, ...tapResource(ctx, methods.temporaryAccessPass) }]
      : []),
  ];
}

function listMethods(ctx: GraphContext, target: User): GraphResult {
  allowQueryOptions(ctx, []);
  authorize(ctx, target, ALL_METHODS_SCOPES, 'read');
  return {
    status: 200,
    body: {
      '@odata.context': collectionContext(ctx, target, 'methods'),
      value: allMethods(ctx, target),
    },
  };
}

function getMethod(ctx: GraphContext, target: User): GraphResult {
  allowQueryOptions(ctx, ['$select']);
  authorize(ctx, target, ALL_METHODS_SCOPES, 'read');
  const id = ctx.params.methodId ?? '';
  const method = allMethods(ctx, target).find((m) => m.id === id.toLowerCase());
  if (!method) throw methodNotFound(id);
  return {
    status: 200,
    body: { '@odata.context': `${collectionContext(ctx, target, 'methods')}/$entity`, ...method },
  };
}

// ---- Routes ----------------------------------------------------------------------------------

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
