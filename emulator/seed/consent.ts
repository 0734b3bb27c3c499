import { createHash } from 'node:crypto';
import { isReadOnlyScope, scopeNames } from '../../deploy/entra/manifest';
import { readManifests } from '../../deploy/entra/manifests';
import { CONSENTED_SCOPES, DEMO_APPS, type DemoApp } from '../constants';
import type { DelegatedPermissionGrant, User } from '../model';

/** Object ids of the service principals in the demo tenant: TAP Desk's and Microsoft Graph's. */
export const TAP_DESK_SERVICE_PRINCIPAL_ID = DEMO_APPS.main.servicePrincipalId;
export const GRAPH_SERVICE_PRINCIPAL_ID = '9e4b2c71-0d6a-4e8f-b3c5-7a1d2f6e8b04';

/** The app registrations as code: the same files register-app applies to a real tenant. */
export const MANIFESTS = readManifests();
export const MANIFEST = MANIFESTS.main;

/** The read-only scopes the emulator's own tests use beyond either app's, consented to both. */
const TEST_ONLY_SCOPES = CONSENTED_SCOPES.filter(
  (scope) =>
    isReadOnlyScope(scope) &&
    !scopeNames(MANIFESTS.main).includes(scope) &&
    !scopeNames(MANIFESTS.reports).includes(scope),
);

/**
 * What the demo tenant consents for everyone, per app: its manifest's read-only scopes (what
 * `register-app --grant-consent` grants), plus the few read-only scopes only the emulator's
 * tests ask for, which TAP Desk itself never does. Nothing TAP Desk Reports asks for is
 * consented to TAP Desk, and the reverse.
 */
export function tenantWideScopes(app: DemoApp): string[] {
  const manifest = app.clientId === DEMO_APPS.reports.clientId ? MANIFESTS.reports : MANIFEST;
  return [...new Set([...scopeNames(manifest).filter(isReadOnlyScope), ...TEST_ONLY_SCOPES])];
}

/** TAP Desk's scopes that write, consented per person to the holders of the app role. */
export const PER_PRINCIPAL_SCOPES: ReadonlyMap<string, readonly string[]> = new Map(
  MANIFEST.appRoles.map((role) => [
    role.value,
    (MANIFEST.graph.audiences[role.capability] ?? []).filter((s) => !isReadOnlyScope(s)),
  ]),
);

/** Stable per grant, like Graph's opaque grant ids. */
export function grantId(
  consentType: string,
  principalId: string | null,
  app: DemoApp = DEMO_APPS.main,
): string {
  return createHash('sha256')
    .update(`${app.servicePrincipalId}:${consentType}:${principalId ?? ''}`)
    .digest('base64url')
    .slice(0, 43);
}

export function newGrant(
  consentType: DelegatedPermissionGrant['consentType'],
  principalId: string | null,
  scopes: readonly string[],
  app: DemoApp = DEMO_APPS.main,
): DelegatedPermissionGrant {
  return {
    id: grantId(consentType, principalId, app),
    clientId: app.servicePrincipalId,
    consentType,
    principalId,
    resourceId: GRAPH_SERVICE_PRINCIPAL_ID,
    scope: scopes.join(' '),
  };
}

/**
 * The tenant the admin guide describes (decisions 0004 and 0020): TAP Desk's read scopes
 * consented for all users and its write scope one by one to the people holding the helpdesk app
 * role; TAP Desk Reports' scopes, all read-only, consented for all users.
 */
export function seedConsentGrants(users: readonly User[]): DelegatedPermissionGrant[] {
  const perPerson = users.flatMap((user) => {
    const scopes = [
      ...new Set(user.appRoles.flatMap((role) => PER_PRINCIPAL_SCOPES.get(role) ?? [])),
    ];
    return scopes.length > 0 ? [newGrant('Principal', user.id, scopes)] : [];
  });
  return [
    newGrant('AllPrincipals', null, tenantWideScopes(DEMO_APPS.main)),
    ...perPerson,
    newGrant('AllPrincipals', null, tenantWideScopes(DEMO_APPS.reports), DEMO_APPS.reports),
  ];
}
