import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { GraphClient, GraphPage } from './client';

export type UserSummary = Pick<
  MicrosoftGraph.User,
  'id' | 'displayName' | 'userPrincipalName' | 'mail' | 'department' | 'userType' | 'accountEnabled'
>;

export type UserDetails = UserSummary &
  Pick<
    MicrosoftGraph.User,
    'jobTitle' | 'officeLocation' | 'createdDateTime' | 'externalUserState'
  >;

const SUMMARY_FIELDS = 'id,displayName,userPrincipalName,mail,department,userType,accountEnabled';
const DETAIL_FIELDS = `${SUMMARY_FIELDS},jobTitle,officeLocation,createdDateTime,externalUserState`;

/** Quotes a term for $search: inside the double quotes only `"` and `\` are special. */
export function searchTerm(property: string, text: string): string {
  return `"${property}:${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * Users whose display name, UPN or mail matches `text`. Whatever the person typed stays a
 * search term: it is escaped for $search and percent-encoded, so it cannot change the query.
 */
export async function searchUsers(
  client: GraphClient,
  text: string,
  signal?: AbortSignal,
): Promise<{ users: UserSummary[]; total: number | undefined }> {
  const trimmed = text.trim();
  if (!trimmed) return { users: [], total: 0 };
  const search = ['displayName', 'userPrincipalName', 'mail']
    .map((property) => searchTerm(property, trimmed))
    .join(' OR ');
  const page = await client.request<GraphPage<UserSummary>>({
    path: '/users',
    query: {
      $search: search,
      $select: SUMMARY_FIELDS,
      $top: 25,
      $count: true,
      $orderby: 'displayName',
    },
    headers: { ConsistencyLevel: 'eventual' },
    signal,
  });
  return { users: page.value, total: page['@odata.count'] };
}

export function getUser(client: GraphClient, userId: string, signal?: AbortSignal) {
  return client.request<UserDetails>({
    path: `/users/${encodeURIComponent(userId)}`,
    query: { $select: DETAIL_FIELDS },
    signal,
  });
}

export interface Memberships {
  directoryRoles: Pick<MicrosoftGraph.DirectoryRole, 'id' | 'displayName' | 'roleTemplateId'>[];
  groupIds: string[];
}

/** Directory roles and groups the user belongs to, directly or through nesting. */
export async function getMemberships(
  client: GraphClient,
  userId: string,
  signal?: AbortSignal,
): Promise<Memberships> {
  const objects = await client.all<
    MicrosoftGraph.DirectoryObject &
      Partial<MicrosoftGraph.DirectoryRole> & { '@odata.type'?: string }
  >({
    path: `/users/${encodeURIComponent(userId)}/transitiveMemberOf`,
    query: { $top: 999 },
    signal,
  });
  return {
    directoryRoles: objects
      .filter((object) => object['@odata.type'] === '#microsoft.graph.directoryRole')
      .map(({ id, displayName, roleTemplateId }) => ({ id, displayName, roleTemplateId })),
    groupIds: objects
      .filter((object) => object['@odata.type'] === '#microsoft.graph.group' && object.id)
      .map((object) => object.id as string),
  };
}
