import { randomUUID } from 'node:crypto';
import { CONSENTED_SCOPES } from '../constants';
import { GraphError } from '../graph/errors';
import type { GraphContext, GraphResult, GraphRouter } from '../graph/router';

/*
 * JSON batching (docs/graph-facts.md §7): POST /$batch with at most 20 requests. Duplicate ids, unknown
 * dependencies and a body without Content-Type make the whole batch a 400; otherwise the answer
 * is 200 and each item carries its own status. Each item goes through the whole pipeline on its
 * own (throttling, the bearer token, scopes, roles, the route's limiter) and appears in the
 * request log marked as a batch item. A failed dependency gives its dependents 424. Responses
 * come back in an order that is not the request order, as Graph allows.
 */

export const BATCH_LIMIT = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

const badBatch = (message: string) => new GraphError(400, 'BadRequest', message);

function parseBatch(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) throw badBatch('Invalid batch payload format.');
  if (requests.length === 0) throw badBatch('Invalid batch payload format.');
  if (requests.length > BATCH_LIMIT) {
    throw badBatch(`Number of batch request steps exceeds the maximum of ${BATCH_LIMIT}.`);
  }
  const items = requests.map((raw: unknown): BatchItem => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const id = text(r.id);
    const method = text(r.method).toUpperCase();
    const url = text(r.url);
    if (!id || !method || !url) throw badBatch('Invalid batch payload format.');
    if (/^https?:/i.test(url)) {
      throw badBatch(`Batch request ${id}: the url must be relative, such as /me.`);
    }
    const headers = Object.fromEntries(
      Object.entries((r.headers ?? {}) as Record<string, unknown>).map(([k, v]) => [
        k.toLowerCase(),
        String(v),
      ]),
    );
    if (r.body !== undefined && !headers['content-type']) {
      throw badBatch(`Write request id : ${id} does not contain Content-Type header or body.`);
    }
    const dependsOn = Array.isArray(r.dependsOn) ? r.dependsOn.map(String) : [];
    return { id, method, url, headers, body: r.body, dependsOn };
  });
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw badBatch(`Batch request ids must be unique: '${item.id}'.`);
    ids.add(item.id);
  }
  for (const item of items) {
    for (const dependency of item.dependsOn) {
      if (!ids.has(dependency) || dependency === item.id) {
        throw badBatch(`Batch request ${item.id} depends on an unknown request '${dependency}'.`);
      }
    }
  }
  return items;
}

async function runBatch(ctx: GraphContext): Promise<GraphResult> {
  const items = parseBatch(ctx.body);
  const results = new Map<string, GraphResult>();
  const running = new Map<string, Promise<GraphResult>>();
  const run = (item: BatchItem): Promise<GraphResult> => {
    let started = running.get(item.id);
    if (!started) {
      started = (async () => {
        const dependencies = await Promise.all(
          item.dependsOn.map((id) => run(items.find((i) => i.id === id) as BatchItem)),
        );
        if (dependencies.some((d) => d.status >= 400)) {
          return {
            status: 424,
            body: {
              error: {
                code: 'FailedDependency',
                message: 'The request could not run because a request it depends on failed.',
              },
            },
          };
        }
        if (/^\/?\$batch/i.test(item.url)) {
          return {
            status: 400,
            body: { error: { code: 'BadRequest', message: 'A batch cannot contain a batch.' } },
          };
        }
        return ctx.runBatchItem({
          method: item.method,
          url: item.url.startsWith('/') ? item.url : `/${item.url}`,
          headers: {
            ...item.headers,
            authorization: ctx.headers.authorization,
            'request-id': randomUUID(),
          },
          body: item.body === undefined ? '' : JSON.stringify(item.body),
          origin: ctx.origin,
        });
      })();
      running.set(item.id, started);
    }
    return started;
  };
  for (const item of items) results.set(item.id, await run(item));
  // Graph promises no order; answering back to front keeps clients honest.
  const responses = [...items].reverse().map((item) => {
    const result = results.get(item.id) as GraphResult;
    return {
      id: item.id,
      status: result.status,
      headers: {
        ...(result.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...result.headers,
      },
      ...(result.body === undefined ? {} : { body: result.body }),
    };
  });
  return { status: 200, body: { responses } };
}

export function registerBatchRoute(router: GraphRouter): void {
  // The envelope needs only a valid Graph token (any consented scope); each item is authorised
  // on its own by the pipeline.
  router.register('POST', '/$batch', { scopes: CONSENTED_SCOPES }, runBatch);
}
