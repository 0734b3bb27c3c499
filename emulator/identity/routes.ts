import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DEMO_APP_NAME,
  DEMO_CLIENT_ID,
  DEMO_DOMAIN,
  DEMO_TENANT_ID,
  DEMO_TENANT_NAME,
} from '../constants';
import { findUser } from '../directory';
import {
  applyCors,
  header,
  readBody,
  redirect,
  requestOrigin,
  sendHtml,
  sendJson,
  type Headers,
} from '../http';
import {
  DECLINED_CONSENT,
  NOT_CONSENTED,
  consentedGraphScopes,
  unconsentedScopes,
} from './consent';
import { adminApprovalPage, formPostPage, messagePage, signInPage } from './pages';
import { parseScopes } from './scopes';
import { CODE_LIFETIME_MS, ROTATION_GRACE_MS, SPA_SESSION_MS } from './store';
import { issueTokens, issuerFor, type TokenDeps } from './tokens';

const SSO_COOKIE = 'emu_sso';
const CORS = { methods: 'GET, POST, OPTIONS', allowHeaders: 'reflect' } as const;

/** An Entra-style OAuth error: `AADSTS{code}: {message}`. */
class AuthError extends Error {
  constructor(
    readonly error: string,
    readonly code: number,
    message: string,
    readonly suberror?: string,
  ) {
    super(`AADSTS${code}: ${message}`);
  }
}

const ERRORS = {
  loginRequired: () =>
    new AuthError(
      'login_required',
      50058,
      'A silent sign-in request was sent but no user is signed in.',
    ),
  pkceRequired: () =>
    new AuthError(
      'invalid_request',
      9002325,
      'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
    ),
  s256Required: () =>
    new AuthError(
      'invalid_request',
      501491,
      "Invalid code_challenge_method: this application requires 'S256'.",
    ),
  /** prompt=none, or a token, for a scope no administrator consented for this person. */
  consentRequired: () => new AuthError('consent_required', 65001, NOT_CONSENTED),
  notConsented: () => new AuthError('invalid_grant', 65001, NOT_CONSENTED, 'consent_required'),
  /** Back from "Need admin approval" without consent. */
  declinedConsent: () => new AuthError('access_denied', 65004, DECLINED_CONSENT),
};

interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  responseMode: 'query' | 'fragment' | 'form_post';
  state: string | undefined;
  nonce: string | undefined;
  scope: string;
  codeChallenge: string;
  prompt: string | undefined;
  loginHint: string | undefined;
}

/** Routes /login/{tenant}/...: discovery, keys, authorize, token and logout. */
export function createIdentityHandler(deps: TokenDeps) {
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
   * Whether `uri` is one of the demo app registration's redirect URIs. Entra compares the whole
   * URI with the registered ones (AADSTS50011), never only its origin, and the list is the
   * registration: what a request says (its Host header, say) cannot add to it.
   */
  function registered(uri: string): boolean {
    const href = absoluteHref(uri);
    const uris = deps.redirectUris ?? [];
    return href !== undefined && uris.some((allowed) => absoluteHref(allowed) === href);
  }

  async function authorize(req: IncomingMessage, res: ServerResponse, url: URL) {
    const p = url.searchParams;
    const clientId = p.get('client_id') ?? '';
    const redirectUri = p.get('redirect_uri') ?? '';
    // Without a trusted client and redirect URI, errors can only be shown, never redirected.
    if (clientId !== DEMO_CLIENT_ID) {
      return errorPage(
        res,
        `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${DEMO_TENANT_NAME}'.`,
      );
    }
    if (!registered(redirectUri)) {
      return errorPage(
        res,
        `AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
      );
    }
    const mode = p.get('response_mode') ?? 'query';
    const request: AuthorizeRequest = {
      clientId,
      redirectUri,
      responseMode: mode === 'fragment' || mode === 'form_post' ? mode : 'query',
      state: p.get('state') ?? undefined,
      nonce: p.get('nonce') ?? undefined,
      scope: p.get('scope') ?? '',
      codeChallenge: p.get('code_challenge') ?? '',
      prompt: p.get('prompt') ?? undefined,
      loginHint: p.get('login_hint') ?? undefined,
    };
    const fail = (error: AuthError) => respond(res, request, authErrorFields(error, request));
    if (p.get('response_type') !== 'code') {
      return fail(
        new AuthError(
          'unsupported_response_type',
          700054,
          `response_type '${p.get('response_type') ?? ''}' is not enabled for the application.`,
        ),
      );
    }
    if (!request.scope.trim()) {
      return fail(
        new AuthError(
          'invalid_request',
          900144,
          "The request body must contain the following parameter: 'scope'.",
        ),
      );
    }
    if (!request.codeChallenge) return fail(ERRORS.pkceRequired());
    if ((p.get('code_challenge_method') ?? 'plain') !== 'S256') return fail(ERRORS.s256Required());

    const now = Date.now();
    if (req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const username = (form.get('username') ?? '').trim();
      const user = username ? findUser(deps.tenant(), username) : undefined;
      const action = `${url.pathname}${url.search}`;
      if (!user) {
        const error =
          'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.';
        return sendHtml(res, 200, signInPage({ action, loginHint: username, error }));
      }
      if (!user.accountEnabled) {
        const error = `AADSTS50057: The user account ${user.userPrincipalName} is disabled.`;
        return sendHtml(res, 200, signInPage({ action, loginHint: username, error }));
      }
      const sessionId = deps.store.newSession(user.id, now);
      const setCookie = `${SSO_COOKIE}=${sessionId}; HttpOnly; Secure; SameSite=None; Path=/login`;
      if (unconsentedScopes(deps.tenant(), user.id, request.scope).length > 0) {
        // Signed in, but asking for a scope nobody consented for this person, and user consent
        // is not allowed: Entra stops at "Need admin approval" instead of returning a code.
        const fields = authErrorFields(ERRORS.declinedConsent(), request);
        const back =
          request.responseMode === 'form_post'
            ? { action: request.redirectUri, fields }
            : { href: redirectTarget(request, fields) };
        const page = adminApprovalPage({
          userPrincipalName: user.userPrincipalName,
          appName: DEMO_APP_NAME,
          back,
        });
        return sendHtml(res, 200, page, { 'Set-Cookie': setCookie });
      }
      const fields = codeFields(request, user.id, sessionId, now);
      return respond(res, request, fields, { 'Set-Cookie': setCookie });
    }
    if (request.prompt === 'none') {
      const sessionId = cookie(req, SSO_COOKIE);
      const session = deps.store.liveSession(sessionId, now);
      const user = session && deps.tenant().users.find((u) => u.id === session.userId);
      const hintMatches =
        !request.loginHint ||
        user?.userPrincipalName.toLowerCase() === request.loginHint.toLowerCase();
      if (!session || !sessionId || !user?.accountEnabled || !hintMatches) {
        return fail(ERRORS.loginRequired());
      }
      if (unconsentedScopes(deps.tenant(), user.id, request.scope).length > 0) {
        return fail(ERRORS.consentRequired());
      }
      return respond(res, request, codeFields(request, user.id, sessionId, now));
    }
    // Interactive requests always show the picker, so switching demo accounts is one click.
    return sendHtml(
      res,
      200,
      signInPage({ action: `${url.pathname}${url.search}`, loginHint: request.loginHint }),
    );
  }

  function codeFields(request: AuthorizeRequest, userId: string, sessionId: string, now: number) {
    const code = deps.store.newCode(
      {
        userId,
        clientId: request.clientId,
        redirectUri: request.redirectUri,
        codeChallenge: request.codeChallenge,
        scope: request.scope,
        nonce: request.nonce,
      },
      now,
    );
    return {
      code,
      ...(request.state !== undefined ? { state: request.state } : {}),
      session_state: sessionId,
    };
  }

  async function token(req: IncomingMessage, res: ServerResponse, origin: string) {
    const form = new URLSearchParams(await readBody(req));
    const now = Date.now();
    try {
      const clientId = form.get('client_id');
      if (!clientId)
        throw new AuthError(
          'invalid_request',
          900144,
          "The request body must contain the following parameter: 'client_id'.",
        );
      if (clientId !== DEMO_CLIENT_ID) {
        throw new AuthError(
          'unauthorized_client',
          700016,
          `Application with identifier '${clientId}' was not found in the directory '${DEMO_TENANT_NAME}'.`,
        );
      }
      const grantType = form.get('grant_type') ?? '';
      const grants: Record<string, typeof redeemCode | undefined> = {
        authorization_code: redeemCode,
        refresh_token: redeemRefreshToken,
      };
      const redeem = grants[grantType];
      if (!redeem) {
        const message = `The app requested an unsupported grant type '${grantType}'.`;
        throw new AuthError('unsupported_grant_type', 70003, message);
      }
      sendJson(res, 200, await redeem(form, origin, now));
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      sendJson(res, 400, tokenError(error, req, form.get('client-request-id')));
    }
  }

  async function redeemCode(form: URLSearchParams, origin: string, now: number) {
    const code = deps.store.codes.get(form.get('code') ?? '');
    if (!code)
      throw new AuthError(
        'invalid_grant',
        9002313,
        'Invalid request. Request is malformed or invalid.',
      );
    if (code.redeemed) {
      throw new AuthError(
        'invalid_grant',
        54005,
        'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
      );
    }
    if (now - code.issuedAt > CODE_LIFETIME_MS) {
      throw new AuthError(
        'invalid_grant',
        70008,
        'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
      );
    }
    if (form.get('redirect_uri') !== code.redirectUri) {
      throw new AuthError(
        'invalid_grant',
        50011,
        `The redirect URI '${form.get('redirect_uri') ?? ''}' specified in the request does not match the redirect URI used in the authorization request.`,
      );
    }
    const verifier = form.get('code_verifier');
    if (!verifier) throw ERRORS.pkceRequired();
    if (createHash('sha256').update(verifier).digest('base64url') !== code.codeChallenge) {
      throw new AuthError(
        'invalid_grant',
        501481,
        'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
      );
    }
    code.redeemed = true;
    const user = activeUser(code.userId);
    return issueTokens(
      deps,
      { user, ...consentedScopes(user.id, code.scope), nonce: code.nonce, signedInAt: now },
      origin,
      now,
    );
  }

  async function redeemRefreshToken(form: URLSearchParams, origin: string, now: number) {
    const value = form.get('refresh_token') ?? '';
    const grant = deps.store.refreshTokens.get(value);
    if (!grant)
      throw new AuthError(
        'invalid_grant',
        9002313,
        'Invalid request. Request is malformed or invalid.',
      );
    if (grant.epoch !== deps.store.sessionEpoch) {
      throw new AuthError(
        'invalid_grant',
        50173,
        `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${new Date(grant.issuedAt).toISOString()}'.`,
        'bad_token',
      );
    }
    if (now - grant.signedInAt > SPA_SESSION_MS) {
      throw new AuthError(
        'invalid_grant',
        700084,
        'The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page.',
      );
    }
    if (grant.rotatedAt !== null && now - grant.rotatedAt > ROTATION_GRACE_MS) {
      throw new AuthError('invalid_grant', 70000, 'Provided grant is invalid or malformed.');
    }
    const user = activeUser(grant.userId);
    const scope = form.get('scope') ?? grant.scope;
    const tokens = await issueTokens(
      deps,
      { user, ...consentedScopes(user.id, scope), nonce: undefined, signedInAt: grant.signedInAt },
      origin,
      now,
    );
    grant.rotatedAt ??= now;
    return tokens;
  }

  /** Consent is checked again at every token: a grant removed since sign-in refuses it. */
  function consentedScopes(userId: string, scope: string) {
    const tenant = deps.tenant();
    const scopes = parseScopes(scope, consentedGraphScopes(tenant, userId));
    if (scopes.unconsented.length > 0 || unconsentedScopes(tenant, userId, scope).length > 0) {
      throw ERRORS.notConsented();
    }
    return { scopes, scope };
  }

  function activeUser(userId: string) {
    const user = deps.tenant().users.find((u) => u.id === userId);
    if (!user)
      throw new AuthError(
        'invalid_grant',
        50034,
        'The user account does not exist in the directory.',
      );
    if (!user.accountEnabled)
      throw new AuthError('invalid_grant', 50057, 'The user account is disabled.');
    return user;
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

function respond(
  res: ServerResponse,
  request: AuthorizeRequest,
  fields: Record<string, string>,
  headers: Headers = {},
) {
  if (request.responseMode === 'form_post') {
    return sendHtml(res, 200, formPostPage(request.redirectUri, fields), headers);
  }
  return redirect(res, redirectTarget(request, fields), headers);
}

/** The redirect URI with the response in its query or fragment. */
function redirectTarget(request: AuthorizeRequest, fields: Record<string, string>): string {
  const target = new URL(request.redirectUri);
  const params = new URLSearchParams(fields);
  if (request.responseMode === 'fragment') target.hash = params.toString();
  else params.forEach((value, key) => target.searchParams.set(key, value));
  return target.toString();
}

function errorPage(res: ServerResponse, message: string) {
  sendHtml(res, 400, messagePage('Sign-in error', message));
}

function authErrorFields(error: AuthError, request: AuthorizeRequest): Record<string, string> {
  return {
    error: error.error,
    error_description: error.message,
    // MSAL reads the AADSTS number (errorNo) from here.
    error_uri: `https://login.microsoftonline.com/error?code=${error.code}`,
    ...(error.suberror ? { error_subcode: error.suberror } : {}),
    ...(request.state !== undefined ? { state: request.state } : {}),
  };
}

function tokenError(error: AuthError, req: IncomingMessage, clientRequestId?: string | null) {
  const traceId = randomUUID();
  const correlationId = clientRequestId ?? header(req, 'client-request-id') ?? randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    error: error.error,
    error_description: `${error.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [error.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    ...(error.suberror ? { suberror: error.suberror } : {}),
  };
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
