/** What the admin does after a run: config.json values, consent and role assignments. */
import { isReadOnlyScope, readOnlyScopeNames, scopeNames, type Manifest } from './manifest';
import type { RunResult } from './registration';
import { normalizeSiteUrl } from './site-urls';

const listed = (values: readonly string[]) => values.join(', ');

export interface RuntimeConfigValues {
  auth: {
    clientId: string;
    reportsClientId: string;
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
  clientIds: { main: string | null; reports: string | null },
  siteUrl: string,
): RuntimeConfigValues {
  const site = normalizeSiteUrl(siteUrl);
  const later = '<application (client) id: known after the first real run>';
  return {
    auth: {
      clientId: clientIds.main ?? later,
      reportsClientId: clientIds.reports ?? later,
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

/** The default access an app without app roles is assigned with (Graph's appRoleAssignment). */
export const DEFAULT_ACCESS_ROLE_ID = '00000000-0000-0000-0000-000000000000';

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
  const assign = (appRoleId: string) =>
    `POST /servicePrincipals/${sp}/appRoleAssignedTo ` +
    `{"principalId":"<user or group id>","resourceId":"${sp}","appRoleId":"${appRoleId}"}`;
  const steps: string[][] = [
    manifest.appRoles.length > 0
      ? [
          'Assign people (or groups) an app role: Entra admin center › Enterprise applications › ' +
            `${manifest.displayName} › Users and groups, or ${assign('<role id>')}.`,
          ...manifest.appRoles.map(
            (role) =>
              `   ${role.value} (${role.id}): also needs ${role.directoryRoles.join('; ')}.`,
          ),
        ]
      : [
          `Assign the people who open the pilot, audit and readiness pages to ${manifest.displayName}, ` +
            'with the default access: the groups you gave TapDesk.PilotManager and TapDesk.Auditor in ' +
            'TAP Desk, and the helpdesk leads. Entra admin center › Enterprise applications › ' +
            `${manifest.displayName} › Users and groups, or ${assign(DEFAULT_ACCESS_ROLE_ID)}.`,
        ],
    [
      (run.readScopesConsented
        ? 'The read-only scopes are consented for everyone.'
        : 'Consent for the read-only scopes, for everyone: run again with --grant-consent, or open ' +
          (run.appId
            ? readOnlyAdminConsentUrl(manifest, tenantId, run.appId, siteUrl)
            : 'the admin consent URL a real run prints') +
          '.') +
        (writes.length > 0
          ? ' Do not click "Grant admin consent" for all permissions in the portal: that consents ' +
            `${listed(writes)} for every user, and Entra puts it in auditors' tokens too ` +
            '(docs/decisions/0004-scopes-per-audience.md).'
          : ` ${manifest.displayName} asks for no scope that writes, so "Grant admin consent" in the portal consents the same.`),
    ],
  ];
  if (writes.length > 0) {
    steps.push([
      `Consent for ${listed(writes)} per ${helpdesk ? helpdesk.value : 'helpdesk'} person: ` +
        `POST /oauth2PermissionGrants {"clientId":"${sp}","consentType":"Principal",` +
        `"principalId":"<user id>","resourceId":"${run.graphServicePrincipalId}",` +
        `"scope":"${writes.join(' ')}"} (PATCH its scope if that person already has a grant).`,
    ]);
  }
  // The helpdesk records verifications; the reports only read them.
  const siteRole = manifest.readOnly ? 'read' : 'write';
  steps.push([
    `Let ${manifest.displayName} reach the verification list's site (Sites.Selected, ${siteRole}): ` +
      'POST /sites/<site id>/permissions ' +
      `{"roles":["${siteRole}"],"grantedToIdentities":[{"application":{"id":"${appId}","displayName":"${manifest.displayName}"}}]}.`,
  ]);
  return steps.flatMap(([first, ...rest], index) => [`${index + 1}. ${first ?? ''}`, ...rest]);
}
