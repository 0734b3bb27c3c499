import { GraphError } from './errors';
import type { GraphContext } from './router';

export const GRAPH_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 999;

export function metadataUrl(ctx: GraphContext, fragment: string): string {
  return `${ctx.origin}/graph/v1.0/$metadata#${fragment}`;
}

/** ConsistencyLevel: eventual, needed for $search and (with $count=true) advanced queries. */
export function isEventual(ctx: GraphContext): boolean {
  return ctx.headers.consistencylevel?.toLowerCase() === 'eventual';
}

export function isAdvancedQuery(ctx: GraphContext): boolean {
  return isEventual(ctx) && ctx.query.get('$count')?.toLowerCase() === 'true';
}

/** Refuses system query options the endpoint does not support, as Graph does. */
export function allowQueryOptions(ctx: GraphContext, allowed: readonly string[]): void {
  for (const key of ctx.query.keys()) {
    if (key.startsWith('$') && !allowed.includes(key.toLowerCase())) {
      throw new GraphError(400, 'Request_BadRequest', `Query option '${key}' is not supported.`);
    }
  }
}

export function parseTop(ctx: GraphContext): number {
  const raw = ctx.query.get('$top');
  if (raw === null) return DEFAULT_PAGE_SIZE;
  const top = Number(raw);
  if (!/^\d+$/.test(raw) || top < 1 || top > MAX_PAGE_SIZE) {
    throw new GraphError(
      400,
      'Request_BadRequest',
      `Invalid page size specified: '${raw}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`,
    );
  }
  return top;
}

/** $select as canonical property names; unknown names answer 400 like Graph. */
export function parseSelect(
  ctx: GraphContext,
  properties: readonly string[],
  type: string,
): string[] | undefined {
  const raw = ctx.query.get('$select');
  if (raw === null) return undefined;
  return raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => {
      const known = properties.find((p) => p.toLowerCase() === name.toLowerCase());
      if (!known) {
        throw new GraphError(
          400,
          'BadRequest',
          `Could not find a property named '${name}' on type '${type}'.`,
        );
      }
      return known;
    });
}

/** A copy of `item` without the server-side fields Graph never serialises. */
export function omit<T extends object, K extends keyof T>(item: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...item };
  for (const key of keys) delete copy[key];
  return copy;
}

export function project(item: Record<string, unknown>, properties: readonly string[]) {
  const out: Record<string, unknown> = {};
  if ('@odata.type' in item) out['@odata.type'] = item['@odata.type'];
  for (const p of properties) out[p] = item[p] ?? null;
  return out;
}

export function encodeSkipToken(offset: number): string {
  return Buffer.from(`v1:${offset}`).toString('base64url');
}

export function decodeSkipToken(token: string): number {
  const match = /^v1:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) {
    throw new GraphError(
      400,
      'Directory_ExpiredPageToken',
      'The specified page token value has expired and can no longer be included in your request.',
    );
  }
  return Number(match[1]);
}

/** The same request with a new $skiptoken, as an absolute URL on the caller's origin. */
export function nextLink(ctx: GraphContext, offset: number): string {
  const parts: string[] = [];
  for (const [key, value] of ctx.query) {
    if (key.toLowerCase() !== '$skiptoken') parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  parts.push(`$skiptoken=${encodeSkipToken(offset)}`);
  return `${ctx.origin}/graph/v1.0${ctx.path}?${parts.join('&')}`;
}
