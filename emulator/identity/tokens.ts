import { createHash } from 'node:crypto';
import { APP_ROLES, DEMO_TENANT_ID, GRAPH_RESOURCE, type DemoApp } from '../constants';
import { rolesOf } from '../directory';
import type { Tenant, User } from '../model';
import type { EmulatorSettings } from '../settings';
import type { Signer } from './keys';
import { accessTokenScopes, responseScope, type RequestedScopes } from './scopes';
import type { IdentityStore } from './store';

const ID_TOKEN_LIFETIME_S = 3600;

export function issuerFor(origin: string): string {
  return `${origin}/login/${DEMO_TENANT_ID}/v2.0`;
}

/** Graph tokens carry the v1 STS issuer, whatever endpoint issued them. */
export const ACCESS_TOKEN_ISSUER = `https://sts.windows.net/${DEMO_TENANT_ID}/`;
export const ACCESS_TOKEN_AUDIENCES = [GRAPH_RESOURCE, '00000003-0000-0000-c000-000000000000'];

/** Pairwise subject, stable per user and app like Entra's. */
function pairwiseSubject(oid: string, clientId: string): string {
  return createHash('sha256').update(`${oid}:${clientId}`).digest('base64url').slice(0, 43);
}

export interface TokenDeps {
  signer: Signer;
  store: IdentityStore;
  tenant(): Tenant;
  settings(): EmulatorSettings;
  /** Each demo app registration's redirect URIs by client id, matched exactly; none when left out. */
  redirectUris?: Readonly<Record<string, readonly string[]>>;
}

export interface TokenResponse {
  token_type: 'Bearer';
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  id_token?: string;
}

export async function issueTokens(
  deps: TokenDeps,
  grant: {
    app: DemoApp;
    user: User;
    scopes: RequestedScopes;
    scope: string;
    nonce: string | undefined;
    signedInAt: number;
  },
  origin: string,
  now: number,
): Promise<TokenResponse> {
  const { app, user, scopes } = grant;
  const iat = Math.floor(now / 1000);
  const lifetime = deps.settings().accessTokenLifetimeSeconds;
  const wids = rolesOf(deps.tenant(), user.id).map((r) => r.roleTemplateId);
  const roles = user.appRoles.filter((r) => (Object.values(APP_ROLES) as string[]).includes(r));
  const common = {
    iat,
    nbf: iat,
    tid: DEMO_TENANT_ID,
    oid: user.id,
    sub: pairwiseSubject(user.id, app.clientId),
    name: user.displayName,
    ...(wids.length > 0 ? { wids } : {}),
  };
  const accessToken = await deps.signer.sign({
    ...common,
    aud: GRAPH_RESOURCE,
    iss: ACCESS_TOKEN_ISSUER,
    exp: iat + lifetime,
    ver: '1.0',
    idtyp: 'user',
    appid: app.clientId,
    app_displayname: app.displayName,
    appidacr: '0',
    upn: user.userPrincipalName,
    unique_name: user.userPrincipalName,
    given_name: user.givenName ?? undefined,
    family_name: user.surname ?? undefined,
    scp: accessTokenScopes(scopes).join(' '),
    uti: deps.store.newAccessTokenId(),
  });
  const response: TokenResponse = {
    token_type: 'Bearer',
    scope: responseScope(scopes),
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: accessToken,
  };
  if (scopes.oidc.has('openid')) {
    response.id_token = await deps.signer.sign({
      ...common,
      ver: '2.0',
      iss: issuerFor(origin),
      aud: app.clientId,
      exp: iat + ID_TOKEN_LIFETIME_S,
      preferred_username: user.userPrincipalName,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
      ...(scopes.oidc.has('email') && user.mail ? { email: user.mail } : {}),
      ...(roles.length > 0 ? { roles } : {}),
    });
  }
  if (scopes.oidc.has('offline_access')) {
    response.refresh_token = deps.store.newRefreshToken(
      {
        userId: user.id,
        clientId: app.clientId,
        scope: grant.scope,
        signedInAt: grant.signedInAt,
      },
      now,
    );
  }
  return response;
}
