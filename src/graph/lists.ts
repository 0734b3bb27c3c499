import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { GraphClient } from './client';

/**
 * A SharePoint list item as Graph returns it with `expand=fields`; `fields` holds the columns.
 * The top-level properties (author, editor, dates, etag) come by default: `fields(select=…)`
 * narrows the columns only.
 */
export type ListItem<F> = Pick<
  MicrosoftGraph.ListItem,
  | 'id'
  | 'createdDateTime'
  | 'lastModifiedDateTime'
  | 'createdBy'
  | 'lastModifiedBy'
  | 'eTag'
  | 'webUrl'
> & { fields: F; '@odata.etag'?: string };

export interface ListItemsQuery {
  /** OData over the columns, e.g. `fields/IssuedAt ge '2026-11-01T00:00:00Z'`. */
  filter?: string;
  /** Columns to return; all of them when absent. */
  select?: readonly string[];
  /** Page size; Graph follows up with @odata.nextLink. */
  top?: number;
  signal?: AbortSignal;
}

const itemsPath = (siteId: string, listId: string) =>
  `/sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent(listId)}/items`;

/** Adds one item; `fields` are the column values, by internal column name. */
export function createListItem<F extends object>(
  client: GraphClient,
  siteId: string,
  listId: string,
  fields: F,
  signal?: AbortSignal,
): Promise<ListItem<F>> {
  return client.request<ListItem<F>>({
    method: 'POST',
    path: itemsPath(siteId, listId),
    body: { fields },
    signal,
  });
}

/**
 * Every item that matches, following @odata.nextLink. Filtering on a column that is not indexed
 * needs SharePoint's opt-in header, or Graph answers 400; a list that grows past the 5,000-item
 * view threshold should index the filtered columns (IssuedAt, TargetUserId).
 */
export function listItems<F>(
  client: GraphClient,
  siteId: string,
  listId: string,
  query: ListItemsQuery = {},
): Promise<ListItem<F>[]> {
  const expand = query.select ? `fields(select=${query.select.join(',')})` : 'fields';
  return client.all<ListItem<F>>({
    path: itemsPath(siteId, listId),
    query: { expand, $filter: query.filter, $top: query.top },
    headers: query.filter ? { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } : undefined,
    signal: query.signal,
  });
}
