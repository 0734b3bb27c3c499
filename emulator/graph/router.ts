import type { EmulatorSettings } from '../settings';
import type { Tenant } from '../model';
import type { Throttle } from './throttle';

export interface Caller {
  oid: string;
  upn: string;
  /** Delegated scopes from the token's `scp`. */
  scopes: string[];
  /** Directory role template ids from the token's `wids`. */
  wids: string[];
  /** The client the token was issued to (`appid`); absent in hand-built callers. */
  appId?: string;
}

/** Whether the caller holds any of the scopes; Graph compares scope names ignoring case. */
export function holdsAnyScope(caller: Caller, scopes: readonly string[]): boolean {
  return scopes.some((scope) => caller.scopes.some((s) => s.toLowerCase() === scope.toLowerCase()));
}

/** One Graph request, independent of HTTP (a $batch can run its items through it). */
export interface GraphRequest {
  method: string;
  /** Path and query below /graph/v1.0, e.g. '/users?$top=5'. */
  url: string;
  /** Lower-cased names. */
  headers: Record<string, string | undefined>;
  body: string;
  origin: string;
}

export interface GraphContext {
  caller: Caller;
  /** The requested path below /graph/v1.0, e.g. '/users/{id}' filled in. */
  path: string;
  /** Path parameters by name; values are URL-decoded. */
  params: Record<string, string>;
  /** The query a route works from; a route may hand a rewritten copy to shared helpers. */
  query: URLSearchParams;
  /** The query as the client sent it, which no route rewrites: what a result is kept under. */
  readonly sentQuery: URLSearchParams;
  /** Lower-cased request header names. */
  headers: Record<string, string | undefined>;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  state: Tenant;
  settings: EmulatorSettings;
  /** https origin the request came in on, for absolute links. */
  origin: string;
  /** Request time in ms; use it rather than Date.now() so one request sees one instant. */
  now: number;
  /** Runs one $batch item through the whole pipeline and logs it as a batch item. */
  runBatchItem(request: GraphRequest): Promise<GraphResult>;
}

export interface GraphResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type GraphHandler = (ctx: GraphContext) => GraphResult | Promise<GraphResult>;

export interface RouteAccess {
  /** The caller needs at least one of these delegated scopes. */
  scopes: readonly string[];
  /** The caller also needs every one of these: Graph documents some APIs as "X and Y". */
  alsoScopes?: readonly string[];
  /** If set, the caller also needs one of these directory role template ids in `wids`. */
  roles?: readonly string[];
  /** Error code for a refusal: directory APIs use Authorization_RequestDenied, others accessDenied. */
  deniedCode?: string;
  /** Extra throttle for this route (e.g. a reports limiter), checked after the global one. */
  throttle?: Throttle;
}

export interface Route {
  method: string;
  pattern: string;
  access: RouteAccess;
  handler: GraphHandler;
  segments: string[];
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/**
 * Graph routes under /graph/v1.0. Patterns use `{name}` segments; literal segments match
 * case-insensitively like Graph; the most literal match wins.
 */
export class GraphRouter {
  private readonly routes: Route[] = [];

  register(method: string, pattern: string, access: RouteAccess, handler: GraphHandler): void {
    const segments = pattern.split('/').filter(Boolean);
    this.routes.push({ method: method.toUpperCase(), pattern, access, handler, segments });
  }

  /** The routes' own throttles, so a reset can clear their windows. */
  throttles(): Throttle[] {
    return [...new Set(this.routes.flatMap((r) => (r.access.throttle ? [r.access.throttle] : [])))];
  }

  /** Matches a path relative to /graph/v1.0; `methodAllowed` is false when only the method differs. */
  match(method: string, path: string): { found?: RouteMatch; methodAllowed: boolean } {
    const parts = path.split('/').filter(Boolean).map(safeDecode);
    const candidates = this.routes
      .map((route) => ({ route, params: matchSegments(route.segments, parts) }))
      .filter((c): c is RouteMatch => c.params !== undefined)
      .sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length);
    const found = candidates.find((c) => c.route.method === method.toUpperCase());
    return { found, methodAllowed: candidates.length === 0 || found !== undefined };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of pattern.entries()) {
    const part = parts[i] as string;
    if (segment.startsWith('{') && segment.endsWith('}')) params[segment.slice(1, -1)] = part;
    else if (segment.toLowerCase() !== part.toLowerCase()) return undefined;
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
