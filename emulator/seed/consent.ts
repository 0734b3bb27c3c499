import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isReadOnlyScope, parseManifest, scopeNames } from '../../deploy/entra/manifest';
import { CONSENTED_SCOPES } from '../constants';
import type { DelegatedPermissionGrant, User } from '../model';

/** Object ids of the two service principals in the demo tenant: TAP Desk's and Microsoft Graph's. */
export const TAP_DESK_SERVICE_PRINCIPAL_ID = '3c7e1a90-4b2d-4f6e-8a1c-5d9b0e2f4a61';
export const GRAPH_SERVICE_PRINCIPAL_ID = '9e4b2c71-0d6a-4e8f-b3c5-7a1d2f6e8b04';

/** The app registration as code: the same file register-app applies to a real tenant. */
export const MANIFEST = parseManifest(
  JSON.parse(
    readFileSync(new URL('../../deploy/entra/app-registration.json', import.meta.url), 'utf8'),
  ),
);

/**
 * What the demo tenant consents for everyone: the manifest's read-only scopes (what
 * `register-app --grant-consent` grants), plus the read-only scopes the emulator's own tests use
 * beyond TAP Desk's (CONSENTED_SCOPES).
 */
export const TENANT_WIDE_SCOPES: readonly string[] = [
  ...new Set([...scopeNames(MANIFEST), ...CONSENTED_SCOPES].filter(isReadOnlyScope)),
];

/** Each audience's scopes that write, consented per person to the holders of its app role. */
export const PER_PRINCIPAL_SCOPES: ReadonlyMap<string, readonly string[]> = new Map(
  MANIFEST.appRoles.map((role) => [
    role.value,
    (MANIFEST.graph.audiences[role.capability] ?? []).filter((s) => !isReadOnlyScope(s)),
  ]),
);

/** Stable per grant, like Graph's opaque grant ids. */
export function grantId(consentType: string, principalId: string | null): string {
  return createHash('sha256')
    .update(`${TAP_DESK_SERVICE_PRINCIPAL_ID}:${consentType}:${principalId ?? ''}`)
    .digest('base64url')
    .slice(0, 43);
}

export function newGrant(
  consentType: DelegatedPermissionGrant['consentType'],
  principalId: string | null,
  scopes: readonly string[],
): DelegatedPermissionGrant {
  return {
    id: grantId(consentType, principalId),
    clientId: TAP_DESK_SERVICE_PRINCIPAL_ID,
    consentType,
    principalId,
    resourceId: GRAPH_SERVICE_PRINCIPAL_ID,
    scope: scopes.join(' '),
  };
}

/**
 * The tenant the admin guide describes (decision 0004, option A): read scopes consented for all
 * users, the write scope consented one by one to the people holding the helpdesk app role.
 */
export function seedConsentGrants(users: readonly User[]): DelegatedPermissionGrant[] {
  const perPerson = users.flatMap((user) => {
    const scopes = [
      ...new Set(user.appRoles.flatMap((role) => PER_PRINCIPAL_SCOPES.get(role) ?? [])),
    ];
    return scopes.length > 0 ? [newGrant('Principal', user.id, scopes)] : [];
  });
  return [newGrant('AllPrincipals', null, TENANT_WIDE_SCOPES), ...perPerson];
}
