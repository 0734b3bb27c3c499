import { findGroup } from '../directory';
import { listCollection, type CollectionSpec } from '../graph/collection';
import { needsAdvancedQuery, resourceNotFound } from '../graph/errors';
import type { Item } from '../graph/filter';
import {
  allowQueryOptions,
  isAdvancedQuery,
  metadataUrl,
  parseSelect,
  project,
} from '../graph/odata';
import {
  holdsAnyScope,
  type GraphContext,
  type GraphResult,
  type GraphRouter,
} from '../graph/router';
import type { Group, Tenant, User } from '../model';
import { GROUP_PROPERTIES, groupResource } from './member-of';
import {
  BASIC_USER_PROPERTIES,
  FULL_PROFILE_SCOPES,
  USERS_COLLECTION,
  userResource,
} from './users';

/*
 * Groups and their members (docs/graph-facts.md §6): GET /groups (with $search and $filter), GET
 * /groups/{id}, and members / transitiveMembers with the user and group casts. Least privilege
 * is GroupMember.Read.All; what a member user shows depends on the caller's user permissions,
 * as Graph's "limited information for inaccessible member objects" rule says.
 */

const GROUP_SCOPES = [
  'GroupMember.Read.All',
  'Group.Read.All',
  'Group.ReadWrite.All',
  'GroupMember.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];

const GROUPS_COLLECTION: CollectionSpec = {
  type: 'microsoft.graph.group',
  entitySet: 'groups',
  properties: GROUP_PROPERTIES,
  defaultProperties: GROUP_PROPERTIES,
  filter: {
    eq: ['id', 'displayName', 'mail', 'mailNickname', 'securityEnabled', 'mailEnabled'],
    startsWith: ['displayName', 'mail', 'mailNickname'],
  },
  search: { resource: 'Group', tokenized: ['displayName', 'description'], prefix: ['mail'] },
  orderBy: ['displayName'],
};

/** Without a user permission a member user is only its id and type (Graph's limited information). */
function memberUserProperties(ctx: GraphContext): readonly string[] {
  const has = (scopes: readonly string[]) => holdsAnyScope(ctx.caller, scopes);
  if (has(FULL_PROFILE_SCOPES)) return USERS_COLLECTION.properties;
  if (has(['User.ReadBasic.All'])) return BASIC_USER_PROPERTIES;
  return ['id'];
}

function groupParam(ctx: GraphContext): Group {
  const id = ctx.params.id ?? '';
  const group = findGroup(ctx.state, id);
  if (!group) throw resourceNotFound(id);
  return group;
}

/** Direct or nested members, each once, users and groups, in membership order. */
function membersOf(tenant: Tenant, group: Group, transitive: boolean): (User | Group)[] {
  const users = new Map(tenant.users.map((u) => [u.id, u]));
  const groups = new Map(tenant.groups.map((g) => [g.id, g]));
  const found = new Map<string, User | Group>();
  const queue = [group];
  const visited = new Set([group.id]);
  for (let current = queue.shift(); current; current = queue.shift()) {
    for (const memberId of current.memberIds) {
      const member = users.get(memberId) ?? groups.get(memberId);
      if (!member || found.has(member.id)) continue;
      found.set(member.id, member);
      const nested = groups.get(memberId);
      if (transitive && nested && !visited.has(nested.id)) {
        visited.add(nested.id);
        queue.push(nested);
      }
    }
  }
  return [...found.values()];
}

const isGroup = (object: User | Group): object is Group => 'memberIds' in object;

const CASTS = {
  '': 'microsoft.graph.directoryObject',
  '/microsoft.graph.user': 'microsoft.graph.user',
  '/microsoft.graph.group': 'microsoft.graph.group',
} as const;

function listMembers(
  ctx: GraphContext,
  transitive: boolean,
  cast: keyof typeof CASTS,
): GraphResult {
  const group = groupParam(ctx);
  // docs/graph-facts.md §6: the type cast on members needs advanced query mode.
  if (cast && !isAdvancedQuery(ctx)) throw needsAdvancedQuery('OData cast');
  const visibleUser = memberUserProperties(ctx);
  const typed = () => {
    const objects = membersOf(ctx.state, group, transitive).filter((member) =>
      cast === '/microsoft.graph.user'
        ? !isGroup(member)
        : cast === '/microsoft.graph.group'
          ? isGroup(member)
          : true,
    );
    const items: Item[] = objects.map((member) => {
      if (isGroup(member)) return groupResource(member);
      const user = userResource(member);
      const shown: Item = { '@odata.type': '#microsoft.graph.user' };
      for (const property of USERS_COLLECTION.properties) {
        shown[property] = visibleUser.includes(property) ? (user[property] ?? null) : null;
      }
      return shown;
    });
    return cast ? items.map(({ '@odata.type': _type, ...rest }) => rest) : items;
  };
  const spec: CollectionSpec =
    cast === '/microsoft.graph.user'
      ? { ...USERS_COLLECTION, queryNeedsAdvancedMode: true }
      : cast === '/microsoft.graph.group'
        ? { ...GROUPS_COLLECTION, queryNeedsAdvancedMode: true }
        : {
            ...GROUPS_COLLECTION,
            type: 'microsoft.graph.directoryObject',
            entitySet: 'directoryObjects',
            properties: [...new Set([...GROUP_PROPERTIES, ...USERS_COLLECTION.properties])],
            defaultProperties: undefined,
            queryNeedsAdvancedMode: true,
          };
  return listCollection(ctx, typed, spec);
}

export function registerGroupRoutes(router: GraphRouter): void {
  const access = { scopes: GROUP_SCOPES, deniedCode: 'Authorization_RequestDenied' };
  router.register('GET', '/groups', access, (ctx) =>
    listCollection(ctx, () => ctx.state.groups.map(groupResource), GROUPS_COLLECTION),
  );
  router.register('GET', '/groups/{id}', access, (ctx) => {
    allowQueryOptions(ctx, ['$select']);
    const group = groupParam(ctx);
    const select = parseSelect(ctx, GROUP_PROPERTIES, GROUPS_COLLECTION.type);
    const set = select ? `groups(${select.join(',')})` : 'groups';
    return {
      status: 200,
      body: {
        '@odata.context': metadataUrl(ctx, `${set}/$entity`),
        ...project(groupResource(group), select ?? GROUP_PROPERTIES),
      },
    };
  });
  for (const relation of ['members', 'transitiveMembers'] as const) {
    for (const cast of Object.keys(CASTS) as (keyof typeof CASTS)[]) {
      router.register('GET', `/groups/{id}/${relation}${cast}`, access, (ctx) =>
        listMembers(ctx, relation === 'transitiveMembers', cast),
      );
    }
  }
}
