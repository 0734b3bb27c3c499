import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { demoApp, DEMO_TENANT_NAME, type DemoApp } from '../constants';
import { readBody, sendJson } from '../http';
import { consentedGraphScopes, unconsentedScopes } from './consent';
import { AuthError, ERRORS, tokenError } from './errors';
import { parseScopes } from './scopes';
import { CODE_LIFETIME_MS, ROTATION_GRACE_MS, SPA_SESSION_MS } from './store';
import { issueTokens, type TokenDeps } from './tokens';

/** POST /oauth2/v2.0/token: an authorization code or a refresh token for tokens. */
export function createTokenEndpoint(deps: TokenDeps) {
  return token;

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
      const app = demoApp(clientId);
      if (!app) {
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
      sendJson(res, 200, await redeem(app, form, origin, now));
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      sendJson(res, 400, tokenError(error, req, form.get('client-request-id')));
    }
  }

  async function redeemCode(app: DemoApp, form: URLSearchParams, origin: string, now: number) {
    const code = deps.store.codes.get(form.get('code') ?? '');
    // A code is bound to the app it was issued to; Entra refuses it to any other.
    if (!code || code.clientId !== app.clientId)
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
      {
        app,
        user,
        ...consentedScopes(app, user.id, code.scope),
        nonce: code.nonce,
        signedInAt: now,
      },
      origin,
      now,
    );
  }

  async function redeemRefreshToken(
    app: DemoApp,
    form: URLSearchParams,
    origin: string,
    now: number,
  ) {
    const value = form.get('refresh_token') ?? '';
    const grant = deps.store.refreshTokens.get(value);
    // Only Microsoft's own family of apps share refresh tokens; TAP Desk's two apps do not.
    if (!grant || grant.clientId !== app.clientId)
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
      {
        app,
        user,
        ...consentedScopes(app, user.id, scope),
        nonce: undefined,
        signedInAt: grant.signedInAt,
      },
      origin,
      now,
    );
    grant.rotatedAt ??= now;
    return tokens;
  }

  /** Consent is checked again at every token: a grant removed since sign-in refuses it. */
  function consentedScopes(app: DemoApp, userId: string, scope: string) {
    const tenant = deps.tenant();
    const scopes = parseScopes(scope, consentedGraphScopes(tenant, app, userId));
    const unconsented = unconsentedScopes(tenant, app, userId, scope);
    if (scopes.unconsented.length > 0 || unconsented.length > 0) {
      throw ERRORS.notConsented(app);
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
}
