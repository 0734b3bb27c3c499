import type { GraphContext, GraphResult } from '../graph/router';
import type { DirectoryAudit, User } from '../model';
import { tapIssuedAudit } from '../seed/onboarding';
import { acting, type Acting } from './method-access';
import { me } from './users';

/* The directory audit events a change to someone's authentication methods leaves. */

/** Staff act from the office range (like the seed's 203.0.113.x), one stable address each. */
function officeIpAddress(user: User): string {
  return `203.0.113.${(Number.parseInt(user.id.slice(0, 2), 16) % 253) + 2}`;
}

/** The seed's event shape, naming the app the change came through. */
export function tapAudit(
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

/** The audit event of a deleted method, worded by who deleted it (the person or an admin). */
export function methodDeleted(ctx: GraphContext, target: User, method: string): GraphResult {
  const actor = me(ctx);
  const self = actor.id === target.id;
  ctx.state.directoryAudits.unshift({
    ...tapAudit(acting(ctx), actor, target, 'deleted'),
    resultReason: self ? `User deleted ${method}` : `Admin deleted ${method} for user`,
  });
  return { status: 204 };
}
