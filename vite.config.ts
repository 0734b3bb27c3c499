import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { ensureDevCertificate } from './emulator/cert';
import { createEmulator, DEMO_SETTINGS } from './emulator/index';

/** The demo's config.json, pointed at the emulator: served in demo mode, never built into dist/. */
const DEMO_CONFIG = new URL('./demo/config.json', import.meta.url);

/**
 * Serves the local Entra + Graph emulator on the app's own origin, and the demo's config.json
 * (demo mode only: `npm start`, `npm run dev`, and `npm run preview` of a production build). The
 * emulator is created once the server's port is known: the demo app it registers is at
 * https://localhost:<port>/.
 */
function emulatorPlugin(): Plugin {
  const mount = (middlewares: Connect.Server, port: number | undefined) => {
    const emulator = createEmulator({
      origin: `https://localhost:${port ?? 5173}`,
      settings: DEMO_SETTINGS,
    });
    middlewares.use('/config.json', (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.end(req.method === 'HEAD' ? undefined : readFileSync(DEMO_CONFIG));
    });
    middlewares.use(emulator.middleware);
  };
  return {
    name: 'tap-desk-emulator',
    configureServer(server) {
      mount(server.middlewares, server.config.server.port);
    },
    configurePreviewServer(server) {
      mount(server.middlewares, server.config.preview.port);
    },
  };
}

/** The path the built site is served under: `BASE_PATH=/tapdesk/ npm run build`. Default `/`. */
export function basePath(value = process.env.BASE_PATH): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9._~\-/]*$/.test(trimmed)) {
    throw new Error(`BASE_PATH must be a URL path such as /tapdesk/, not "${value ?? ''}"`);
  }
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

export default defineConfig(async ({ mode, command }) => {
  const demo = mode === 'demo';
  const port = Number(process.env.PORT ?? 5173);
  // MSAL refuses authorities that are not https, even on localhost, so the demo is https too.
  const https = command === 'serve' && demo ? await ensureDevCertificate() : undefined;
  return {
    // The demo serves the emulator at the origin's root, so it always runs at `/`.
    base: demo ? '/' : basePath(),
    plugins: [react(), ...(demo ? [emulatorPlugin()] : [])],
    // Pre-bundled dependencies live beside the project, not in node_modules: checkouts that share
    // one node_modules (git worktrees) would otherwise rewrite each other's React chunk mid-run.
    cacheDir: '.vite',
    server: {
      port,
      strictPort: true,
      https,
      host: 'localhost',
      // End-to-end runs serve a fixed tree: no file watching, so no restart resets the emulator.
      watch: process.env.TAPDESK_NO_WATCH ? null : undefined,
    },
    preview: { port, strictPort: true, https, host: 'localhost' },
    build: {
      target: 'es2022',
      // Source maps would publish the whole source with the site: only on request (SOURCEMAP=1).
      sourcemap: process.env.SOURCEMAP === '1',
      rollupOptions: {
        input: { main: 'index.html', redirect: 'redirect.html' },
      },
    },
  };
});
