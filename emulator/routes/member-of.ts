import { directGroupsOf, rolesOf, transitiveGroupsOf } from '../directory';
import { needsAdvancedQuery } from '../graph/errors';
import { listCollection, type CollectionSpec } from '../graph/collection';
import type { Item } from '../graph/filter';
import { isAdvancedQuery, omit } from '../graph/odata';
import type { GraphContext, GraphRouter } from '../graph/router';
import type { DirectoryRole, Group } from '../model';
import { me, userParam } from './users';

export function groupResource(group: Group): Item {
  return { '@odata.type': '#microsoft.graph.group', ...omit(group, 'memberIds') };
}

export function directoryRoleResource(role: DirectoryRole): Item {
  return { '@odata.type': '#microsoft.graph.directoryRole', ...omit(role, 'memberIds') };
}

export const GROUP_PROPERTIES = [
  'id',
  'displayName',
  'description',
  'mail',
  'mailEnabled',
  'mailNickname',
  'securityEnabled',
  'groupTypes',
  'createdDateTime',
];
const ROLE_PROPERTIES = ['id', 'displayName', 'description', 'roleTemplateId'];

const BASE: Omit<CollectionSpec, 'type' | 'entitySet' | 'properties'> = {
  filter: { eq: ['id', 'displayName'], startsWith: ['displayName'] },
  search: { resource: 'DirectoryObject', tokenized: ['displayName', 'description'], prefix: [] },
  orderBy: ['displayName'],
  queryNeedsAdvancedMode: true,
};

const CASTS = {
  '': {
    ...BASE,
    type: 'microsoft.graph.directoryObject',
    entitySet: 'directoryObjects',
    properties: [...new Set([...GROUP_PROPERTIES, ...ROLE_PROPERTIES])],
  },
  '/microsoft.graph.group': {
    ...BASE,
    type: 'microsoft.graph.group',
    entitySet: 'groups',
    properties: GROUP_PROPERTIES,
  },
  '/microsoft.graph.directoryRole': {
    ...BASE,
    type: 'microsoft.graph.directoryRole',
    entitySet: 'directoryRoles',
    properties: ROLE_PROPERTIES,
  },
} satisfies Record<string, CollectionSpec>;

const SELF_SCOPES = [
  'User.Read',
  'User.Read.All',
  'GroupMember.Read.All',
  'Group.Read.All',
  'Directory.Read.All',
];
const OTHERS_SCOPES = [
  'User.Read.All',
  'GroupMember.Read.All',
  'Group.Read.All',
  'Directory.Read.All',
];

/** memberOf and transitiveMemberOf (groups and directory roles), with the OData casts. */
export function registerMemberOfRoutes(router: GraphRouter): void {
  for (const relation of ['memberOf', 'transitiveMemberOf'] as const) {
    for (const [cast, spec] of Object.entries(CASTS)) {
      const list = (ctx: GraphContext, userId: string) => {
        // The docs require advanced query parameters for an OData cast on these relationships.
        if (cast && !isAdvancedQuery(ctx)) throw needsAdvancedQuery('OData cast');
        const items = () => {
          const groups =
            relation === 'memberOf'
              ? directGroupsOf(ctx.state, userId)
              : transitiveGroupsOf(ctx.state, userId);
          const objects = [
            ...(cast === '/microsoft.graph.directoryRole' ? [] : groups.map(groupResource)),
            ...(cast === '/microsoft.graph.group'
              ? []
              : rolesOf(ctx.state, userId).map(directoryRoleResource)),
          ];
          return cast ? objects.map((o) => omit(o, '@odata.type')) : objects;
        };
        return listCollection(ctx, items, spec);
      };
      router.register('GET', `/me/${relation}${cast}`, { scopes: SELF_SCOPES }, (ctx) =>
        list(ctx, me(ctx).id),
      );
      router.register('GET', `/users/{id}/${relation}${cast}`, { scopes: OTHERS_SCOPES }, (ctx) => {
        const user = userParam(ctx);
        return list(ctx, user.id);
      });
    }
  }
}
