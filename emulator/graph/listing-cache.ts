import type { Tenant } from '../model';
import type { GraphContext } from './router';

/*
 * A paged listing is computed in full for every page: filter, search and sort over the whole
 * collection, then one page cut from it. At 150,000 users that took the event loop for 1 to 3 s
 * a page, so a 100,000-member pilot spent minutes in the emulator rather than in Graph's limits.
 * The full result of a query is now kept while the tenant stands still, and the pages after the
 * first are cut from it.
 *
 * "Still" is strict, so no client can see a state that Graph would already have moved past:
 * - any request that may change the tenant (every method but GET, in Graph, sign-in and the
 *   emulator's control area; a $batch counts by its items) drops every kept listing;
 * - a listing is kept for the minute it was computed in, no longer, so what changes with the
 *   clock alone (audit retention, the report's refresh) shows within a minute;
 * - the key holds everything else a result depends on: path, the query as the client sent it
 *   (without $skiptoken; a route's rewritten query could make two requests look alike), the
 *   ConsistencyLevel header, and the caller (user, app, scopes, roles).
 */

const MAX_KEPT = 16;
const KEEP_MS = 60_000;

const kept = new WeakMap<Tenant, Map<string, readonly unknown[]>>();

/** Forgets every listing of the tenant: call before and after anything that may change it. */
export function tenantChanging(tenant: Tenant): void {
  kept.delete(tenant);
}

/** The full result of the request's listing, computed once while the tenant stands still. */
export function keptListing<T>(ctx: GraphContext, compute: () => T[]): readonly T[] {
  const { caller } = ctx;
  const key = JSON.stringify([
    ctx.path,
    [...ctx.sentQuery].filter(([name]) => name.toLowerCase() !== '$skiptoken'),
    ctx.headers.consistencylevel ?? '',
    caller.oid,
    caller.appId ?? '',
    [...caller.scopes].sort(),
    [...caller.wids].sort(),
    Math.floor(ctx.now / KEEP_MS),
  ]);
  let listings = kept.get(ctx.state);
  const found = listings?.get(key);
  if (found) return found as readonly T[];
  const computed = compute();
  if (!listings) kept.set(ctx.state, (listings = new Map()));
  listings.set(key, computed);
  // Oldest first: a Map keeps insertion order.
  for (const old of listings.keys()) {
    if (listings.size <= MAX_KEPT) break;
    listings.delete(old);
  }
  return computed;
}
