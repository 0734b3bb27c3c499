/**
 * The production security headers, in one place. `public/staticwebapp.config.json` and
 * `deploy/hosting/nginx.conf` carry exactly these values for Microsoft's global cloud (a test
 * holds them to it), and the end-to-end CSP test serves the production build behind the same
 * policy with the emulator standing in for the authority and Graph.
 */

/** The only origins the app talks to besides its own. */
export interface TrustedOrigins {
  /** The Entra sign-in authority, e.g. https://login.microsoftonline.com */
  authority: string;
  /** Microsoft Graph, e.g. https://graph.microsoft.com */
  graph: string;
}

export const MICROSOFT_GLOBAL_CLOUD: TrustedOrigins = {
  authority: 'https://login.microsoftonline.com',
  graph: 'https://graph.microsoft.com',
};

/**
 * `app`: every page of the SPA. `redirect`: redirect.html, the page the authority sends the
 * sign-in response to. MSAL renews tokens silently in a hidden iframe of our own page that ends
 * on redirect.html, so only that page may be framed, and only by our own origin.
 */
export type PageKind = 'app' | 'redirect';

export function contentSecurityPolicy(origins: TrustedOrigins, page: PageKind): string {
  const unique = (values: string[]) => [...new Set(values)].join(' ');
  const directives: [string, string][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    // MUI styles through emotion, which injects <style> elements at run time. A nonce would need a
    // server that rewrites every response; a static host cannot, so inline style is allowed.
    // Script stays strict: no inline script, no eval.
    ['style-src', "'self' 'unsafe-inline'"],
    // The QR code of the registration URL is a data: image.
    ['img-src', "'self' data:"],
    ['font-src', "'self'"],
    // 'self' for config.json; then only the authority (discovery, token) and Graph.
    ['connect-src', unique(["'self'", origins.authority, origins.graph])],
    // The hidden silent-renewal frame visits the authority and returns to redirect.html.
    ['frame-src', unique(["'self'", origins.authority])],
    ['manifest-src', "'self'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', page === 'redirect' ? "'self'" : "'none'"],
    ['require-trusted-types-for', "'script'"],
    ['trusted-types', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** Powerful features the app never uses are switched off; clipboard-write stays for "Copy". */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
  'clipboard-read=()',
  'clipboard-write=(self)',
].join(', ');

export function securityHeaders(origins: TrustedOrigins, page: PageKind): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(origins, page),
    'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': page === 'redirect' ? 'SAMEORIGIN' : 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * Hashed assets never change; everything else (index.html, redirect.html, config.json) must be
 * revalidated so a deployment or a config change takes effect on the next load.
 */
export function cacheControl(path: string): string {
  return /\/assets\/[^/]+$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
