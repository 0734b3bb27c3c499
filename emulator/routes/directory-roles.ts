/**
 * Activated directory roles and their members: GET /directoryRoles (with $select, and the
 * undocumented-but-common $expand=members, capped at 20 members like Graph's expand of directory
 * objects, with no next link), GET /directoryRoles/{id} and /directoryRoles/{id}/members (also
 * addressed as roleTemplateId=…). Any member user may read them with RoleManagement.Read.Directory.
 */
import { findGroup, findUser } from '../directory';
import { GraphError, resourceNotFound } from '../graph/errors';
import { allowQueryOptions, metadataUrl, parseSelect, project } from '../graph/odata';
import type { GraphContext, GraphRouter, RouteAccess } from '../graph/router';
import type { DirectoryRole } from '../model';
import { userResource } from './users';

export const DIRECTORY_ROLE_ACCESS: RouteAccess = {
  scopes: [
    'RoleManagement.Read.Directory',
    'Directory.Read.All',
    'RoleManagement.ReadWrite.Directory',
    'Directory.ReadWrite.All',
  ],
};

/** Graph returns at most this many objects for an expanded directory relationship. */
export const EXPAND_LIMIT = 20;
/** /directoryRoles/{id}/members answers up to 1,000 objects and does not page. */
const MEMBERS_LIMIT = 1000;

const ROLE_PROPERTIES = ['id', 'displayName', 'description', 'roleTemplateId', 'deletedDateTime'];
const MEMBER_PROPERTIES = [
  'id',
  'displayName',
  'userPrincipalName',
  'mail',
  'userType',
  'accountEnabled',
];

function roleResource(role: DirectoryRole): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.directoryRole',
    id: role.id,
    deletedDateTime: null,
    description: role.description,
    displayName: role.displayName,
    roleTemplateId: role.roleTemplateId,
  };
}

function memberResource(ctx: GraphContext, id: string): Record<string, unknown> | undefined {
  const user = findUser(ctx.state, id);
  if (user) return { '@odata.type': '#microsoft.graph.user', ...userResource(user) };
  const group = findGroup(ctx.state, id);
  if (group) {
    return {
      '@odata.type': '#microsoft.graph.group',
      id: group.id,
      displayName: group.displayName,
      mail: group.mail,
    };
  }
  return undefined;
}

function members(
  ctx: GraphContext,
  role: DirectoryRole,
  select: string[] | undefined,
  limit: number,
) {
  return role.memberIds
    .slice(0, limit)
    .map((id) => memberResource(ctx, id))
    .filter((m): m is Record<string, unknown> => m !== undefined)
    .map((member) => (select ? project(member, select) : member));
}

/** A role by object id, or by `roleTemplateId=…` as Graph allows. */
function findRole(ctx: GraphContext): DirectoryRole {
  const key = (ctx.params.roleId ?? '').toLowerCase();
  const template = /^roletemplateid=(.+)$/.exec(key)?.[1];
  const role = ctx.state.directoryRoles.find((r) =>
    template ? r.roleTemplateId === template : r.id === key,
  );
  if (!role) throw resourceNotFound(ctx.params.roleId ?? '');
  return role;
}

function parseExpand(ctx: GraphContext): { select?: string[] } | undefined {
  const raw = ctx.query.get('$expand');
  if (raw === null) return undefined;
  const match = /^members(?:\(\$select=([^)]*)\))?$/i.exec(raw.trim());
  if (!match) {
    throw new GraphError(400, 'BadRequest', `Could not find a navigation property named '${raw}'.`);
  }
  return {
    select: match[1]
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  };
}

export function registerDirectoryRoleRoutes(router: GraphRouter): void {
  router.register('GET', '/directoryRoles', DIRECTORY_ROLE_ACCESS, (ctx) => {
    allowQueryOptions(ctx, ['$select', '$expand']);
    const select = parseSelect(ctx, ROLE_PROPERTIES, 'microsoft.graph.directoryRole');
    const expand = parseExpand(ctx);
    const roles = ctx.state.directoryRoles.filter((role) => role.memberIds.length > 0);
    return {
      status: 200,
      body: {
        '@odata.context': metadataUrl(ctx, 'directoryRoles'),
        value: roles.map((role) => {
          const resource = select ? project(roleResource(role), select) : roleResource(role);
          return expand
            ? { ...resource, members: members(ctx, role, expand.select, EXPAND_LIMIT) }
            : resource;
        }),
      },
    };
  });
  router.register('GET', '/directoryRoles/{roleId}', DIRECTORY_ROLE_ACCESS, (ctx) => {
    allowQueryOptions(ctx, ['$select']);
    const select = parseSelect(ctx, ROLE_PROPERTIES, 'microsoft.graph.directoryRole');
    const resource = roleResource(findRole(ctx));
    return {
      status: 200,
      body: {
        '@odata.context': metadataUrl(ctx, 'directoryRoles/$entity'),
        ...(select ? project(resource, select) : resource),
      },
    };
  });
  router.register('GET', '/directoryRoles/{roleId}/members', DIRECTORY_ROLE_ACCESS, (ctx) => {
    allowQueryOptions(ctx, ['$select']);
    const select = parseSelect(ctx, MEMBER_PROPERTIES, 'microsoft.graph.directoryObject');
    return {
      status: 200,
      body: {
        '@odata.context': metadataUrl(ctx, 'directoryObjects'),
        value: members(ctx, findRole(ctx), select, MEMBERS_LIMIT),
      },
    };
  });
}
