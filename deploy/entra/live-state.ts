/** What the tenant holds: the application, its service principal, grants and Graph's scopes. */
import { filter, get, quote, type Graph } from './graph-rest';
import { scopeNames, type Manifest } from './manifest';
import { RegistrationError } from './site-urls';

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
