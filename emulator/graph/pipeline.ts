import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Signer } from '../identity/keys';
import type { IdentityStore } from '../identity/store';
import type { Tenant } from '../model';
import type { EmulatorSettings } from '../settings';
import { applyCors, readBody, requestOrigin, send } from '../http';
import { authenticate } from './auth';
import { GraphError, insufficientPrivileges } from './errors';
import { GRAPH_CONTENT_TYPE } from './odata';
import { holdsAnyScope, type GraphContext, type GraphResult, type GraphRouter } from './router';
import { TOO_MANY_REQUESTS, type Throttle, type ThrottleDecision } from './throttle';

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  time: string;
  durationMs: number;
  /** A sub-request of a $batch, not an HTTP request of its own. */
  batch?: boolean;
}

export interface GraphDeps {
  router: GraphRouter;
  signer: Signer;
  store: IdentityStore;
  throttle: Throttle;
  tenant(): Tenant;
  settings(): EmulatorSettings;
  log(entry: RequestLogEntry): void;
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

const CORS = {
  methods: 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  allowHeaders:
    'Authorization, Content-Type, ConsistencyLevel, client-request-id, return-client-request-id, Prefer, SdkVersion, x-ms-throttle-priority',
  exposeHeaders: 'Retry-After, request-id, client-request-id, WWW-Authenticate, Location',
};

const PREFIX = '/graph/v1.0';

export function createGraphHandler(deps: GraphDeps) {
  /** Throttling, authentication, authorisation and the route, in Graph's order. */
  async function execute(request: GraphRequest): Promise<GraphResult> {
    const url = new URL(request.url, 'https://graph.invalid');
    const now = Date.now();
    const tooMany = (decision: ThrottleDecision) =>
      new GraphError(429, 'TooManyRequests', decision.message ?? TOO_MANY_REQUESTS, {
        'Retry-After': String(decision.retryAfterSeconds),
      });
    try {
      const settings = deps.settings();
      const throttled = deps.throttle.check({
        method: request.method,
        path: request.url,
        now,
        settings,
      });
      if (throttled) throw tooMany(throttled);
      const caller = await authenticate(
        request.headers.authorization,
        deps.signer,
        deps.store,
        request.origin,
      );
      const { found, methodAllowed } = deps.router.match(request.method, url.pathname);
      if (!found) {
        if (!methodAllowed) {
          throw new GraphError(
            405,
            'Request_BadRequest',
            'Specified HTTP method is not allowed for the request target.',
          );
        }
        const segment = url.pathname.split('/').filter(Boolean).pop() ?? '';
        throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
      }
      const { access, handler } = found.route;
      const hasScope =
        holdsAnyScope(caller, access.scopes) &&
        (access.alsoScopes ?? []).every((scope) => holdsAnyScope(caller, [scope]));
      const hasRole = !access.roles || access.roles.some((r) => caller.wids.includes(r));
      if (!hasScope || !hasRole) throw insufficientPrivileges(access.deniedCode);
      const routeThrottled = access.throttle?.check({
        method: request.method,
        path: request.url,
        appId: caller.appId,
        now,
        settings,
      });
      if (routeThrottled) throw tooMany(routeThrottled);
      const ctx: GraphContext = {
        caller,
        path: url.pathname,
        params: found.params,
        query: url.searchParams,
        headers: request.headers,
        body: parseJson(request.body),
        state: deps.tenant(),
        settings,
        origin: request.origin,
        now,
        runBatchItem,
      };
      return await handler(ctx);
    } catch (error) {
      if (error instanceof GraphError) {
        return { status: error.status, body: errorBody(error, request), headers: error.headers };
      }
      console.error('[emulator] Graph route failed', error);
      return {
        status: 500,
        body: errorBody(
          new GraphError(500, 'generalException', 'General exception while processing.'),
          request,
        ),
      };
    }
  }

  async function runBatchItem(request: GraphRequest): Promise<GraphResult> {
    const started = Date.now();
    const result = await execute(request);
    deps.log({
      method: request.method,
      path: PREFIX + request.url,
      status: result.status,
      time: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      batch: true,
    });
    return result;
  }

  async function handleGraph(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (applyCors(req, res, CORS)) return;
    const started = Date.now();
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
    );
    const requestId = randomUUID();
    const clientRequestId = headers['client-request-id'];
    headers['request-id'] = requestId;
    const { latencyMs } = deps.settings();
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const body = req.method === 'GET' ? '' : await readBody(req);
    const result = url.pathname.startsWith(`${PREFIX}/`)
      ? await execute({
          method: req.method ?? 'GET',
          url: url.pathname.slice(PREFIX.length) + url.search,
          headers,
          body,
          origin: requestOrigin(req),
        })
      : {
          status: 400,
          body: errorBody(
            new GraphError(
              400,
              'BadRequest',
              `Invalid version: ${url.pathname.split('/')[2] ?? ''}`,
            ),
            { headers },
          ),
        };
    send(res, result.status, result.body === undefined ? undefined : JSON.stringify(result.body), {
      ...(result.body === undefined ? {} : { 'Content-Type': GRAPH_CONTENT_TYPE }),
      'request-id': requestId,
      ...(clientRequestId ? { 'client-request-id': clientRequestId } : {}),
      ...result.headers,
    });
    deps.log({
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      status: result.status,
      time: new Date(started).toISOString(),
      durationMs: Date.now() - started,
    });
  }

  return { handleGraph, execute };
}

function parseJson(body: string): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new GraphError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
}

/** Graph's error envelope; `date` has no fractional seconds, like Graph's. */
export function errorBody(error: GraphError, request: Pick<GraphRequest, 'headers'>) {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        'request-id': request.headers['request-id'] ?? randomUUID(),
        'client-request-id':
          request.headers['client-request-id'] ?? request.headers['request-id'] ?? '',
      },
    },
  };
}
