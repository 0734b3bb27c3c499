/**
 * The app registration's manifest (app-registration.json), read and checked before anything
 * talks to Graph, and the scopes it asks for.
 */

export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export interface ManifestAppRole {
  capability: string;
  id: string;
  value: string;
  displayName: string;
  description: string;
  allowedMemberTypes: string[];
  /** Printed in the next steps; not sent to Graph. */
  directoryRoles: string[];
}

export interface Manifest {
  displayName: string;
  uniqueName: string;
  signInAudience: string;
  isFallbackPublicClient: boolean;
  groupMembershipClaims: string;
  /** No scope of this app may write (TAP Desk Reports): parsing refuses one that does. */
  readOnly: boolean;
  tags: string[];
  notes: string;
  spa: { redirectUris: string[] };
  appRoles: ManifestAppRole[];
  servicePrincipal: { appRoleAssignmentRequired: boolean };
  graph: {
    resourceAppId: string;
    signIn: string[];
    audiences: Record<string, string[]>;
    /** Delegated permission ids; null where no published source confirmed the id yet. */
    scopeIds: Record<string, string | null>;
  };
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

type Json = Record<string, unknown>;

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ManifestError(`${path} must be an object`);
  }
  return value as Json;
}

function text(obj: Json, key: string, path: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ManifestError(`${path}.${key} must be a non-empty string`);
  }
  return value;
}

function flag(obj: Json, key: string, path: string): boolean {
  const value = obj[key];
  if (typeof value !== 'boolean') throw new ManifestError(`${path}.${key} must be true or false`);
  return value;
}

function texts(obj: Json, key: string, path: string): string[] {
  const value = obj[key];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    throw new ManifestError(`${path}.${key} must be a list of non-empty strings`);
  }
  return value as string[];
}

/** Keys starting with `$` are comments. */
const entries = (obj: Json) => Object.entries(obj).filter(([key]) => !key.startsWith('$'));

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks the shape of app-registration.json; what it must agree with is manifest.test.ts's job. */
export function parseManifest(json: unknown): Manifest {
  const root = object(json, 'manifest');
  const spa = object(root.spa, 'manifest.spa');
  const sp = object(root.servicePrincipal, 'manifest.servicePrincipal');
  const graph = object(root.graph, 'manifest.graph');
  const audiences = object(graph.audiences, 'manifest.graph.audiences');
  const scopeIds = object(graph.scopeIds, 'manifest.graph.scopeIds');
  if (!Array.isArray(root.appRoles)) throw new ManifestError('manifest.appRoles must be a list');

  const manifest: Manifest = {
    displayName: text(root, 'displayName', 'manifest'),
    uniqueName: text(root, 'uniqueName', 'manifest'),
    signInAudience: text(root, 'signInAudience', 'manifest'),
    isFallbackPublicClient: flag(root, 'isFallbackPublicClient', 'manifest'),
    groupMembershipClaims: text(root, 'groupMembershipClaims', 'manifest'),
    readOnly: root.readOnly === undefined ? false : flag(root, 'readOnly', 'manifest'),
    tags: texts(root, 'tags', 'manifest'),
    notes: text(root, 'notes', 'manifest'),
    spa: { redirectUris: texts(spa, 'redirectUris', 'manifest.spa') },
    appRoles: root.appRoles.map((item, index) => {
      const path = `manifest.appRoles[${index}]`;
      const role = object(item, path);
      const id = text(role, 'id', path);
      if (!GUID.test(id)) throw new ManifestError(`${path}.id must be a GUID`);
      return {
        capability: text(role, 'capability', path),
        id,
        value: text(role, 'value', path),
        displayName: text(role, 'displayName', path),
        description: text(role, 'description', path),
        allowedMemberTypes: texts(role, 'allowedMemberTypes', path),
        directoryRoles: texts(role, 'directoryRoles', path),
      };
    }),
    servicePrincipal: {
      appRoleAssignmentRequired: flag(sp, 'appRoleAssignmentRequired', 'manifest.servicePrincipal'),
    },
    graph: {
      resourceAppId: text(graph, 'resourceAppId', 'manifest.graph'),
      signIn: texts(graph, 'signIn', 'manifest.graph'),
      audiences: Object.fromEntries(
        entries(audiences).map(([audience]) => [
          audience,
          texts(audiences, audience, 'manifest.graph.audiences'),
        ]),
      ),
      scopeIds: Object.fromEntries(
        entries(scopeIds).map(([name, id]) => {
          if (id !== null && (typeof id !== 'string' || !GUID.test(id))) {
            throw new ManifestError(`manifest.graph.scopeIds.${name} must be a GUID or null`);
          }
          return [name, id];
        }),
      ),
    },
  };
  for (const uri of manifest.spa.redirectUris) {
    if (!uri.startsWith('{url}')) {
      throw new ManifestError(`manifest.spa.redirectUris: "${uri}" must start with {url}`);
    }
  }
  const writes = scopeNames(manifest).filter((name) => !isReadOnlyScope(name));
  if (manifest.readOnly && writes.length > 0) {
    throw new ManifestError(`manifest.graph: a read-only app may not ask for ${writes.join(', ')}`);
  }
  for (const name of scopeNames(manifest)) {
    if (!(name in manifest.graph.scopeIds)) {
      throw new ManifestError(`manifest.graph.scopeIds has no entry for ${name}`);
    }
  }
  return manifest;
}

/** Every delegated scope the app asks for: sign-in first, then each audience's, no repeats. */
export function scopeNames(manifest: Manifest): string[] {
  return [
    ...new Set([...manifest.graph.signIn, ...Object.values(manifest.graph.audiences).flat()]),
  ];
}

/** What may be consented for everyone: every scope that cannot write. */
export const isReadOnlyScope = (scope: string) => !scope.includes('ReadWrite');

/** The manifest's scopes that may be consented for everyone, in scopeNames order. */
export const readOnlyScopeNames = (manifest: Manifest) =>
  scopeNames(manifest).filter(isReadOnlyScope);
