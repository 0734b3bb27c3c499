import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { GraphClient, GraphPage } from './client';
import { searchTerm } from './users';

export type GroupSummary = Pick<
  MicrosoftGraph.Group,
  'id' | 'displayName' | 'description' | 'createdDateTime'
>;

/** What a pilot view needs of each member; department needs User.Read.All, not just membership. */
export type MemberUser = Pick<
  MicrosoftGraph.User,
  'id' | 'displayName' | 'userPrincipalName' | 'department'
>;

const GROUP_FIELDS = 'id,displayName,description,createdDateTime';
const MEMBER_FIELDS = 'id,displayName,userPrincipalName,department';

/** The largest page Graph allows for directory lists. */
export const DIRECTORY_PAGE_SIZE = 999;

export function getGroup(client: GraphClient, groupId: string, signal?: AbortSignal) {
  return client.request<GroupSummary>({
    path: `/groups/${encodeURIComponent(groupId)}`,
    query: { $select: GROUP_FIELDS },
    signal,
  });
}

/** Security groups whose name matches `text`, for picking a pilot that is not configured. */
export async function searchGroups(
  client: GraphClient,
  text: string,
  signal?: AbortSignal,
): Promise<GroupSummary[]> {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const page = await client.request<GraphPage<GroupSummary>>({
    path: '/groups',
    query: {
      $search: searchTerm('displayName', trimmed),
      $filter: 'securityEnabled eq true',
      $select: GROUP_FIELDS,
      $orderby: 'displayName',
      $top: 25,
      $count: true,
    },
    headers: { ConsistencyLevel: 'eventual' },
    signal,
  });
  return page.value;
}

/**
 * Every user in the group, nested groups flattened, one page at a time. The type cast needs
 * advanced query mode (ConsistencyLevel: eventual + $count), which also gives the total on the
 * first page so a progress bar can show "n of total".
 */
export function pageTransitiveMemberUsers(
  client: GraphClient,
  groupId: string,
  signal?: AbortSignal,
): AsyncGenerator<GraphPage<MemberUser>> {
  return client.pages<MemberUser>({
    path: `/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user`,
    query: { $select: MEMBER_FIELDS, $top: DIRECTORY_PAGE_SIZE, $count: true },
    headers: { ConsistencyLevel: 'eventual' },
    signal,
  });
}
