/** What the admin does after a run: config.json values, consent and role assignments. */
import { isReadOnlyScope, readOnlyScopeNames, scopeNames, type Manifest } from './manifest';
import type { RunResult } from './registration';
import { normalizeSiteUrl } from './site-urls';

const listed = (values: readonly string[]) => values.join(', ');

export interface RuntimeConfigValues {
  auth: {
    clientId: string;
    authority: string;
    protocolMode: 'AAD';
    redirectUri: string;
    postLogoutRedirectUri: string;
  };
  graph: { baseUrl: string };
}

/** The values for the deployment's config.json (the rest of that file is not the registration's). */
export function configValues(
  tenantId: string,
  clientId: string | null,
  siteUrl: string,
): RuntimeConfigValues {
  const site = normalizeSiteUrl(siteUrl);
  return {
    auth: {
      clientId: clientId ?? '<application (client) id: known after the first real run>',
      authority: `https://login.microsoftonline.com/${tenantId}/v2.0`,
      protocolMode: 'AAD',
      redirectUri: `${site}redirect.html`,
      postLogoutRedirectUri: site,
    },
    graph: { baseUrl: 'https://graph.microsoft.com/v1.0' },
  };
}

/** The v2 admin consent URL for the read-only scopes only: never the write scope, tenant-wide. */
export function readOnlyAdminConsentUrl(
  manifest: Manifest,
  tenantId: string,
  clientId: string,
  siteUrl: string,
): string {
  const oidc = new Set(['openid', 'profile', 'offline_access', 'email']);
  const scope = readOnlyScopeNames(manifest)
    .map((name) => (oidc.has(name) ? name : `https://graph.microsoft.com/${name}`))
    .join(' ');
  const query = new URLSearchParams({
    client_id: clientId,
    scope,
    redirect_uri: normalizeSiteUrl(siteUrl),
  });
  return `https://login.microsoftonline.com/${tenantId}/v2.0/adminconsent?${query.toString()}`;
}

export function nextSteps(
  manifest: Manifest,
  run: RunResult,
  tenantId: string,
  siteUrl: string,
): string[] {
  const appId = run.appId ?? '<appId>';
  const sp = run.servicePrincipalId ?? '<service principal id>';
  const writes = scopeNames(manifest).filter((scope) => !isReadOnlyScope(scope));
  const helpdesk = manifest.appRoles.find((role) => role.capability === 'helpdesk');
  return [
    '1. Assign people (or groups) an app role: Entra admin center › Enterprise applications › ' +
      `${manifest.displayName} › Users and groups, or POST /servicePrincipals/${sp}/appRoleAssignedTo ` +
      `{"principalId":"<user or group id>","resourceId":"${sp}","appRoleId":"<role id>"}.`,
    ...manifest.appRoles.map(
      (role) => `   ${role.value} (${role.id}): also needs ${role.directoryRoles.join('; ')}.`,
    ),
    (run.readScopesConsented
      ? '2. The read-only scopes are consented for everyone.'
      : '2. Consent for the read-only scopes, for everyone: run again with --grant-consent, or open ' +
        (run.appId
          ? readOnlyAdminConsentUrl(manifest, tenantId, run.appId, siteUrl)
          : 'the admin consent URL a real run prints') +
        '.') +
      ' Do not click "Grant admin consent" for all permissions in the portal: that consents ' +
      `${listed(writes)} for every user, and Entra puts it in auditors' tokens too ` +
      '(docs/decisions/0004-scopes-per-audience.md).',
    `3. Consent for ${listed(writes)} per ${helpdesk ? helpdesk.value : 'helpdesk'} person: ` +
      `POST /oauth2PermissionGrants {"clientId":"${sp}","consentType":"Principal",` +
      `"principalId":"<user id>","resourceId":"${run.graphServicePrincipalId}",` +
      `"scope":"${writes.join(' ')}"} (PATCH its scope if that person already has a grant).`,
    "4. Let the app reach the verification list's site (Sites.Selected): POST /sites/<site id>/permissions " +
      `{"roles":["write"],"grantedToIdentities":[{"application":{"id":"${appId}","displayName":"${manifest.displayName}"}}]}.`,
  ];
}
