/** The plan: the Graph writes that bring the tenant to the manifest, each with a summary. */
import type {
  LiveAppRole,
  LiveApplication,
  LiveGrant,
  LiveResourceAccess,
  LiveState,
} from './live-state';
import { quote } from './graph-rest';
import {
  isReadOnlyScope,
  readOnlyScopeNames,
  scopeNames,
  type Manifest,
  type ManifestAppRole,
} from './manifest';
import { RegistrationError } from './site-urls';

/** Integrated apps get this tag from the portal; without it the app is missing from its lists. */
const INTEGRATED_APP_TAG = 'WindowsAzureActiveDirectoryIntegratedApp';

type Json = Record<string, unknown>;

/** Placeholders for objects a run creates before a later change needs their ids. */
export const NEW_APP_ID = '{new application appId}';
export const NEW_SERVICE_PRINCIPAL_ID = '{new service principal id}';

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
export function unconsentedReadScopes(manifest: Manifest, live: LiveState): string[] {
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
