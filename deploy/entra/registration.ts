/**
 * The TAP Desk app registration as code: read the tenant, compare it with the manifest, and make
 * the few Microsoft Graph v1.0 writes that close the gap. Everything here goes through one small
 * `graph(method, path, body?, headers?)` function, so the tests run it against a fake Graph and
 * the CLI (register-app.ts) against the real one.
 */

export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** Integrated apps get this tag from the portal; without it the app is missing from its lists. */
const INTEGRATED_APP_TAG = 'WindowsAzureActiveDirectoryIntegratedApp';

// ---------------------------------------------------------------------------------------------
// The manifest
// ---------------------------------------------------------------------------------------------

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
const readOnlyScopeNames = (manifest: Manifest) => scopeNames(manifest).filter(isReadOnlyScope);

// ---------------------------------------------------------------------------------------------
// Site URLs
// ---------------------------------------------------------------------------------------------

export class RegistrationError extends Error {
  override name = 'RegistrationError';
}

/** `https://host/path` → `https://host/path/`; Entra takes https, or http only for localhost. */
export function normalizeSiteUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new RegistrationError(`--url ${input} is not a URL (e.g. https://tapdesk.contoso.com/)`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new RegistrationError(`--url ${input} must be https (http only for localhost)`);
  }
  if (url.search || url.hash) {
    throw new RegistrationError(`--url ${input} must not have a query or a fragment`);
  }
  if (url.pathname.endsWith('.html')) {
    throw new RegistrationError(`--url ${input} must be the folder TAP Desk is served from`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.toString();
}

export function redirectUrisFor(manifest: Manifest, siteUrls: readonly string[]): string[] {
  return [
    ...new Set(
      siteUrls.flatMap((site) => manifest.spa.redirectUris.map((t) => t.replace('{url}', site))),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Talking to Graph
// ---------------------------------------------------------------------------------------------

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface GraphResponse {
  status: number;
  body: unknown;
}

/** One Microsoft Graph v1.0 request; `path` is relative to https://graph.microsoft.com/v1.0. */
export type Graph = (
  method: HttpMethod,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<GraphResponse>;

export class GraphRequestError extends Error {
  override name = 'GraphRequestError';
  constructor(
    readonly method: HttpMethod,
    readonly path: string,
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(`${method} ${path} failed: ${status} ${code}${detail ? `: ${detail}` : ''}`);
  }
}

function failure(method: HttpMethod, path: string, response: GraphResponse): GraphRequestError {
  const error = (response.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return new GraphRequestError(
    method,
    path,
    response.status,
    typeof error?.code === 'string' ? error.code : 'Error',
    typeof error?.message === 'string' ? error.message : '',
  );
}

async function get<T>(graph: Graph, path: string, allow404 = false): Promise<T | null> {
  const response = await graph('GET', path);
  if (response.status === 404 && allow404) return null;
  if (response.status !== 200) throw failure('GET', path, response);
  return response.body as T;
}

const quote = (value: string) => value.replace(/'/g, "''");
const filter = (expression: string) => `$filter=${encodeURIComponent(expression)}`;

// ---------------------------------------------------------------------------------------------
// What the tenant holds
// ---------------------------------------------------------------------------------------------

export interface LiveAppRole {
  id: string;
  value: string | null;
  displayName: string | null;
  description: string | null;
  allowedMemberTypes: string[];
  isEnabled: boolean;
  origin?: string;
}

export interface LiveResourceAccess {
  resourceAppId: string;
  resourceAccess: { id: string; type: string }[];
}

export interface LiveApplication {
  id: string;
  appId: string;
  displayName: string | null;
  uniqueName?: string | null;
  signInAudience?: string | null;
  isFallbackPublicClient?: boolean | null;
  groupMembershipClaims?: string | null;
  tags?: string[];
  notes?: string | null;
  spa?: { redirectUris?: string[] } | null;
  appRoles?: LiveAppRole[];
  requiredResourceAccess?: LiveResourceAccess[];
}

export interface LiveServicePrincipal {
  id: string;
  appId: string;
  appRoleAssignmentRequired?: boolean | null;
}

export interface LiveGrant {
  id: string;
  clientId: string;
  consentType: string;
  resourceId: string;
  principalId?: string | null;
  scope?: string | null;
}

export interface GraphServicePrincipal {
  id: string;
  oauth2PermissionScopes: { id: string; value: string; isEnabled?: boolean }[];
}

export interface LiveState {
  /** Microsoft Graph's own service principal in this tenant: its object id and its scopes. */
  graph: GraphServicePrincipal;
  application: LiveApplication | null;
  servicePrincipal: LiveServicePrincipal | null;
  /** The tenant-wide (AllPrincipals) delegated grants of TAP Desk to Microsoft Graph. */
  tenantWideGrants: LiveGrant[];
  /** Applications with the manifest's display name that this manifest did not create. */
  namesakes: { id: string; appId: string; uniqueName?: string | null }[];
}

const APPLICATION_FIELDS =
  'id,appId,displayName,uniqueName,signInAudience,isFallbackPublicClient,groupMembershipClaims,' +
  'tags,notes,spa,appRoles,requiredResourceAccess';

export async function readLiveState(graph: Graph, manifest: Manifest): Promise<LiveState> {
  const resource = quote(manifest.graph.resourceAppId);
  const graphSp = await get<GraphServicePrincipal>(
    graph,
    `/servicePrincipals(appId='${resource}')?$select=id,appId,oauth2PermissionScopes`,
  );
  if (!graphSp) throw new RegistrationError('Microsoft Graph has no service principal here');

  const application = await get<LiveApplication>(
    graph,
    `/applications(uniqueName='${quote(manifest.uniqueName)}')?$select=${APPLICATION_FIELDS}`,
    true,
  );

  let namesakes: LiveState['namesakes'] = [];
  if (!application) {
    const found = await get<{ value: LiveState['namesakes'] }>(
      graph,
      `/applications?${filter(`displayName eq '${quote(manifest.displayName)}'`)}` +
        '&$select=id,appId,uniqueName',
    );
    namesakes = found?.value ?? [];
  }

  const servicePrincipal = application
    ? await get<LiveServicePrincipal>(
        graph,
        `/servicePrincipals(appId='${quote(application.appId)}')` +
          '?$select=id,appId,appRoleAssignmentRequired',
        true,
      )
    : null;

  let tenantWideGrants: LiveGrant[] = [];
  if (servicePrincipal) {
    const grants = await get<{ value: LiveGrant[] }>(
      graph,
      `/oauth2PermissionGrants?${filter(`clientId eq '${quote(servicePrincipal.id)}'`)}`,
    );
    tenantWideGrants = (grants?.value ?? []).filter(
      (grant) => grant.consentType === 'AllPrincipals' && grant.resourceId === graphSp.id,
    );
  }

  return { graph: graphSp, application, servicePrincipal, tenantWideGrants, namesakes };
}

/**
 * The id of every scope the manifest names, from Microsoft Graph's service principal in the
 * tenant (the source the permissions reference itself points to). A recorded id that disagrees
 * stops the run: either the manifest has a typo or it names the wrong permission.
 */
export function resolveScopeIds(
  manifest: Manifest,
  graphSp: GraphServicePrincipal,
): { ids: Map<string, string>; notes: string[] } {
  const ids = new Map<string, string>();
  const notes: string[] = [];
  const problems: string[] = [];
  for (const name of scopeNames(manifest)) {
    const live = graphSp.oauth2PermissionScopes.find((scope) => scope.value === name);
    if (!live || live.isEnabled === false) {
      problems.push(`Microsoft Graph in this tenant has no delegated permission "${name}"`);
      continue;
    }
    const recorded = manifest.graph.scopeIds[name];
    if (recorded && recorded.toLowerCase() !== live.id.toLowerCase()) {
      problems.push(
        `the manifest records ${recorded} for "${name}", but Microsoft Graph says ${live.id}`,
      );
      continue;
    }
    if (!recorded) {
      notes.push(
        `"${name}" has no id in the manifest; this tenant's Microsoft Graph says ${live.id}`,
      );
    }
    ids.set(name, live.id);
  }
  if (problems.length > 0) {
    throw new RegistrationError(
      `The manifest's scopes do not match Microsoft Graph; nothing was changed.\n  ${problems.join('\n  ')}`,
    );
  }
  return { ids, notes };
}

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

/** Placeholders for objects a run creates before a later change needs their ids. */
const NEW_APP_ID = '{new application appId}';
const NEW_SERVICE_PRINCIPAL_ID = '{new service principal id}';

export interface Change {
  /** One line, human readable. */
  summary: string;
  /** Indented lines under the summary (what a new object will hold). */
  details: string[];
  method: 'POST' | 'PATCH';
  path: string;
  body: Json;
  headers?: Record<string, string>;
  /** What the response creates, for the changes after it. */
  creates?: 'application' | 'servicePrincipal';
}

export interface PlanOptions {
  redirectUris: string[];
  scopeIds: Map<string, string>;
  grantConsent: boolean;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const [x, y] = [[...a].sort(), [...b].sort()];
  return x.every((value, i) => value === y[i]);
}
const listed = (values: readonly string[]) => values.join(', ');
const show = (value: unknown) => (value === null || value === undefined ? 'not set' : `${value}`);

function difference(from: readonly string[], minus: readonly string[]): string[] {
  const drop = new Set(minus);
  return from.filter((value) => !drop.has(value));
}

function addRemove(label: string, want: readonly string[], have: readonly string[]): string {
  const add = difference(want, have);
  const remove = difference(have, want);
  return [
    label,
    add.length ? `add ${listed(add)}` : '',
    remove.length ? `${add.length ? '; ' : ''}remove ${listed(remove)}` : '',
  ].join('');
}

/** An app role as Graph takes it: the manifest's (enabled) or a live one as it stands. */
function graphAppRole(role: ManifestAppRole | LiveAppRole) {
  return {
    id: role.id,
    value: role.value,
    displayName: role.displayName,
    description: role.description,
    allowedMemberTypes: role.allowedMemberTypes,
    isEnabled: 'isEnabled' in role ? role.isEnabled : true,
  };
}

function desiredRequiredResourceAccess(manifest: Manifest, scopeIds: Map<string, string>) {
  return [
    {
      resourceAppId: manifest.graph.resourceAppId,
      resourceAccess: scopeNames(manifest).map((name) => ({
        id: scopeIds.get(name) as string,
        type: 'Scope',
      })),
    },
  ];
}

function accessKeys(access: readonly LiveResourceAccess[]): string[] {
  return access.flatMap((resource) =>
    resource.resourceAccess.map(
      (item) => `${resource.resourceAppId}/${item.type}/${item.id.toLowerCase()}`,
    ),
  );
}

function roleDifferences(want: ReturnType<typeof graphAppRole>, have: LiveAppRole): string[] {
  const changed: string[] = [];
  if (have.value !== want.value) changed.push('value');
  if (have.displayName !== want.displayName) changed.push('displayName');
  if (have.description !== want.description) changed.push('description');
  if (!sameSet(have.allowedMemberTypes, want.allowedMemberTypes)) changed.push('member types');
  if (have.isEnabled !== true) changed.push('enabled');
  return changed;
}

function applicationChanges(
  manifest: Manifest,
  app: LiveApplication,
  options: PlanOptions,
  scopeName: (id: string) => string,
): Change[] {
  const changes: Change[] = [];
  const path = `/applications/${app.id}`;
  const patch = (summary: string, body: Json) =>
    changes.push({ summary, details: [], method: 'PATCH', path, body });

  const scalars: [keyof Manifest & keyof LiveApplication, unknown, unknown][] = [
    ['displayName', manifest.displayName, app.displayName],
    ['signInAudience', manifest.signInAudience, app.signInAudience],
    // Graph leaves both unset (null) on a new application; null means false and "no claims".
    [
      'isFallbackPublicClient',
      manifest.isFallbackPublicClient,
      app.isFallbackPublicClient ?? false,
    ],
    ['groupMembershipClaims', manifest.groupMembershipClaims, app.groupMembershipClaims ?? null],
    ['notes', manifest.notes, app.notes ?? null],
  ];
  for (const [property, want, have] of scalars) {
    if (want !== have) {
      patch(`application ${property}: ${show(have)} → ${show(want)}`, { [property]: want });
    }
  }

  if (!sameSet(manifest.tags, app.tags ?? [])) {
    patch(addRemove('application tags: ', manifest.tags, app.tags ?? []), { tags: manifest.tags });
  }

  const liveUris = app.spa?.redirectUris ?? [];
  if (!sameSet(options.redirectUris, liveUris)) {
    patch(addRemove('SPA redirect URIs: ', options.redirectUris, liveUris), {
      spa: { redirectUris: options.redirectUris },
    });
  }

  const wantAccess = desiredRequiredResourceAccess(manifest, options.scopeIds);
  const haveAccess = app.requiredResourceAccess ?? [];
  if (!sameSet(accessKeys(wantAccess), accessKeys(haveAccess))) {
    const describe = (resource: LiveResourceAccess) =>
      resource.resourceAppId === manifest.graph.resourceAppId
        ? resource.resourceAccess.map((item) =>
            item.type === 'Scope' ? scopeName(item.id) : `application permission ${item.id}`,
          )
        : [`everything from resource ${resource.resourceAppId}`];
    patch(
      addRemove(
        'Microsoft Graph permissions: ',
        wantAccess.flatMap(describe),
        haveAccess.flatMap(describe),
      ),
      { requiredResourceAccess: wantAccess },
    );
  }

  changes.push(...appRoleChanges(manifest, app, path));
  return changes;
}

function appRoleChanges(manifest: Manifest, app: LiveApplication, path: string): Change[] {
  const want = manifest.appRoles.map(graphAppRole);
  const have = app.appRoles ?? [];
  const wantIds = new Set(want.map((role) => role.id));
  const haveById = new Map(have.map((role) => [role.id, role]));
  const removed = have.filter((role) => !wantIds.has(role.id));
  const label = (role: { value: string | null; id: string }) => `'${role.value ?? role.id}'`;

  const parts: string[] = [];
  for (const role of want) {
    const live = haveById.get(role.id);
    if (!live) parts.push(`add ${label(role)}`);
    else {
      const changed = roleDifferences(role, live);
      if (changed.length) parts.push(`update ${label(role)} (${changed.join(', ')})`);
    }
  }
  for (const role of removed) {
    parts.push(`remove ${label(role)} (whoever holds it loses it)`);
  }
  if (parts.length === 0) return [];

  const changes: Change[] = [];
  // Graph removes an app role only once it is disabled, and only in a later request.
  const stillEnabled = removed.filter((role) => role.isEnabled);
  if (stillEnabled.length > 0) {
    const disabling = new Set(stillEnabled.map((role) => role.id));
    changes.push({
      summary: `disable app role${stillEnabled.length > 1 ? 's' : ''} ${stillEnabled.map(label).join(', ')} (Graph removes only disabled roles)`,
      details: [],
      method: 'PATCH',
      path,
      body: {
        appRoles: have.map((role) => ({
          ...graphAppRole(role),
          isEnabled: disabling.has(role.id) ? false : role.isEnabled,
        })),
      },
    });
  }
  changes.push({
    summary: `app roles: ${parts.join('; ')}`,
    details: [],
    method: 'PATCH',
    path,
    body: { appRoles: want },
  });
  return changes;
}

function servicePrincipalChanges(manifest: Manifest, live: LiveState, appId: string): Change[] {
  const wanted = manifest.servicePrincipal.appRoleAssignmentRequired;
  if (!live.servicePrincipal) {
    return [
      {
        summary: `create the service principal (enterprise application) with assignment required: ${wanted ? 'yes' : 'no'}`,
        details: [],
        method: 'POST',
        path: '/servicePrincipals',
        body: { appId, appRoleAssignmentRequired: wanted, tags: [INTEGRATED_APP_TAG] },
        creates: 'servicePrincipal',
      },
    ];
  }
  if ((live.servicePrincipal.appRoleAssignmentRequired ?? false) === wanted) return [];
  return [
    {
      summary: `service principal assignment required: ${show(live.servicePrincipal.appRoleAssignmentRequired)} → ${wanted ? 'yes' : 'no'}`,
      details: [],
      method: 'PATCH',
      path: `/servicePrincipals/${live.servicePrincipal.id}`,
      body: { appRoleAssignmentRequired: wanted },
    },
  ];
}

const grantScopes = (grant: LiveGrant | undefined) =>
  (grant?.scope ?? '').split(' ').filter((scope) => scope !== '');

/** The read-only scopes the tenant-wide grants do not hold yet. */
function unconsentedReadScopes(manifest: Manifest, live: LiveState): string[] {
  return difference(readOnlyScopeNames(manifest), live.tenantWideGrants.flatMap(grantScopes));
}

function consentChanges(manifest: Manifest, live: LiveState): Change[] {
  const want = readOnlyScopeNames(manifest);
  const existing = live.tenantWideGrants[0];
  if (!existing) {
    return [
      {
        summary: `grant tenant-wide consent (all users) for the read-only scopes: ${listed(want)}`,
        details: [],
        method: 'POST',
        path: '/oauth2PermissionGrants',
        body: {
          clientId: live.servicePrincipal?.id ?? NEW_SERVICE_PRINCIPAL_ID,
          consentType: 'AllPrincipals',
          resourceId: live.graph.id,
          scope: want.join(' '),
        },
      },
    ];
  }
  const have = grantScopes(existing);
  if (sameSet(want, have)) return [];
  return [
    {
      summary: addRemove('tenant-wide consent (all users): ', want, have),
      details: [],
      method: 'PATCH',
      path: `/oauth2PermissionGrants/${existing.id}`,
      body: { scope: want.join(' ') },
    },
  ];
}

/** Pure: the writes that make `live` match the manifest, in the order they must run. */
export function planChanges(manifest: Manifest, live: LiveState, options: PlanOptions): Change[] {
  const scopeById = new Map(
    live.graph.oauth2PermissionScopes.map((scope) => [scope.id.toLowerCase(), scope.value]),
  );
  const scopeName = (id: string) => scopeById.get(id.toLowerCase()) ?? `scope ${id}`;

  const changes: Change[] = [];
  let appId: string;
  if (!live.application) {
    if (live.namesakes.length > 0) {
      throw new RegistrationError(
        `An application named '${manifest.displayName}' already exists ` +
          `(appId ${live.namesakes.map((app) => app.appId).join(', ')}) but was not created from ` +
          `this manifest (uniqueName '${manifest.uniqueName}'). This script manages only its own ` +
          'application: delete or rename that one, then run again. Nothing was changed.',
      );
    }
    const body = {
      displayName: manifest.displayName,
      signInAudience: manifest.signInAudience,
      isFallbackPublicClient: manifest.isFallbackPublicClient,
      groupMembershipClaims: manifest.groupMembershipClaims,
      tags: manifest.tags,
      notes: manifest.notes,
      spa: { redirectUris: options.redirectUris },
      appRoles: manifest.appRoles.map(graphAppRole),
      requiredResourceAccess: desiredRequiredResourceAccess(manifest, options.scopeIds),
    };
    changes.push({
      summary: `create application '${manifest.displayName}' (uniqueName ${manifest.uniqueName}, ${manifest.signInAudience})`,
      details: [
        `SPA redirect URIs: ${listed(options.redirectUris)}`,
        ...manifest.appRoles.map(
          (role) => `app role ${role.value} (${role.displayName}), id ${role.id}`,
        ),
        `Microsoft Graph delegated scopes: ${listed(scopeNames(manifest))}`,
        `groupMembershipClaims ${manifest.groupMembershipClaims} (the wids claim)`,
      ],
      method: 'PATCH',
      path: `/applications(uniqueName='${quote(manifest.uniqueName)}')`,
      body,
      headers: { Prefer: 'create-if-missing' },
      creates: 'application',
    });
    appId = NEW_APP_ID;
  } else {
    changes.push(...applicationChanges(manifest, live.application, options, scopeName));
    appId = live.application.appId;
  }

  changes.push(...servicePrincipalChanges(manifest, live, appId));
  if (options.grantConsent) changes.push(...consentChanges(manifest, live));
  return changes;
}

/** Things worth saying that are not changes: mostly what tenant-wide consent currently holds. */
export function consentWarnings(manifest: Manifest, live: LiveState): string[] {
  const granted = live.tenantWideGrants.flatMap(grantScopes);
  const writes = granted.filter((scope) => !isReadOnlyScope(scope));
  const warnings: string[] = [];
  if (writes.length > 0) {
    warnings.push(
      `Tenant-wide consent includes ${listed(writes)}: Entra puts it in every user's token, ` +
        "auditors' included (docs/decisions/0004-scopes-per-audience.md). Run with " +
        '--grant-consent to narrow it to read scopes, then grant the write scope per helpdesk person.',
    );
  }
  const missing = unconsentedReadScopes(manifest, live);
  if (live.servicePrincipal && missing.length > 0) {
    warnings.push(`Not consented tenant-wide yet: ${listed(missing)} (see the next steps).`);
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------------
// Applying it
// ---------------------------------------------------------------------------------------------

export interface ApplyResult {
  application: { id: string; appId: string } | null;
  servicePrincipal: { id: string } | null;
}

function fillIn(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => fillIn(item, ids));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillIn(v, ids)]));
  }
  return value;
}

const isWrite = (status: number) => status >= 200 && status < 300;

/**
 * Makes the writes one by one. A new application takes a moment to reach every directory
 * replica, so creating its service principal is retried while Graph does not know the appId yet.
 */
export async function applyChanges(
  graph: Graph,
  manifest: Manifest,
  changes: readonly Change[],
  sleep: (ms: number) => Promise<void>,
  log: (line: string) => void = () => {},
): Promise<ApplyResult> {
  const ids = new Map<string, string>();
  const result: ApplyResult = { application: null, servicePrincipal: null };
  for (const change of changes) {
    const body = fillIn(change.body, ids) as Json;
    let response = await graph(change.method, change.path, body, change.headers);
    for (let attempt = 1; change.creates === 'servicePrincipal' && attempt <= 6; attempt++) {
      if (response.status !== 400 && response.status !== 404) break;
      await sleep(Math.min(2 ** attempt, 30) * 1000);
      response = await graph(change.method, change.path, body, change.headers);
    }
    if (!isWrite(response.status)) throw failure(change.method, change.path, response);
    log(`  done: ${change.summary}`);

    if (change.creates === 'application') {
      let created = response.body as LiveApplication | null;
      if (!created?.appId) {
        created = await get<LiveApplication>(
          graph,
          `/applications(uniqueName='${quote(manifest.uniqueName)}')?$select=id,appId`,
        );
      }
      if (!created) throw new RegistrationError('Graph did not return the new application');
      ids.set(NEW_APP_ID, created.appId);
      result.application = { id: created.id, appId: created.appId };
    }
    if (change.creates === 'servicePrincipal') {
      const created = response.body as LiveServicePrincipal;
      ids.set(NEW_SERVICE_PRINCIPAL_ID, created.id);
      result.servicePrincipal = { id: created.id };
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// One run
// ---------------------------------------------------------------------------------------------

export interface RunOptions {
  siteUrls: string[];
  dryRun: boolean;
  grantConsent: boolean;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

export interface RunResult {
  changes: Change[];
  notes: string[];
  warnings: string[];
  applied: boolean;
  /** null only on a dry run against a tenant without the application. */
  appId: string | null;
  servicePrincipalId: string | null;
  graphServicePrincipalId: string;
  scopeIds: Map<string, string>;
  /** Every read-only scope is consented for all users (after this run, if it wrote). */
  readScopesConsented: boolean;
}

export async function register(
  graph: Graph,
  manifest: Manifest,
  options: RunOptions,
): Promise<RunResult> {
  if (options.siteUrls.length === 0) {
    throw new RegistrationError('Give the site URL: --url https://tapdesk.contoso.com/');
  }
  const siteUrls = options.siteUrls.map(normalizeSiteUrl);
  const live = await readLiveState(graph, manifest);
  const { ids, notes } = resolveScopeIds(manifest, live.graph);
  const changes = planChanges(manifest, live, {
    redirectUris: redirectUrisFor(manifest, siteUrls),
    scopeIds: ids,
    grantConsent: options.grantConsent,
  });
  const warnings = options.grantConsent ? [] : consentWarnings(manifest, live);
  const readScopesConsented =
    (options.grantConsent && !options.dryRun) || unconsentedReadScopes(manifest, live).length === 0;

  let appId = live.application?.appId ?? null;
  let servicePrincipalId = live.servicePrincipal?.id ?? null;
  const applied = !options.dryRun && changes.length > 0;
  if (applied) {
    const sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
    const result = await applyChanges(graph, manifest, changes, sleep, options.log);
    appId = result.application?.appId ?? appId;
    servicePrincipalId = result.servicePrincipal?.id ?? servicePrincipalId;
  }
  return {
    changes,
    notes,
    warnings,
    applied,
    appId,
    servicePrincipalId,
    graphServicePrincipalId: live.graph.id,
    scopeIds: ids,
    readScopesConsented,
  };
}

// ---------------------------------------------------------------------------------------------
// What the admin does next
// ---------------------------------------------------------------------------------------------

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
