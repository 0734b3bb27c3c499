import type { DirectoryRole, Group, Tenant, User } from './model';

/** Looks a user up by object id or UPN, case-insensitively like the directory does. */
export function findUser(tenant: Tenant, idOrUpn: string): User | undefined {
  const key = idOrUpn.toLowerCase();
  return tenant.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key);
}

export function findGroup(tenant: Tenant, id: string): Group | undefined {
  return tenant.groups.find((g) => g.id === id.toLowerCase());
}

/** Groups that hold the object directly. */
export function directGroupsOf(tenant: Tenant, objectId: string): Group[] {
  return tenant.groups.filter((g) => g.memberIds.includes(objectId));
}

/** Groups that hold the object directly or through nested groups. */
export function transitiveGroupsOf(tenant: Tenant, objectId: string): Group[] {
  const found = new Map<string, Group>();
  const queue = [objectId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const group of directGroupsOf(tenant, id)) {
      if (found.has(group.id)) continue;
      found.set(group.id, group);
      queue.push(group.id);
    }
  }
  return [...found.values()];
}

/** User ids in a group, through nested groups too. */
export function transitiveUserIds(tenant: Tenant, groupId: string): Set<string> {
  const users = new Set<string>();
  const seen = new Set<string>();
  const queue = [groupId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (seen.has(id)) continue;
    seen.add(id);
    for (const memberId of findGroup(tenant, id)?.memberIds ?? []) {
      if (tenant.groups.some((g) => g.id === memberId)) queue.push(memberId);
      else users.add(memberId);
    }
  }
  return users;
}

export function rolesOf(tenant: Tenant, userId: string): DirectoryRole[] {
  return tenant.directoryRoles.filter((r) => r.memberIds.includes(userId));
}

/** Whether a method policy's include/exclude targets cover the user. */
export function isTargeted(
  tenant: Tenant,
  policy: { includeTargets: { id: string }[]; excludeTargets: { id: string }[] },
  userId: string,
): boolean {
  // The user's groups, walked once however many targets name a group.
  let groupIds: Set<string> | undefined;
  const covers = (targetId: string) =>
    targetId === 'all_users' ||
    targetId === userId ||
    (groupIds ??= new Set(transitiveGroupsOf(tenant, userId).map((g) => g.id))).has(targetId);
  return (
    policy.includeTargets.some((t) => covers(t.id)) &&
    !policy.excludeTargets.some((t) => covers(t.id))
  );
}
