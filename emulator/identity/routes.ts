import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_CLIENT_ID, DEMO_DOMAIN, DEMO_TENANT_ID } from '../constants';
import { applyCors, header, redirect, requestOrigin, sendHtml, sendJson } from '../http';
import { createAuthorizeEndpoint } from './authorize';
import { AuthError, tokenError } from './errors';
import { messagePage } from './pages';
import { createTokenEndpoint } from './token-endpoint';
import { issuerFor, type TokenDeps } from './tokens';

const SSO_COOKIE = 'emu_sso';
const CORS = { methods: 'GET, POST, OPTIONS', allowHeaders: 'reflect' } as const;

/** Routes /login/{tenant}/...: discovery, keys, authorize, token and logout. */
export function createIdentityHandler(deps: TokenDeps) {
  const authorize = createAuthorizeEndpoint(deps, { ssoCookie: SSO_COOKIE, registered, cookie });
  const token = createTokenEndpoint(deps);
  return async function handleIdentity(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<void> {
    const match = /^\/login\/([^/]+)\/(.+)$/.exec(url.pathname);
    const tenant = match?.[1]?.toLowerCase();
    const rest = match?.[2];
    const origin = requestOrigin(req);
    const known = tenant === DEMO_TENANT_ID || tenant === DEMO_DOMAIN;
    const cors =
      rest === 'oauth2/v2.0/token' || rest?.includes('.well-known') || rest?.includes('/keys');
    if (cors && applyCors(req, res, CORS)) return;
    if (!known || !rest) {
      sendJson(
        res,
        400,
        tokenError(
          new AuthError('invalid_tenant', 90002, `Tenant '${tenant ?? ''}' not found.`),
          req,
        ),
      );
      return;
    }
    switch (`${req.method} ${rest}`) {
      case 'GET v2.0/.well-known/openid-configuration':
        return sendJson(res, 200, discovery(origin));
      case 'GET discovery/v2.0/keys':
        return sendJson(res, 200, deps.signer.jwks);
      case 'GET oauth2/v2.0/authorize':
      case 'POST oauth2/v2.0/authorize':
        return authorize(req, res, url);
      case 'POST oauth2/v2.0/token':
        return token(req, res, origin);
      case 'GET oauth2/v2.0/logout':
        return logout(req, res, url);
      default:
        return sendJson(res, 404, {
          error: 'not_found',
          error_description: `No endpoint at ${url.pathname}`,
        });
    }
  };

  /**
   * Whether `uri` is one of the redirect URIs of the demo app registration `clientId` (sign-out
   * is TAP Desk's). Entra compares the whole URI with the registered ones (AADSTS50011), never
   * only its origin, and the list is the registration: what a request says (its Host header,
   * say) cannot add to it.
   */
  function registered(uri: string, clientId = DEMO_CLIENT_ID): boolean {
    const href = absoluteHref(uri);
    const uris = deps.redirectUris?.[clientId] ?? [];
    return href !== undefined && uris.some((allowed) => absoluteHref(allowed) === href);
  }

  function logout(req: IncomingMessage, res: ServerResponse, url: URL) {
    const session = cookie(req, SSO_COOKIE);
    if (session) deps.store.sessions.delete(session);
    const clear = {
      'Set-Cookie': `${SSO_COOKIE}=; HttpOnly; Secure; SameSite=None; Path=/login; Max-Age=0`,
    };
    const target = url.searchParams.get('post_logout_redirect_uri');
    if (target && registered(target)) {
      const state = url.searchParams.get('state');
      const location = new URL(target);
      if (state) location.searchParams.set('state', state);
      return redirect(res, location.toString(), clear);
    }
    return sendHtml(
      res,
      200,
      messagePage(
        'You have signed out',
        'You have signed out of your account. It is a good idea to close all browser windows.',
      ),
      clear,
    );
  }
}

function discovery(origin: string) {
  const base = `${origin}/login/${DEMO_TENANT_ID}`;
  return {
    issuer: issuerFor(origin),
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    token_endpoint_auth_methods_supported: ['none'],
    response_types_supported: ['code'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'nbf',
      'nonce',
      'name',
      'preferred_username',
      'email',
      'oid',
      'tid',
      'ver',
      'roles',
      'wids',
    ],
    request_uri_parameter_supported: false,
    frontchannel_logout_supported: false,
    http_logout_supported: true,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
  };
}

/** The URI as a URL writes it (host in lower case, an empty path as /); undefined if none. */
function absoluteHref(uri: string): string | undefined {
  try {
    return new URL(uri).href;
  } catch {
    return undefined;
  }
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (header(req, 'cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
