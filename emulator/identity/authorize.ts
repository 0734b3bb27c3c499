import type { IncomingMessage, ServerResponse } from 'node:http';
import { demoApp, DEMO_TENANT_NAME, type DemoApp } from '../constants';
import { findUser } from '../directory';
import { readBody, redirect, sendHtml, type Headers } from '../http';
import { unconsentedScopes } from './consent';
import { AuthError, ERRORS } from './errors';
import { adminApprovalPage, formPostPage, messagePage, signInPage } from './pages';
import type { TokenDeps } from './tokens';

/** The prompt values Entra's workforce tenants accept (`create` is for External ID sign-up). */
const PROMPTS: readonly string[] = ['login', 'none', 'consent', 'select_account'];

interface AuthorizeRequest {
  clientId: string;
  app: DemoApp;
  redirectUri: string;
  responseMode: 'query' | 'fragment' | 'form_post';
  state: string | undefined;
  nonce: string | undefined;
  scope: string;
  codeChallenge: string;
  prompt: string | undefined;
  loginHint: string | undefined;
}

/** GET or POST /oauth2/v2.0/authorize: the account picker, silent sign-in and their errors. */
export function createAuthorizeEndpoint(
  deps: TokenDeps,
  options: {
    ssoCookie: string;
    registered(uri: string, clientId: string): boolean;
    cookie(req: IncomingMessage, name: string): string | undefined;
  },
) {
  const { registered, cookie } = options;
  const SSO_COOKIE = options.ssoCookie;
  return authorize;

  async function authorize(req: IncomingMessage, res: ServerResponse, url: URL) {
    const p = url.searchParams;
    const clientId = p.get('client_id') ?? '';
    const redirectUri = p.get('redirect_uri') ?? '';
    // Without a trusted client and redirect URI, errors can only be shown, never redirected.
    const app = demoApp(clientId);
    if (!app) {
      return errorPage(
        res,
        `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${DEMO_TENANT_NAME}'.`,
      );
    }
    if (!registered(redirectUri, clientId)) {
      return errorPage(
        res,
        `AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
      );
    }
    const mode = p.get('response_mode') ?? 'query';
    const request: AuthorizeRequest = {
      clientId,
      app,
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
    if (request.prompt !== undefined && !PROMPTS.includes(request.prompt)) {
      return fail(ERRORS.invalidPrompt(request.prompt));
    }

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
      const unconsented = unconsentedScopes(deps.tenant(), app, user.id, request.scope).length > 0;
      if (unconsented || request.prompt === 'consent') {
        // Signed in, but asking for a scope nobody consented for this person, or (prompt=consent)
        // for the consent dialog itself, and user consent is not allowed: Entra stops at "Need
        // admin approval" instead of returning a code.
        const fields = authErrorFields(ERRORS.declinedConsent(), request);
        const back =
          request.responseMode === 'form_post'
            ? { action: request.redirectUri, fields }
            : { href: redirectTarget(request, fields) };
        const page = adminApprovalPage({
          userPrincipalName: user.userPrincipalName,
          appName: app.displayName,
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
      if (unconsentedScopes(deps.tenant(), app, user.id, request.scope).length > 0) {
        return fail(ERRORS.consentRequired(app));
      }
      return respond(res, request, codeFields(request, user.id, sessionId, now));
    }
    // login, select_account, consent and no prompt all show the picker and ignore any session:
    // switching demo accounts stays one click (README: where the emulator differs from Entra).
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
