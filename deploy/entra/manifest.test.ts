import { describe, expect, it } from 'vitest';
import { APP_ROLES, type Capability, type RoleCapability } from '../../src/auth/capabilities';
import { AUDIENCE_APP, AUDIENCE_SCOPES, SIGN_IN_SCOPES } from '../../src/auth/scopes';
import {
  GUID,
  isReadOnlyScope,
  ManifestError,
  MICROSOFT_GRAPH_APP_ID,
  parseManifest,
  scopeNames,
} from './manifest';
import { readManifests, type AppKey } from './manifests';

const manifests = readManifests();
const manifest = manifests.main;
const APPS: AppKey[] = ['main', 'reports'];

/** MSAL adds these to every sign-in; they are Microsoft Graph delegated permissions as well. */
const OIDC_SCOPES = ['openid', 'profile', 'offline_access'];

/**
 * Scopes whose id no published source we could reach confirmed, so the manifest leaves it out
 * (register-app.ts reads it from the tenant). Shrink this list as ids are recorded; never grow it.
 */
const IDS_NOT_YET_RECORDED = [
  'UserAuthMethod-TAP.ReadWrite.All',
  'Policy.Read.AuthenticationMethod',
];

// Every audience, the readiness page included, which no app role of its own opens.
const capabilities = Object.keys(AUDIENCE_SCOPES) as Capability[];
const sortedCopy = (values: readonly string[]) => [...values].sort();

describe('the app registration manifest', () => {
  it('asks each audience for exactly the scopes the app requests for it, in the app it uses', () => {
    for (const app of APPS) {
      const served = capabilities.filter((capability) => AUDIENCE_APP[capability] === app);
      expect(Object.keys(manifests[app].graph.audiences).sort(), app).toEqual(sortedCopy(served));
    }
    for (const capability of capabilities) {
      const audiences = manifests[AUDIENCE_APP[capability]].graph.audiences;
      expect(sortedCopy(audiences[capability] ?? []), capability).toEqual(
        sortedCopy(AUDIENCE_SCOPES[capability]),
      );
    }
  });

  it("signs in with the app's sign-in scopes plus the OpenID Connect ones, in both apps", () => {
    for (const app of APPS) {
      expect(sortedCopy(manifests[app].graph.signIn), app).toEqual(
        sortedCopy([...SIGN_IN_SCOPES, ...OIDC_SCOPES]),
      );
    }
  });

  it('requires exactly the union of its audiences’ scopes from Microsoft Graph, nothing more', () => {
    for (const app of APPS) {
      const union = new Set([
        ...SIGN_IN_SCOPES,
        ...OIDC_SCOPES,
        ...capabilities
          .filter((capability) => AUDIENCE_APP[capability] === app)
          .flatMap((capability) => AUDIENCE_SCOPES[capability]),
      ]);
      const { graph } = manifests[app];
      expect(sortedCopy(scopeNames(manifests[app])), app).toEqual(sortedCopy([...union]));
      expect(sortedCopy(Object.keys(graph.scopeIds)), app).toEqual(sortedCopy([...union]));
      expect(graph.resourceAppId).toBe(MICROSOFT_GRAPH_APP_ID);
    }
  });

  it('records a unique GUID for every scope, but the few no published source confirmed', () => {
    const ids = new Map<string, string | null>();
    for (const app of APPS) {
      for (const [name, id] of Object.entries(manifests[app].graph.scopeIds)) {
        // Both files name a shared scope by the same id.
        if (ids.has(name)) expect(id, name).toBe(ids.get(name));
        ids.set(name, id);
      }
    }
    const recorded = [...ids].filter(([, id]) => id !== null);
    for (const [name, id] of recorded) expect(id, name).toMatch(GUID);
    const values = recorded.map(([, id]) => (id as string).toLowerCase());
    expect(new Set(values).size).toBe(values.length);
    const missing = [...ids].filter(([, id]) => id === null).map(([name]) => name);
    for (const name of missing) expect(IDS_NOT_YET_RECORDED, name).toContain(name);
  });

  it('defines the three app roles the UI reads, with stable distinct ids, for users', () => {
    expect(manifest.appRoles.map((role) => role.capability).sort()).toEqual(
      sortedCopy(Object.keys(APP_ROLES)),
    );
    for (const role of manifest.appRoles) {
      expect(role.value).toBe(APP_ROLES[role.capability as RoleCapability]);
      expect(role.id).toMatch(GUID);
      expect(role.allowedMemberTypes).toEqual(['User']);
      expect(role.description.length).toBeGreaterThan(40);
      expect(role.directoryRoles.length).toBeGreaterThan(0);
    }
    expect(new Set(manifest.appRoles.map((role) => role.id.toLowerCase())).size).toBe(3);
  });

  it('gives TAP Desk Reports no scope that can write, nor any app role, and refuses one added', () => {
    const reports = manifests.reports;
    expect(reports.readOnly).toBe(true);
    expect(scopeNames(reports).filter((scope) => !isReadOnlyScope(scope))).toEqual([]);
    expect(reports.appRoles).toEqual([]);
    // The only write scope is the helpdesk's, in TAP Desk.
    expect(scopeNames(manifest).filter((scope) => !isReadOnlyScope(scope))).toEqual([
      'UserAuthMethod-TAP.ReadWrite.All',
    ]);
    const raw = JSON.parse(JSON.stringify(reports)) as typeof reports;
    raw.graph.audiences.pilot?.push('User.ReadWrite.All');
    raw.graph.scopeIds['User.ReadWrite.All'] = null;
    expect(() => parseManifest(raw)).toThrow(ManifestError);
    expect(() => parseManifest(raw)).toThrow(/read-only app may not ask for User.ReadWrite.All/);
  });

  it('are two single-tenant SPAs that only assigned people may use, under distinct names', () => {
    for (const app of APPS) {
      expect(manifests[app].signInAudience).toBe('AzureADMyOrg');
      expect(manifests[app].isFallbackPublicClient).toBe(false);
      expect(manifests[app].servicePrincipal.appRoleAssignmentRequired).toBe(true);
    }
    expect(manifest.spa.redirectUris).toEqual(['{url}redirect.html', '{url}']);
    // Reports never signs anyone out: the redirect bridge is its only page.
    expect(manifests.reports.spa.redirectUris).toEqual(['{url}redirect.html']);
    expect(manifests.reports.uniqueName).not.toBe(manifest.uniqueName);
    expect(manifests.reports.displayName).not.toBe(manifest.displayName);
  });
});
