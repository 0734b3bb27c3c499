import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants as http2, type ServerHttp2Stream } from 'node:http2';
import type { Signer } from '../identity/keys';
import type { IdentityStore } from '../identity/store';
import type { Tenant } from '../model';
import type { EmulatorSettings } from '../settings';
import { applyCors, readBody, requestOrigin, send } from '../http';
import { authenticate } from './auth';
import { isDirectoryPath } from './directory-limit';
import { GraphError, insufficientPrivileges } from './errors';
import { tenantChanging } from './listing-cache';
import type { Fault, FaultKind, FaultPlan } from './faults';
import { GRAPH_CONTENT_TYPE } from './odata';
import {
  holdsAnyScope,
  type GraphContext,
  type GraphRequest,
  type GraphResult,
  type GraphRouter,
} from './router';
import { TOO_MANY_REQUESTS, type Throttle, type ThrottleDecision } from './throttle';

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  time: string;
  durationMs: number;
  /** A sub-request of a $batch, not an HTTP request of its own. */
  batch?: boolean;
  /** The injected fault (POST /emulator/faults) that shaped this answer. */
  fault?: FaultKind;
  /** The route's own status when the client saw another one or none (after-commit faults). */
  routeStatus?: number;
  /** drop-after-commit: processed, then the connection was cut without an answer (status 0). */
  dropped?: true;
  /** The client went away before the answer was ready, so it never saw `status`. */
  aborted?: true;
}

export interface GraphDeps {
  router: GraphRouter;
  signer: Signer;
  store: IdentityStore;
  throttle: Throttle;
  tenant(): Tenant;
  settings(): EmulatorSettings;
  log(entry: RequestLogEntry): void;
  /** Injected faults; none when absent. */
  faults?: FaultPlan;
  /** Waits for settings.latencyMs and slow faults; a timer unless a test injects its own. */
  wait?: (ms: number) => Promise<void>;
  /** Graph's directory (identity and access) limits, for every directory path. */
  directory?: Throttle;
  /** The limiters' clock (the tenant keeps real time); simulations run it ahead. */
  now?: () => number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const CORS = {
  methods: 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  allowHeaders:
    'Authorization, Content-Type, ConsistencyLevel, client-request-id, return-client-request-id, Prefer, SdkVersion, x-ms-throttle-priority',
  exposeHeaders: 'Retry-After, request-id, client-request-id, WWW-Authenticate, Location',
};

const PREFIX = '/graph/v1.0';

/** One HTTP exchange: a drop-after-commit fault on a $batch item cuts the whole connection. */
interface Exchange {
  drop: boolean;
}

/** What the client gets, and what the route did when the client got something else. */
interface Outcome {
  result: GraphResult;
  fault?: FaultKind;
  routeStatus?: number;
  drop?: boolean;
}

export function createGraphHandler(deps: GraphDeps) {
  const wait = deps.wait ?? sleep;
  /** Throttling, authentication, authorisation and the route, in Graph's order. */
  async function execute(
    request: GraphRequest,
    exchange: Exchange = { drop: false },
  ): Promise<GraphResult> {
    const url = new URL(request.url, 'https://graph.invalid');
    const now = Date.now();
    const tooMany = (decision: ThrottleDecision) =>
      new GraphError(429, 'TooManyRequests', decision.message ?? TOO_MANY_REQUESTS, {
        ...decision.headers,
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
      const classed = {
        method: request.method,
        path: request.url,
        appId: caller.appId,
        now: deps.now?.() ?? now,
        settings,
        tenantUsers: deps.tenant().users.length,
      };
      // A directory path spends resource units even when its own class limit also applies.
      const directoryThrottled = isDirectoryPath(url.pathname)
        ? deps.directory?.check(classed)
        : undefined;
      if (directoryThrottled) throw tooMany(directoryThrottled);
      const routeThrottled = access.throttle?.check(classed);
      if (routeThrottled) throw tooMany(routeThrottled);
      const ctx: GraphContext = {
        caller,
        path: url.pathname,
        params: found.params,
        query: url.searchParams,
        sentQuery: new URLSearchParams(url.searchParams),
        headers: request.headers,
        body: parseJson(request.body),
        state: deps.tenant(),
        settings,
        origin: request.origin,
        now,
        runBatchItem: (item) => runBatchItem(item, exchange),
      };
      // A $batch changes nothing itself: each of its items comes through here on its own.
      const changing = request.method.toUpperCase() !== 'GET' && found.route.pattern !== '/$batch';
      if (!changing) return await handler(ctx);
      tenantChanging(ctx.state);
      try {
        return await handler(ctx);
      } finally {
        tenantChanging(ctx.state);
      }
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

  /**
   * The request with the first matching injected fault applied (before anything else: faults
   * stand for the network and Graph's front door). throttle and unavailable answer without
   * running the request; the after-commit kinds run it in full and then withhold the answer.
   */
  async function withFaults(request: GraphRequest, exchange: Exchange): Promise<Outcome> {
    const path = new URL(request.url, 'https://graph.invalid').pathname;
    const fault = deps.faults?.take(request.method, path);
    if (!fault) return { result: await execute(request, exchange) };
    const kind = fault.fault;
    switch (kind) {
      case 'throttle':
      case 'unavailable':
        return { result: faultAnswer(fault, request), fault: kind };
      case 'slow':
        await wait(fault.ms ?? 0);
        return { result: await execute(request, exchange), fault: kind };
      case 'timeout-after-commit':
      case 'drop-after-commit': {
        const committed = await execute(request, exchange);
        return kind === 'drop-after-commit'
          ? { result: committed, fault: kind, routeStatus: committed.status, drop: true }
          : { result: faultAnswer(fault, request), fault: kind, routeStatus: committed.status };
      }
    }
  }

  function faultAnswer(fault: Fault, request: GraphRequest): GraphResult {
    const retryAfter =
      fault.fault === 'throttle'
        ? (fault.retryAfterSeconds ?? deps.settings().retryAfterSeconds)
        : fault.retryAfterSeconds;
    const headers: Record<string, string> =
      retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
    const error =
      fault.fault === 'throttle'
        ? new GraphError(429, 'TooManyRequests', TOO_MANY_REQUESTS, headers)
        : fault.fault === 'unavailable'
          ? new GraphError(
              503,
              'serviceNotAvailable',
              'The service is temporarily unavailable. Try the request again after a delay.',
              headers,
            )
          : new GraphError(
              504,
              'GatewayTimeout',
              'The gateway did not receive a timely response from the service.',
            );
    return { status: error.status, body: errorBody(error, request), headers: error.headers };
  }

  async function runBatchItem(request: GraphRequest, exchange: Exchange): Promise<GraphResult> {
    const started = Date.now();
    const outcome = await withFaults(request, exchange);
    if (outcome.drop) exchange.drop = true;
    deps.log({
      method: request.method,
      path: PREFIX + request.url,
      ...loggedOutcome(outcome),
      time: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      batch: true,
    });
    return outcome.result;
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
    if (latencyMs > 0) await wait(latencyMs);
    const body = req.method === 'GET' ? '' : await readBody(req);
    const exchange: Exchange = { drop: false };
    const outcome: Outcome = url.pathname.startsWith(`${PREFIX}/`)
      ? await withFaults(
          {
            method: req.method ?? 'GET',
            url: url.pathname.slice(PREFIX.length) + url.search,
            headers,
            body,
            origin: requestOrigin(req),
          },
          exchange,
        )
      : {
          result: {
            status: 400,
            body: errorBody(
              new GraphError(
                400,
                'BadRequest',
                `Invalid version: ${url.pathname.split('/')[2] ?? ''}`,
              ),
              { headers },
            ),
          },
        };
    const { result } = outcome;
    const drop = outcome.drop === true || exchange.drop;
    // A client that went away did not stop a request the server had received: it ran anyway.
    const clientGone = connectionClosed(res);
    if (drop) {
      dropConnection(res);
    } else if (!clientGone) {
      send(
        res,
        result.status,
        result.body === undefined ? undefined : JSON.stringify(result.body),
        {
          ...(result.body === undefined ? {} : { 'Content-Type': GRAPH_CONTENT_TYPE }),
          'request-id': requestId,
          ...(clientRequestId ? { 'client-request-id': clientRequestId } : {}),
          ...result.headers,
        },
      );
    }
    deps.log({
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      ...loggedOutcome({ ...outcome, drop }),
      ...(clientGone && !drop ? { aborted: true as const } : {}),
      time: new Date(started).toISOString(),
      durationMs: Date.now() - started,
    });
  }

  return { handleGraph, execute };
}

/** The log's view of an outcome: the status the client saw (0 for none) and the fault. */
function loggedOutcome(
  outcome: Outcome,
): Pick<RequestLogEntry, 'status' | 'fault' | 'routeStatus' | 'dropped'> {
  const routeStatus = outcome.routeStatus ?? (outcome.drop ? outcome.result.status : undefined);
  return {
    status: outcome.drop ? 0 : outcome.result.status,
    ...(outcome.fault ? { fault: outcome.fault } : {}),
    ...(routeStatus === undefined ? {} : { routeStatus }),
    ...(outcome.drop ? { dropped: true as const } : {}),
  };
}

/** Whether the client has gone (closed its connection or, over HTTP/2, reset the stream). */
function connectionClosed(res: ServerResponse): boolean {
  const stream = (res as unknown as { stream?: ServerHttp2Stream }).stream;
  return stream ? stream.destroyed || stream.closed : res.destroyed;
}

/**
 * Cuts the connection without an answer. Over HTTP/2 (Vite's https server) that is a reset of
 * this request's stream (RST_STREAM CANCEL), as a dying proxy sends; over HTTP/1.1 the socket.
 */
function dropConnection(res: ServerResponse): void {
  const stream = (res as unknown as { stream?: ServerHttp2Stream }).stream;
  if (stream) stream.close(http2.NGHTTP2_CANCEL);
  else res.destroy();
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
