import { needsAdvancedQuery, unsupportedQuery, GraphError } from './errors';
import { compileFilter, type FilterSpec, type Item } from './filter';
import { keptListing } from './listing-cache';
import {
  allowQueryOptions,
  decodeSkipToken,
  isAdvancedQuery,
  isEventual,
  metadataUrl,
  nextLink,
  parseSelect,
  parseTop,
  project,
} from './odata';
import type { GraphContext, GraphResult } from './router';
import { compileSearch, type SearchSpec } from './search';

/** How a directory collection answers OData query options. */
export interface CollectionSpec {
  /** OData type for $select errors, e.g. 'microsoft.graph.user'. */
  type: string;
  /** Entity set for @odata.context, e.g. 'users' or 'directoryObjects'. */
  entitySet: string;
  /** Properties that may be $selected. */
  properties: readonly string[];
  /** Properties returned without $select; undefined = each item's full representation. */
  defaultProperties?: readonly string[];
  /** If set, properties outside it are never returned (e.g. User.ReadBasic.All). */
  visibleProperties?: readonly string[];
  filter: FilterSpec;
  search: SearchSpec;
  orderBy: readonly string[];
  /** Relationship lists (memberOf...) support $filter/$search/$orderby only in advanced queries. */
  queryNeedsAdvancedMode?: boolean;
}

const OPTIONS = ['$select', '$filter', '$search', '$top', '$count', '$orderby', '$skiptoken'];

/**
 * Filters, searches, sorts and pages `items` (full representations) per the request's query.
 * `items` is called only when the query's full result is not kept (`listing-cache.ts`).
 */
export function listCollection(
  ctx: GraphContext,
  items: () => Item[],
  spec: CollectionSpec,
): GraphResult {
  allowQueryOptions(ctx, OPTIONS);
  const q = ctx.query;
  const advanced = isAdvancedQuery(ctx);
  const filterText = q.get('$filter');
  const searchText = q.get('$search');
  const orderText = q.get('$orderby');
  if (spec.queryNeedsAdvancedMode && !advanced && (filterText || orderText)) {
    throw needsAdvancedQuery(filterText ? 'filter' : 'orderby');
  }
  const selected = keptListing(ctx, () => {
    let selected = items();
    if (searchText !== null) {
      if (!isEventual(ctx)) {
        throw unsupportedQuery(
          "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
        );
      }
      const matches = compileSearch(searchText, spec.search);
      selected = selected.filter(matches);
    }
    if (filterText !== null) {
      const matches = compileFilter(filterText, spec.filter, advanced);
      selected = selected.filter(matches);
    }
    if (orderText !== null) {
      if (filterText !== null && !advanced) {
        throw unsupportedQuery('Sorting not supported for current query.');
      }
      selected = sortBy(selected, orderText, spec.orderBy);
    }
    return selected;
  });
  const select = parseSelect(ctx, spec.properties, spec.type);
  const shown = (item: Item) =>
    (select ?? spec.defaultProperties ?? Object.keys(item)).filter(
      (p) => p !== '@odata.type' && (!spec.visibleProperties || spec.visibleProperties.includes(p)),
    );
  const top = parseTop(ctx);
  const skipToken = q.get('$skiptoken');
  const offset = skipToken === null ? 0 : decodeSkipToken(skipToken);
  const page = selected.slice(offset, offset + top);
  const context = select ? `${spec.entitySet}(${select.join(',')})` : spec.entitySet;
  const body: Record<string, unknown> = { '@odata.context': metadataUrl(ctx, context) };
  // Like Graph: the count needs advanced mode, comes on the first page only, and is otherwise ignored.
  if (advanced && skipToken === null) body['@odata.count'] = selected.length;
  if (offset + top < selected.length) body['@odata.nextLink'] = nextLink(ctx, offset + top);
  body.value = page.map((item) => project(item, shown(item)));
  return { status: 200, body };
}

function sortBy(items: readonly Item[], orderBy: string, allowed: readonly string[]): Item[] {
  const [name = '', direction = 'asc', ...rest] = orderBy.trim().split(/\s+/);
  const property = allowed.find((p) => p.toLowerCase() === name.toLowerCase());
  const dir = direction.toLowerCase();
  if (!property || rest.length > 0 || (dir !== 'asc' && dir !== 'desc')) {
    throw new GraphError(
      400,
      'Request_UnsupportedQuery',
      'Sorting not supported for current query.',
    );
  }
  const sign = dir === 'desc' ? -1 : 1;
  const text = (item: Item) => String(item[property] ?? '');
  return [...items].sort(
    (a, b) => sign * text(a).localeCompare(text(b), 'en', { sensitivity: 'base' }),
  );
}
