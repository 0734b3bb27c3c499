import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ensureDevCertificate } from './cert';
import { createEmulator, type Emulator, type EmulatorOptions } from './index';

export interface RunningEmulator {
  origin: string;
  emulator: Emulator;
  close(): Promise<void>;
}

/** The emulator on its own https server (the dev certificate); port 0 picks a free port. */
export async function startEmulator(
  opts: EmulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningEmulator> {
  const { key, cert } = await ensureDevCertificate();
  const server = createServer({ key, cert });
  // Node closes a keep-alive connection after 5 s idle; a client that sends on it as it closes
  // gets a reset. With a 150,000-user tenant one page can take the event loop for seconds, and
  // every other connection then crosses that line at once. Graph's front end keeps them far longer.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 121_000;
  const host = opts.host ?? 'localhost';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // The certificate names localhost; wildcard binds are still reached through it.
  const name = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(host) ? 'localhost' : host;
  const origin = `https://${name}:${port}`;
  // Created once listening, when its origin is known (port 0 picks one); this runs before the
  // event loop reads any request.
  const { settings, appUrls, wait, now, directoryQuotas } = opts;
  const emulator = createEmulator({ settings, origin, appUrls, wait, now, directoryQuotas });
  server.on('request', (req, res) =>
    emulator.middleware(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Not found: the emulator serves /login, /graph and /emulator.');
    }),
  );
  return {
    origin,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
