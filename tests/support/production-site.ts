/**
 * Serves a production build (`vite build` output) the way the shipped hosting configs do: under a
 * path prefix, with the production security headers, hashed assets cached for good and every
 * other path falling back to index.html. The emulator runs on an origin of its own and stands in
 * for the authority and Graph, so the Content-Security-Policy is exercised across origins exactly
 * as in a real tenant. Violations the browser reports (report-uri) are collected.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  cacheControl,
  securityHeaders,
  type TrustedOrigins,
} from '../../deploy/hosting/security-headers';
import { ensureDevCertificate } from '../../emulator/cert';
import { DEMO_TENANT_ID } from '../../emulator/constants';
import type { EmulatorSettings } from '../../emulator/index';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

export const CSP_REPORT_PATH = '/__csp-reports';

export interface CspReport {
  documentUri: string;
  violatedDirective: string;
  blockedUri: string;
  sample?: string;
}

export interface ProductionSite {
  /** The app's address, ending in the base path: https://localhost:1234/tapdesk/ */
  url: string;
  emulatorOrigin: string;
  emulator: RunningEmulator;
  /** Every CSP violation report the browser sent so far. */
  violations(): CspReport[];
  close(): Promise<void>;
}

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const TYPES: Record<string, string> = {
  '.html': HTML,
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': JSON_TYPE,
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function startProductionSite(opts: {
  distDir: string;
  basePath?: string;
  port?: number;
  settings?: Partial<EmulatorSettings>;
}): Promise<ProductionSite> {
  const distDir = resolve(opts.distDir);
  const basePath = opts.basePath ?? '/';
  const reports: CspReport[] = [];
  const { key, cert } = await ensureDevCertificate();
  let origins: TrustedOrigins | undefined = undefined;
  let siteConfig = '';

  // Compressed when the browser accepts it, as Static Web Apps and the nginx config do.
  const send = (
    res: ServerResponse,
    status: number,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ) => {
    const accepts = /\bgzip\b/.test(String(res.req.headers['accept-encoding'] ?? ''));
    if (accepts && body.length >= 1024) {
      res.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      res.end(gzipSync(body));
      return;
    }
    res.writeHead(status, headers);
    res.end(body);
  };

  const server = createServer({ key, cert }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://site.invalid');
    if (url.pathname === CSP_REPORT_PATH && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const report = (JSON.parse(body) as { 'csp-report'?: Record<string, string> })[
          'csp-report'
        ];
        reports.push({
          documentUri: report?.['document-uri'] ?? '',
          violatedDirective: report?.['violated-directive'] ?? '',
          blockedUri: report?.['blocked-uri'] ?? '',
          sample: report?.['script-sample'],
        });
        send(res, 204, '');
      });
      return;
    }
    void serve(url.pathname, res).catch(() => send(res, 500, 'Internal error'));
  });

  async function serve(pathname: string, res: ServerResponse) {
    if (`${pathname}/` === basePath) {
      return send(res, 301, '', { Location: basePath });
    }
    if (!pathname.startsWith(basePath) || !origins) return send(res, 404, 'Not found');
    const relative = decodeURIComponent(pathname.slice(basePath.length));
    const file = resolve(distDir, relative);
    if (file !== distDir && !file.startsWith(distDir + sep)) return send(res, 404, 'Not found');

    const page = relative === 'redirect.html' ? 'redirect' : 'app';
    const shippedHeaders = securityHeaders(origins, page);
    const headers = {
      ...shippedHeaders,
      // The test server adds where to report; the policy itself is the shipped one.
      'Content-Security-Policy': `${shippedHeaders['Content-Security-Policy'] ?? ''}; report-uri ${CSP_REPORT_PATH}`,
      'Cache-Control': cacheControl(pathname),
    };

    if (relative === 'config.json') {
      return send(res, 200, siteConfig, { ...headers, 'Content-Type': JSON_TYPE });
    }
    if (relative !== '' && (await isFile(file))) {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      return send(res, 200, await readFile(file), { ...headers, 'Content-Type': type });
    }
    // Hashed assets and files with an extension never fall back: a missing chunk is a 404.
    if (relative.startsWith('assets/') || extname(relative) !== '') {
      return send(res, 404, 'Not found', headers);
    }
    const index = await readFile(join(distDir, 'index.html'));
    return send(res, 200, index, { ...headers, 'Content-Type': HTML });
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, 'localhost', () => done());
  });
  const siteOrigin = `https://localhost:${(server.address() as AddressInfo).port}`;
  const emulator = await startEmulator({
    port: 0,
    settings: opts.settings,
    appUrls: [`${siteOrigin}${basePath}`],
  });
  origins = { authority: emulator.origin, graph: emulator.origin };

  // The deployment's config.json, which a build never contains: the demo's, pointed at this
  // tenant. Served in place of any config.json in distDir, as a deployment puts its own.
  const demoConfig = new URL('../../demo/config.json', import.meta.url);
  const shipped = JSON.parse(await readFile(demoConfig, 'utf8')) as {
    auth: Record<string, unknown>;
    graph: Record<string, unknown>;
  };
  siteConfig = JSON.stringify({
    ...shipped,
    auth: { ...shipped.auth, authority: `${emulator.origin}/login/${DEMO_TENANT_ID}/v2.0` },
    graph: { ...shipped.graph, baseUrl: `${emulator.origin}/graph/v1.0` },
  });

  return {
    url: `${siteOrigin}${basePath}`,
    emulatorOrigin: emulator.origin,
    emulator,
    violations: () => [...reports],
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await emulator.close();
    },
  };
}
