import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MICROSOFT_GLOBAL_CLOUD,
  cacheControl,
  contentSecurityPolicy,
  securityHeaders,
} from './security-headers';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const app = securityHeaders(MICROSOFT_GLOBAL_CLOUD, 'app');
const redirect = securityHeaders(MICROSOFT_GLOBAL_CLOUD, 'redirect');

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('the content security policy', () => {
  const policy = directives(app['Content-Security-Policy'] ?? '');

  it('allows no inline script and no eval', () => {
    expect(policy.get('script-src')).toBe("'self'");
    expect(app['Content-Security-Policy']).not.toMatch(/unsafe-eval|unsafe-hashes|wasm/);
    expect(policy.get('default-src')).toBe("'none'");
  });

  it('connects only to its own origin, the authority and Graph', () => {
    expect(policy.get('connect-src')).toBe(
      "'self' https://login.microsoftonline.com https://graph.microsoft.com",
    );
  });

  it('may not be framed, except redirect.html by itself', () => {
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(app['X-Frame-Options']).toBe('DENY');
    const bridge = directives(redirect['Content-Security-Policy'] ?? '');
    expect(bridge.get('frame-ancestors')).toBe("'self'");
    expect(redirect['X-Frame-Options']).toBe('SAMEORIGIN');
  });

  it('follows the configured origins, for a sovereign cloud or the emulator', () => {
    const csp = contentSecurityPolicy(
      { authority: 'https://login.microsoftonline.us', graph: 'https://graph.microsoft.us' },
      'app',
    );
    expect(directives(csp).get('connect-src')).toBe(
      "'self' https://login.microsoftonline.us https://graph.microsoft.us",
    );
  });

  it('caches hashed assets for good and revalidates everything else', () => {
    expect(cacheControl('/tapdesk/assets/main-abc123.js')).toMatch(/immutable/);
    expect(cacheControl('/tapdesk/config.json')).toBe('no-cache');
    expect(cacheControl('/index.html')).toBe('no-cache');
  });
});

describe('Azure Static Web Apps config', () => {
  const config = JSON.parse(read('public/staticwebapp.config.json')) as {
    navigationFallback: { rewrite: string; exclude: string[] };
    routes: { route: string; headers: Record<string, string> }[];
    globalHeaders: Record<string, string>;
  };

  it('sends every production header on every response', () => {
    expect(config.globalHeaders).toEqual({ ...app, 'Cache-Control': 'no-cache' });
  });

  it('lets redirect.html be framed by its own origin only, and caches hashed assets', () => {
    const bridge = config.routes.find((route) => route.route === '/redirect.html');
    expect(bridge?.headers).toEqual({
      'Content-Security-Policy': redirect['Content-Security-Policy'],
      'X-Frame-Options': redirect['X-Frame-Options'],
    });
    const assets = config.routes.find((route) => route.route === '/assets/*');
    expect(assets?.headers['Cache-Control']).toBe(cacheControl('/assets/x.js'));
  });

  it('falls back to index.html for pages, never for assets or files', () => {
    expect(config.navigationFallback.rewrite).toBe('/index.html');
    expect(config.navigationFallback.exclude).toContain('/assets/*');
  });
});

describe('nginx config', () => {
  const conf = read('deploy/hosting/nginx.conf');
  const quoted = (value: string) => `"${value.replace(/"/g, '\\"')}"`;

  it('sends every production header, always', () => {
    for (const [name, value] of Object.entries(app)) {
      if (name === 'Content-Security-Policy' || name === 'X-Frame-Options') continue;
      expect(conf).toContain(`add_header ${name} ${quoted(value)} always;`);
    }
    expect(conf).toContain('add_header Content-Security-Policy $tapdesk_csp always;');
    expect(conf).toContain('add_header X-Frame-Options $tapdesk_frame_options always;');
    // Cache headers only on successes: a 404 for a missing chunk must not be cached for a year.
    expect(conf).toMatch(/add_header Cache-Control \$tapdesk_cache_control;/);
  });

  it('uses the app policy by default and the framing exception for redirect.html only', () => {
    expect(conf).toContain(`default          ${quoted(app['Content-Security-Policy'] ?? '')};`);
    expect(conf).toContain(
      `~/redirect\\.html$ ${quoted(redirect['Content-Security-Policy'] ?? '')};`,
    );
  });

  it('compresses JavaScript and JSON', () => {
    expect(conf).toMatch(/^\s*gzip on;/m);
    expect(conf).toMatch(/gzip_types[^;]*text\/javascript[^;]*application\/json/);
  });

  it('speaks TLS 1.2 and 1.3 only, and lets the browser choose among their strong suites', () => {
    // Directives as nginx reads them: comments out, whitespace collapsed.
    const code = conf.replace(/#.*$/gm, '').replace(/\s+/g, ' ');
    const directive = (name: string) => code.match(new RegExp(`\\b${name}\\b[^;]*;`, 'g'));
    expect(directive('ssl_protocols')).toEqual(['ssl_protocols TLSv1.2 TLSv1.3;']);
    expect(directive('ssl_prefer_server_ciphers')).toEqual(['ssl_prefer_server_ciphers off;']);
    // In the TLS server block, not in the plain-http one that only redirects.
    expect(code.indexOf('ssl_protocols')).toBeGreaterThan(code.indexOf('listen 443 ssl'));
  });

  it('sets no header inside a location, where nginx would drop the server-level ones', () => {
    const locations = conf.match(/location [^{]+\{[^}]*\}/g) ?? [];
    expect(locations.length).toBeGreaterThan(0);
    for (const block of locations) expect(block).not.toContain('add_header');
  });
});
