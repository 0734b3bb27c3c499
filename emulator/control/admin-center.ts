import { findUser, rolesOf } from '../directory';
import { GraphError } from '../graph/errors';
import type { Tenant, User } from '../model';
import { ADMIN_CENTER_SCOPE, type Acting } from '../routes/method-access';
import { issueTap, removeTap, tapResource } from '../routes/tap-methods';
import { ControlError } from './phone';

/**
 * POST /emulator/users/{upn}/tap: another agent at work in the Entra admin center, beside
 * TAP Desk. A pass is created or deleted through the same code as Graph's POST and DELETE,
 * under the staff member's own directory roles, with the audit events Entra writes (initiatedBy
 * names the staff member and no app) and no verification list record: the admin center keeps
 * none. The created pass comes back with its value, since this is a test tool.
 */
export function adminCenterTap(tenant: Tenant, target: User, body: unknown, now: number): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badBody('The body must be a JSON object: { "action": "create" | "delete", "by": "…" }.');
  }
  const { action, by, ...rest } = body as Record<string, unknown>;
  if (action !== 'create' && action !== 'delete') {
    throw badBody("'action' must be 'create' or 'delete'.");
  }
  if (typeof by !== 'string' || !by) {
    throw badBody("'by' must be the user principal name (or id) of the staff member acting.");
  }
  if (action === 'delete' && Object.keys(rest).length > 0) {
    throw badBody(`Unknown property '${Object.keys(rest)[0]}' for 'delete'.`);
  }
  const actor = findUser(tenant, by);
  if (!actor) throw new ControlError(404, 'actorNotFound', `No staff user '${by}'.`);

  const ctx: Acting = {
    caller: {
      oid: actor.id,
      upn: actor.userPrincipalName,
      scopes: [ADMIN_CENTER_SCOPE],
      wids: rolesOf(tenant, actor.id).map((role) => role.roleTemplateId),
    },
    state: tenant,
    now,
    app: null,
  };
  try {
    if (action === 'create') {
      // Optional startDateTime, lifetimeInMinutes and isUsableOnce, checked as Graph checks them.
      const tap = issueTap(ctx, target, rest);
      return {
        userId: target.id,
        by: actor.userPrincipalName,
        temporaryAccessPass: tapResource(ctx, tap, tap.secret),
      };
    }
    const removed = removeTap(ctx, target);
    if (!removed) {
      throw new ControlError(
        404,
        'noTemporaryAccessPass',
        `${target.userPrincipalName} has no Temporary Access Pass to delete.`,
      );
    }
    return { userId: target.id, by: actor.userPrincipalName, deletedMethodId: removed.id };
  } catch (error) {
    // Graph's refusal, unchanged: the same status, code and message a Graph call would get.
    if (error instanceof GraphError)
      throw new ControlError(error.status, error.code, error.message);
    throw error;
  }
}

const badBody = (message: string) => new ControlError(400, 'badTapAction', message);
