import type { IncomingMessage, ServerResponse } from 'node:http';

export type Headers = Record<string, string | string[]>;

/** The https origin the browser used: the emulator answers on whatever host serves it. */
export function requestOrigin(req: IncomingMessage): string {
  // Vite serves https over HTTP/2, where the host arrives as the :authority pseudo-header.
  const authority = req.headers[':authority'];
  const host = req.headers.host ?? (typeof authority === 'string' ? authority : undefined);
  return `https://${host ?? 'localhost'}`;
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) throw new Error('Request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | undefined,
  headers: Headers = {},
): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Headers = {},
) {
  send(res, status, JSON.stringify(body), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Headers = {}) {
  send(res, status, html, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
}

export function redirect(res: ServerResponse, location: string, headers: Headers = {}) {
  send(res, 302, undefined, { Location: location, 'Cache-Control': 'no-store', ...headers });
}

export interface CorsPolicy {
  methods: string;
  /** Allowed request headers; 'reflect' echoes whatever the preflight asks for. */
  allowHeaders: string | 'reflect';
  exposeHeaders?: string;
  /**
   * The origins whose pages may read the answers. Left out, every origin may, as Graph and
   * Entra's token endpoint allow: a caller needs a bearer token or a PKCE verifier, no cookie.
   */
  allowOrigin?: (origin: string) => boolean;
}

/**
 * Adds CORS headers for the request's Origin when the policy allows it; answers a preflight and
 * returns true if it was one. A preflight from an origin not allowed gets no CORS headers, so the
 * browser does not send the request.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, policy: CorsPolicy): boolean {
  const origin = header(req, 'origin');
  const refused = origin !== undefined && policy.allowOrigin?.(origin) === false;
  if (origin && !refused) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    if (policy.exposeHeaders) res.setHeader('Access-Control-Expose-Headers', policy.exposeHeaders);
  }
  if (req.method !== 'OPTIONS') return false;
  if (refused) {
    send(res, 204, undefined);
    return true;
  }
  const requested = header(req, 'access-control-request-headers') ?? '';
  send(res, 204, undefined, {
    'Access-Control-Allow-Methods': policy.methods,
    'Access-Control-Allow-Headers':
      policy.allowHeaders === 'reflect' ? requested : policy.allowHeaders,
    'Access-Control-Max-Age': '600',
  });
  return true;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
