import { errors } from 'jose';
import { DEMO_TENANT_ID } from '../constants';
import type { Signer } from '../identity/keys';
import type { IdentityStore } from '../identity/store';
import { ACCESS_TOKEN_AUDIENCES, ACCESS_TOKEN_ISSUER } from '../identity/tokens';
import { GraphError } from './errors';
import type { Caller } from './router';

const EXPIRED = 'Lifetime validation failed, the token is expired.';

/** Validates a Graph bearer token the way Graph does, answering 401 InvalidAuthenticationToken. */
export async function authenticate(
  authorization: string | undefined,
  signer: Signer,
  store: IdentityStore,
  origin: string,
): Promise<Caller & { appId: string }> {
  const unauthorized = (message: string) =>
    new GraphError(401, 'InvalidAuthenticationToken', message, {
      'WWW-Authenticate': `Bearer realm="", authorization_uri="${origin}/login/${DEMO_TENANT_ID}/oauth2/v2.0/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
    });
  const token = /^Bearer\s+(.*)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (!token) throw unauthorized('Access token is empty.');
  if (token.split('.').length !== 3) {
    throw unauthorized('IDX14100: JWT is not well formed, there are no dots (.).');
  }
  let claims;
  try {
    claims = await signer.verify(token, {
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCES,
    });
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthorized(EXPIRED);
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      throw unauthorized('IDX10511: Signature validation failed.');
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      const reason =
        error.claim === 'aud'
          ? 'Invalid audience.'
          : error.claim === 'iss'
            ? 'Invalid issuer.'
            : `Invalid ${error.claim} claim.`;
      throw unauthorized(`Access token validation failure. ${reason}`);
    }
    throw unauthorized('Access token validation failure.');
  }
  if (store.isAccessTokenExpired(claims.uti)) throw unauthorized(EXPIRED);
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    oid: text(claims.oid),
    upn: text(claims.upn),
    scopes: text(claims.scp).split(' ').filter(Boolean),
    wids: Array.isArray(claims.wids) ? claims.wids.filter((w) => typeof w === 'string') : [],
    appId: text(claims.appid),
  };
}
