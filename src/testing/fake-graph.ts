/**
 * Microsoft Graph for component tests: it answers only the requests a test told it about, and
 * fails the test on any other. An unexpected request is answered 500, so the page under test
 * shows an error instead of waiting forever, and listed by method and URL when the test ends.
 * Items of a JSON batch go through the same routes one by one, as Graph handles them.
 */
import { onTestFinished } from 'vitest';

export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One request as Graph sees it: a top-level request, or one item of a $batch. */
export interface GraphCall {
  method: GraphMethod;
  /** Absolute, query included. */
  url: URL;
  /** Relative to the base URL, without the query: "/users/u1". */
  path: string;
  body: unknown;
  /** For a $batch item: it came inside this batch. */
  inBatch: boolean;
}

export interface GraphAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type GraphHandler = (
  call: GraphCall,
  match: RegExpExecArray,
) => GraphAnswer | Promise<GraphAnswer>;

export interface FakeGraph {
  readonly baseUrl: string;
  /**
   * Answers `method` on `path`: an exact path relative to the base URL, or a pattern matched
   * against it (anchor it yourself). A later route for the same request wins.
   */
  on(method: GraphMethod, path: string | RegExp, answer: GraphHandler | GraphAnswer): FakeGraph;
  /** Every HTTP request, in order, as sent. */
  readonly requests: readonly GraphCall[];
  /** Every $batch item, in order. */
  readonly batchItems: readonly GraphCall[];
  /** "METHOD url" of each request no route answered. */
  readonly unexpected: readonly string[];
  /** A drop-in for `fetch`. */
  fetch: typeof fetch;
  /** Throws, naming each unexpected request, and forgets them. Runs by itself when a test ends. */
  verify(): void;
}

interface Route {
  method: GraphMethod;
  pattern: RegExp;
  answer: GraphHandler | GraphAnswer;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A Graph error body, as Graph words its envelope. */
export function graphError(status: number, code: string, message = code): GraphAnswer {
  return { status, body: { error: { code, message } } };
}

function methodOf(value: string | undefined): GraphMethod {
  const method = (value ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'POST' || method === 'PATCH' || method === 'DELETE') {
    return method;
  }
  throw new Error(`The fake Graph does not speak ${method}.`);
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string' || body === '') return body ?? undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

export function createFakeGraph(baseUrl = 'https://graph.test/v1.0'): FakeGraph {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/$/, '');
  const routes: Route[] = [];
  const requests: GraphCall[] = [];
  const batchItems: GraphCall[] = [];
  const unexpected: string[] = [];

  function callFor(method: GraphMethod, href: string, body: unknown, inBatch: boolean): GraphCall {
    // Batch items name their URL relative to the version ("/users/u1"), as Graph wants them.
    const url = inBatch ? new URL(`${basePath}${href}`, base) : new URL(href, base);
    const inside = url.origin === base.origin && url.pathname.startsWith(basePath);
    const path = inside ? url.pathname.slice(basePath.length) || '/' : url.href;
    return { method, url, path, body, inBatch };
  }

  async function answer(call: GraphCall): Promise<Required<GraphAnswer>> {
    const route = routes.findLast((r) => r.method === call.method && r.pattern.test(call.path));
    if (!route) {
      const what = `${call.method} ${call.url.href}${call.inBatch ? ' (in a $batch)' : ''}`;
      unexpected.push(what);
      return {
        status: 500,
        headers: {},
        body: { error: { code: 'unexpectedRequest', message: `The test did not expect ${what}` } },
      };
    }
    const given =
      typeof route.answer === 'function'
        ? await route.answer(call, route.pattern.exec(call.path)!)
        : route.answer;
    return { status: given.status ?? 200, headers: given.headers ?? {}, body: given.body };
  }

  async function batch(call: GraphCall): Promise<Required<GraphAnswer>> {
    const items = (call.body as { requests?: unknown } | undefined)?.requests;
    if (!Array.isArray(items)) {
      return {
        status: 400,
        headers: {},
        body: { error: { code: 'BadRequest', message: 'No requests.' } },
      };
    }
    const responses = [];
    for (const item of items as { id: string; method?: string; url: string; body?: unknown }[]) {
      const inner = callFor(methodOf(item.method), item.url, item.body, true);
      batchItems.push(inner);
      responses.push({ id: item.id, ...(await answer(inner)) });
    }
    return { status: 200, headers: {}, body: { responses } };
  }

  const graph: FakeGraph = {
    baseUrl: base.href.replace(/\/$/, ''),
    requests,
    batchItems,
    unexpected,
    on(method, path, response) {
      const pattern = typeof path === 'string' ? new RegExp(`^${escape(path)}$`) : path;
      routes.push({ method, pattern, answer: response });
      return graph;
    },
    async fetch(input, init) {
      const href = input instanceof Request ? input.url : String(input);
      const call = callFor(methodOf(init?.method), href, parseBody(init?.body), false);
      requests.push(call);
      const result =
        call.method === 'POST' && call.path === '/$batch' ? await batch(call) : await answer(call);
      const hasBody = result.body !== undefined && result.status !== 204;
      return new Response(hasBody ? JSON.stringify(result.body) : null, {
        status: result.status,
        headers: hasBody
          ? { 'Content-Type': 'application/json', ...result.headers }
          : result.headers,
      });
    },
    verify() {
      const seen = unexpected.splice(0);
      if (seen.length === 0) return;
      throw new Error(
        `The fake Graph was sent ${seen.length} request(s) no test route answers:\n` +
          seen.map((what) => `  ${what}`).join('\n'),
      );
    },
  };
  onTestFinished(() => graph.verify());
  return graph;
}
