import { GRAPH_RESOURCE, OIDC_SCOPES, type DemoApp } from '../constants';
import type { Tenant } from '../model';

/**
 * Consent, as Entra checks it at sign-in and at every token: a scope is granted to a person for
 * an app when one of that app's grants, AllPrincipals or their own Principal grant, holds it
 * (tenant.oauth2PermissionGrants). One app's consent never counts for another.
 * Nobody may consent for themselves here: the demo tenant allows no user consent, so a scope an
 * administrator has not consented is refused, not offered on a consent screen.
 */

/** Entra's AADSTS65001 text, word for word. */
export const notConsentedText = (app: DemoApp) =>
  `The user or administrator has not consented to use the application with ID '${app.clientId}' named '${app.displayName}'. Send an interactive authorization request for this user and resource.`;

/** Entra's AADSTS65004 text: the person left the "Need admin approval" page without consent. */
export const DECLINED_CONSENT = 'User declined to consent to access the app.';

/** Every scope consented for this person and app, lower-cased to its canonical spelling. */
function consentedFor(tenant: Tenant, app: DemoApp, userId: string): Map<string, string> {
  const consented = new Map<string, string>();
  for (const grant of tenant.oauth2PermissionGrants) {
    if (grant.clientId !== app.servicePrincipalId) continue;
    if (grant.consentType !== 'AllPrincipals' && grant.principalId !== userId) continue;
    for (const scope of grant.scope.split(' ').filter(Boolean)) {
      consented.set(scope.toLowerCase(), scope);
    }
  }
  return consented;
}

/** The Graph scopes consented for this person: what `.default` stands for in their token. */
export function consentedGraphScopes(tenant: Tenant, app: DemoApp, userId: string): string[] {
  const oidc: readonly string[] = OIDC_SCOPES;
  return [...consentedFor(tenant, app, userId).entries()]
    .filter(([lower]) => !oidc.includes(lower))
    .map(([, scope]) => scope);
}

/** The requested scopes (as requested) that no grant covers for this person. */
export function unconsentedScopes(
  tenant: Tenant,
  app: DemoApp,
  userId: string,
  scope: string,
): string[] {
  const consented = consentedFor(tenant, app, userId);
  const graphPrefix = `${GRAPH_RESOURCE}/`.toLowerCase();
  return scope
    .split(/\s+/)
    .filter(Boolean)
    .filter((item) => {
      const lower = item.toLowerCase();
      const bare = lower.startsWith(graphPrefix) ? lower.slice(graphPrefix.length) : lower;
      // Another resource: TAP Desk holds consent for Microsoft Graph only.
      if (bare.includes('://')) return true;
      if (bare === '.default') return consentedGraphScopes(tenant, app, userId).length === 0;
      return !consented.has(bare);
    });
}
