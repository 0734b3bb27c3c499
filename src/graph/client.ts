/**
 * A typed Microsoft Graph client without React or MSAL: it receives a token source when created.
 * It retries throttled and briefly unavailable reads as Graph asks (Retry-After, else
 * exponential back-off), renews the token once on 401, follows @odata.nextLink for paging and
 * sends JSON batches of at most 20, resending only the throttled items.
 *
 * A write (POST, PATCH, DELETE) is retried only on 429, which means Graph did nothing: a 503,
 * 504 or dropped connection may come after the change was made, so sending it again could make
 * a second pass. The caller reads back what happened instead (decision 0009).
 */
import { GraphError, graphErrorFrom, isRetryableStatus, parseRetryAfter } from './errors';
import { sleep as abortableSleep } from '../lib/sleep';

export type QueryValue = string | number | boolean | undefined;

export interface GraphRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the base URL ("/users"), or an absolute @odata.nextLink. */
  path: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  /** Overrides the client's retries, for callers that pace their own retries (a request budget). */
  maxRetries?: number;
  /**
   * A throttled request is waited for at most this long; a longer Retry-After reaches the
   * caller as the 429. Default: no cap.
   */
  maxWaitSeconds?: number;
  /** Told about each wait before it starts, so a screen can count it down and offer Cancel. */
  onWait?: (seconds: number) => void;
}

export interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
}

export interface BatchItem {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchResult {
  id: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface GraphClientOptions {
  baseUrl: string;
  getToken(options: { forceRefresh: boolean }): Promise<string>;
  fetch?: typeof fetch;
  /** How many times a throttled request is retried before the error reaches the caller. */
  maxRetries?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told about every wait, so screens can say "Graph asked us to wait 10 s". */
  onThrottle?: (seconds: number) => void;
}

export interface GraphClient {
  request<T>(request: GraphRequest): Promise<T>;
  /** Yields each page in turn, following @odata.nextLink verbatim while it stays on Graph. */
  pages<T>(request: GraphRequest): AsyncGenerator<GraphPage<T>>;
  /** Every item of every page. */
  all<T>(request: GraphRequest): Promise<T[]>;
  /**
   * Sends up to any number of items, 20 per $batch, and answers every id. Items still throttled
   * after `maxRetries` (default: the client's) come back with their 429.
   */
  batch(
    items: BatchItem[],
    signal?: AbortSignal,
    options?: { maxRetries?: number },
  ): Promise<Map<string, BatchResult>>;
}

export const BATCH_LIMIT = 20;

/** The code of the GraphError for a URL outside the configured Graph origin. */
export const FOREIGN_URL = 'foreignUrl';

/** A request TAP Desk refused to send: its address is outside the configured Graph origin. */
export class ForeignUrlError extends GraphError {
  constructor(
    /** What would have gone there: one of our requests, or Graph's link to the next page. */
    readonly what: 'request' | 'nextLink',
    /** Where it would have gone; undefined when the address is not a URL. */
    readonly origin: string | undefined,
    readonly graph: string,
  ) {
    super(
      0,
      FOREIGN_URL,
      `${what === 'request' ? 'A Graph request' : "Graph's link to the next page"} leads to ${origin ?? 'an address that is not a URL'}, outside Microsoft Graph at ${graph}; TAP Desk does not send your sign-in there.`,
    );
  }
}

/**
 * Throws unless `url` is on the configured Graph origin: every request carries the signed-in
 * person's Graph token, so it must never go anywhere else, whatever a response links to.
 */
function assertGraphOrigin(url: string, baseUrl: string, what: ForeignUrlError['what']): void {
  const graph = new URL(baseUrl).origin;
  let origin: string | undefined;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = undefined;
  }
  if (origin !== graph) throw new ForeignUrlError(what, origin, graph);
}

/**
 * OData query values go in verbatim but percent-encoded, so user input stays data. An absolute
 * `path` (an @odata.nextLink) must be on the base URL's origin.
 */
export function buildUrl(
  baseUrl: string,
  path: string,
  query?: Record<string, QueryValue>,
): string {
  const url = /^https?:\/\//i.test(path) ? path : `${baseUrl.replace(/\/$/, '')}${path}`;
  assertGraphOrigin(url, baseUrl, 'request');
  const parts = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  if (parts.length === 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

/** A GET, or a $batch of GETs: safe to send again whatever happened to the first try. */
function readsOnly(req: GraphRequest): boolean {
  const method = req.method ?? 'GET';
  if (method === 'GET') return true;
  if (method !== 'POST' || req.path !== '/$batch') return false;
  const requests = (req.body as { requests?: { method: string }[] } | undefined)?.requests ?? [];
  return requests.every((item) => item.method === 'GET');
}

function backoffSeconds(attempt: number): number {
  return Math.min(2 ** attempt, 30);
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const maxRetries = options.maxRetries ?? 4;
  const sleep = options.sleep ?? abortableSleep;

  async function request<T>(req: GraphRequest): Promise<T> {
    const url = buildUrl(options.baseUrl, req.path, req.query);
    const retries = req.maxRetries ?? maxRetries;
    let forceRefresh = false;
    for (let attempt = 0; ; attempt++) {
      const token = await options.getToken({ forceRefresh });
      const headers: Record<string, string> = { Authorization: `Bearer ${token}`, ...req.headers };
      if (req.body !== undefined) headers['Content-Type'] = 'application/json';
      let response: Response;
      try {
        response = await doFetch(url, {
          method: req.method ?? 'GET',
          headers,
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          signal: req.signal,
        });
      } catch (error) {
        if (req.signal?.aborted) throw error;
        throw new GraphError(0, 'networkError', 'Microsoft Graph could not be reached.');
      }
      if (response.status === 401 && !forceRefresh) {
        forceRefresh = true; // the token expired or was revoked: renew it once, then retry
        continue;
      }
      if (response.ok) {
        if (response.status === 204) return undefined as T;
        const text = await response.text();
        return (text ? JSON.parse(text) : undefined) as T;
      }
      const body: unknown = await response.json().catch(() => null);
      const error = graphErrorFrom(response.status, body, response.headers);
      const retryable = readsOnly(req)
        ? isRetryableStatus(response.status)
        : response.status === 429;
      if (!retryable || attempt >= retries) throw error;
      const seconds = error.retryAfterSeconds ?? backoffSeconds(attempt);
      if (req.maxWaitSeconds !== undefined && seconds > req.maxWaitSeconds) throw error;
      options.onThrottle?.(seconds);
      req.onWait?.(seconds);
      await sleep(seconds * 1000, req.signal);
    }
  }

  async function* pages<T>(req: GraphRequest): AsyncGenerator<GraphPage<T>> {
    let next: GraphRequest | undefined = req;
    while (next) {
      const page: GraphPage<T> = await request<GraphPage<T>>(next);
      yield page;
      const link = page['@odata.nextLink'];
      if (link) assertGraphOrigin(link, options.baseUrl, 'nextLink');
      next = link
        ? { path: link, headers: req.headers, signal: req.signal, maxRetries: req.maxRetries }
        : undefined;
    }
  }

  async function all<T>(req: GraphRequest): Promise<T[]> {
    const items: T[] = [];
    for await (const page of pages<T>(req)) items.push(...page.value);
    return items;
  }

  async function batch(
    items: BatchItem[],
    signal?: AbortSignal,
    batchOptions?: { maxRetries?: number },
  ): Promise<Map<string, BatchResult>> {
    const retries = batchOptions?.maxRetries ?? maxRetries;
    const results = new Map<string, BatchResult>();
    let pending = items;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const throttled: BatchItem[] = [];
      let wait = 0;
      for (let start = 0; start < pending.length; start += BATCH_LIMIT) {
        const chunk = pending.slice(start, start + BATCH_LIMIT);
        const answer = await request<{ responses: BatchResult[] }>({
          method: 'POST',
          path: '/$batch',
          body: {
            requests: chunk.map((item) =>
              item.body === undefined
                ? item
                : { ...item, headers: { 'Content-Type': 'application/json', ...item.headers } },
            ),
          },
          signal,
          maxRetries: retries,
        });
        for (const response of answer.responses) {
          const item = chunk.find((candidate) => candidate.id === response.id);
          if (response.status === 429 && item && attempt < retries) {
            throttled.push(item);
            const retryAfter = parseRetryAfter(response.headers?.['Retry-After'] ?? null);
            wait = Math.max(wait, retryAfter ?? backoffSeconds(attempt));
          } else {
            results.set(response.id, { ...response, headers: response.headers ?? {} });
          }
        }
      }
      pending = throttled;
      if (pending.length > 0) {
        options.onThrottle?.(wait);
        await sleep(wait * 1000, signal);
      }
    }
    return results;
  }

  return { request, pages, all, batch };
}
