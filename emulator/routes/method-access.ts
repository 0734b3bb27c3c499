import { DEMO_APP_NAME, DEMO_CLIENT_ID, ROLE_TEMPLATE_IDS } from '../constants';
import { findUser, rolesOf } from '../directory';
import { GraphError, resourceNotFound } from '../graph/errors';
import { metadataUrl } from '../graph/odata';
import { holdsAnyScope, type Caller, type GraphContext } from '../graph/router';
import type { DirectoryAudit, Tenant, User, UserAuthMethods } from '../model';

/*
 * Who may read and change whose authentication methods (docs/graph-facts.md §1, §3). The
 * pipeline checks the union of scopes a route could accept; the handlers then apply Graph's split between acting on yourself (any of
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

export interface ScopeFamily {
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
export const TAP_SCOPES = scopeFamily(CLASSIC, 'UserAuthMethod-TAP');
export const AUTHENTICATOR_SCOPES = scopeFamily(CLASSIC, 'UserAuthMethod-MicrosoftAuthApp');
export const PASSKEY_SCOPES = scopeFamily(CLASSIC, 'UserAuthMethod-Passkey');
/** The per-method UserAuthMethod-* scopes do not grant the list of every method. */
export const ALL_METHODS_SCOPES = scopeFamily(CLASSIC);

export const DENIED_CODE = 'accessDenied';
export const denied = (message = 'Insufficient privileges to complete the operation.') =>
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
export function acting(ctx: GraphContext): Acting {
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
export function authorize(
  ctx: Authorizing,
  target: User,
  family: ScopeFamily,
  op: 'read' | 'write',
) {
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

export function methodsOf(ctx: Pick<GraphContext, 'state'>, user: User): UserAuthMethods {
  const methods = ctx.state.authMethods.get(user.id);
  if (!methods) throw resourceNotFound(user.id);
  return methods;
}

export const methodNotFound = (id: string) =>
  new GraphError(404, 'itemNotFound', `The authentication method '${id}' was not found.`);

export function collectionContext(ctx: GraphContext, user: User, set: string): string {
  return metadataUrl(ctx, `users('${user.id}')/authentication/${set}`);
}

/** Only these roles see phone numbers in full; others get restrictedRead (no personal data). */
export function readsPhonesInFull(ctx: Authorizing, target: User): boolean {
  return target.id === ctx.caller.oid || holds(ctx, UNRESTRICTED_WRITERS);
}

/** The acting user, who must exist in the directory. */
export function actorOf(ctx: Acting): User {
  const user = findUser(ctx.state, ctx.caller.oid);
  if (!user) throw resourceNotFound(ctx.caller.oid);
  return user;
}
