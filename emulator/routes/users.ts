import { findUser } from '../directory';
import { resourceNotFound } from '../graph/errors';
import { listCollection, type CollectionSpec } from '../graph/collection';
import { allowQueryOptions, metadataUrl, omit, parseSelect, project } from '../graph/odata';
import {
  holdsAnyScope,
  type GraphContext,
  type GraphResult,
  type GraphRouter,
} from '../graph/router';
import type { User } from '../model';

export const USER_PROPERTIES = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'userPrincipalName',
  'mail',
  'mailNickname',
  'department',
  'jobTitle',
  'officeLocation',
  'businessPhones',
  'mobilePhone',
  'preferredLanguage',
  'accountEnabled',
  'userType',
  'createdDateTime',
  'employeeId',
  'usageLocation',
  'externalUserState',
  'externalUserStateChangeDateTime',
] as const;

/** What Graph returns for a user without $select. */
export const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

/** All that User.ReadBasic.All may read (plus the photo, which the emulator has not). */
export const BASIC_USER_PROPERTIES = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
];

export const FULL_PROFILE_SCOPES = [
  'User.Read.All',
  'User.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];
export const READ_USERS_SCOPES = ['User.ReadBasic.All', ...FULL_PROFILE_SCOPES];

export const USERS_COLLECTION: CollectionSpec = {
  type: 'microsoft.graph.user',
  entitySet: 'users',
  properties: USER_PROPERTIES,
  defaultProperties: DEFAULT_USER_PROPERTIES,
  filter: {
    eq: [
      'id',
      'userPrincipalName',
      'mail',
      'userType',
      'accountEnabled',
      'displayName',
      'givenName',
      'surname',
    ],
    startsWith: ['displayName', 'userPrincipalName', 'mail', 'givenName', 'surname'],
    endsWith: ['mail', 'userPrincipalName'],
  },
  search: {
    resource: 'User',
    tokenized: ['displayName'],
    prefix: [
      'givenName',
      'surname',
      'mail',
      'userPrincipalName',
      'jobTitle',
      'department',
      'employeeId',
    ],
  },
  orderBy: ['displayName', 'userPrincipalName'],
};

/** The user as Graph serialises it (without TAP Desk's app role assignments). */
export function userResource(user: User): Record<string, unknown> {
  return omit(user, 'appRoles');
}

function visibleProperties(ctx: GraphContext, self: boolean): readonly string[] | undefined {
  const has = (scopes: readonly string[]) => holdsAnyScope(ctx.caller, scopes);
  return has(FULL_PROFILE_SCOPES) || (self && has(['User.Read', 'User.ReadWrite']))
    ? undefined
    : BASIC_USER_PROPERTIES;
}

function singleUser(ctx: GraphContext, user: User, self: boolean): GraphResult {
  allowQueryOptions(ctx, ['$select']);
  const select = parseSelect(ctx, USER_PROPERTIES, USERS_COLLECTION.type);
  const visible = visibleProperties(ctx, self);
  const properties = (select ?? DEFAULT_USER_PROPERTIES).filter(
    (p) => !visible || visible.includes(p),
  );
  const set = select ? `users(${select.join(',')})` : 'users';
  return {
    status: 200,
    body: {
      '@odata.context': metadataUrl(ctx, `${set}/$entity`),
      ...project(userResource(user), properties),
    },
  };
}

/** The signed-in user, or 404 if the token names someone a reset removed. */
export function me(ctx: GraphContext): User {
  const user = findUser(ctx.state, ctx.caller.oid);
  if (!user) throw resourceNotFound(ctx.caller.oid);
  return user;
}

/** A user by object id or UPN from the `{id}` path parameter. */
export function userParam(ctx: GraphContext): User {
  const id = ctx.params.id ?? '';
  const user = findUser(ctx.state, id);
  if (!user) throw resourceNotFound(id);
  return user;
}

export function registerUserRoutes(router: GraphRouter): void {
  router.register(
    'GET',
    '/me',
    { scopes: ['User.Read', 'User.ReadWrite', ...READ_USERS_SCOPES] },
    (ctx) => singleUser(ctx, me(ctx), true),
  );
  router.register('GET', '/users', { scopes: READ_USERS_SCOPES }, (ctx) =>
    listCollection(ctx, () => ctx.state.users.map(userResource), {
      ...USERS_COLLECTION,
      visibleProperties: visibleProperties(ctx, false),
    }),
  );
  router.register('GET', '/users/{id}', { scopes: READ_USERS_SCOPES }, (ctx) => {
    const user = userParam(ctx);
    return singleUser(ctx, user, user.id === ctx.caller.oid);
  });
}
