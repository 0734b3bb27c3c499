/**
 * Microsoft Graph v1.0 for the registration: everything goes through one small
 * `graph(method, path, body?, headers?)` function, so the tests run against a fake Graph and the
 * CLI (register-app.ts) against the real one.
 */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface GraphResponse {
  status: number;
  body: unknown;
}

/** One Microsoft Graph v1.0 request; `path` is relative to https://graph.microsoft.com/v1.0. */
export type Graph = (
  method: HttpMethod,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<GraphResponse>;

export class GraphRequestError extends Error {
  override name = 'GraphRequestError';
  constructor(
    readonly method: HttpMethod,
    readonly path: string,
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(`${method} ${path} failed: ${status} ${code}${detail ? `: ${detail}` : ''}`);
  }
}

export function failure(
  method: HttpMethod,
  path: string,
  response: GraphResponse,
): GraphRequestError {
  const error = (response.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return new GraphRequestError(
    method,
    path,
    response.status,
    typeof error?.code === 'string' ? error.code : 'Error',
    typeof error?.message === 'string' ? error.message : '',
  );
}

export async function get<T>(graph: Graph, path: string, allow404 = false): Promise<T | null> {
  const response = await graph('GET', path);
  if (response.status === 404 && allow404) return null;
  if (response.status !== 200) throw failure('GET', path, response);
  return response.body as T;
}

export const quote = (value: string) => value.replace(/'/g, "''");
export const filter = (expression: string) => `$filter=${encodeURIComponent(expression)}`;
