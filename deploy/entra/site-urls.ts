/** The site URLs an admin gives register-app, and the redirect URIs they make. */
import type { Manifest } from './manifest';

export class RegistrationError extends Error {
  override name = 'RegistrationError';
}

/** `https://host/path` → `https://host/path/`; Entra takes https, or http only for localhost. */
export function normalizeSiteUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new RegistrationError(`--url ${input} is not a URL (e.g. https://tapdesk.contoso.com/)`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new RegistrationError(`--url ${input} must be https (http only for localhost)`);
  }
  if (url.search || url.hash) {
    throw new RegistrationError(`--url ${input} must not have a query or a fragment`);
  }
  if (url.pathname.endsWith('.html')) {
    throw new RegistrationError(`--url ${input} must be the folder TAP Desk is served from`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.toString();
}

export function redirectUrisFor(manifest: Manifest, siteUrls: readonly string[]): string[] {
  return [
    ...new Set(
      siteUrls.flatMap((site) => manifest.spa.redirectUris.map((t) => t.replace('{url}', site))),
    ),
  ];
}
