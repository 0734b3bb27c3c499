import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { GraphClient, GraphPage } from './client';
import { GraphError, graphErrorFrom } from './errors';

export type DirectoryRole = Pick<
  MicrosoftGraph.DirectoryRole,
  'id' | 'displayName' | 'roleTemplateId'
>;

type RoleMember = MicrosoftGraph.DirectoryObject & {
  '@odata.type'?: string;
  displayName?: string;
};

export interface RoleHolder {
  id: string;
  displayName: string;
  /** '#microsoft.graph.user', '#microsoft.graph.group' (role-assignable) or a service principal. */
  type: string;
  roles: string[];
}

/**
 * Who holds an active Entra directory role, by object id. Two requests whatever the tenant size:
 * the activated roles, then every role's members in one $batch. `$expand=members` would be one
 * request, but Graph caps expanded directory collections without a next link, and an audit
 * must not silently drop admins. Needs RoleManagement.Read.Directory; any member user may read.
 * Not covered: PIM-eligible (not yet activated) assignments and members of role-assignable groups.
 */
export async function listDirectoryRoleHolders(
  client: GraphClient,
  signal?: AbortSignal,
): Promise<Map<string, RoleHolder>> {
  const roles = await client.all<DirectoryRole>({
    path: '/directoryRoles',
    query: { $select: 'id,displayName,roleTemplateId' },
    signal,
  });
  const answers = await client.batch(
    roles.map((role, index) => ({
      id: String(index),
      method: 'GET' as const,
      url: `/directoryRoles/${encodeURIComponent(role.id ?? '')}/members?$select=id,displayName,userPrincipalName`,
    })),
    signal,
  );
  const holders = new Map<string, RoleHolder>();
  roles.forEach((role, index) => {
    const answer = answers.get(String(index));
    if (!answer || answer.status !== 200) {
      throw answer
        ? graphErrorFrom(answer.status, answer.body, new Headers(answer.headers))
        : new GraphError(0, 'batchItemMissing', 'Graph did not answer for a directory role.');
    }
    const members = (answer.body as GraphPage<RoleMember>).value;
    for (const member of members) {
      if (!member.id) continue;
      const holder: RoleHolder = holders.get(member.id) ?? {
        id: member.id,
        displayName: member.displayName ?? member.id,
        type: member['@odata.type'] ?? '#microsoft.graph.user',
        roles: [],
      };
      holder.roles.push(role.displayName ?? role.roleTemplateId ?? 'Directory role');
      holders.set(member.id, holder);
    }
  });
  return holders;
}
