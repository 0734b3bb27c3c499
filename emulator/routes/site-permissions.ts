/**
 * Application permissions on the verification site, as Graph's site `permission` resource holds
 * them: `GET /sites/{site-id}/permissions` and `DELETE …/permissions/{id}`, which need
 * Sites.FullControl.All (Graph "List permissions" / "Delete permission" for a site). TAP Desk
 * never holds that scope, so in the demo these answer 403 to the app; the control API and the
 * `verificationSiteGrant` setting stand in for the SharePoint Administrator.
 *
 * With delegated Sites.Selected, a request reaches a site only when the site names the app, and
 * then gets the lesser of the app's role and the person's own permission (admin guide 5.4).
 */
import { DEMO_APPS, DEMO_CLIENT_ID, ROLE_TEMPLATE_IDS } from '../constants';
import { GraphError } from '../graph/errors';
import { allowQueryOptions, metadataUrl } from '../graph/odata';
import { holdsAnyScope, type Caller, type GraphContext, type GraphRouter } from '../graph/router';
import type { SitePermission, Tenant } from '../model';
import type { SiteGrant } from '../settings';

/** The app's highest right on the site, in the list's terms: none, read, or write. */
export type AppSiteRight = 'none' | 'read' | 'write';

const SITES_WITHOUT_GRANT: Record<string, AppSiteRight> = {
  'sites.read.all': 'read',
  'sites.readwrite.all': 'write',
  'sites.manage.all': 'write',
  'sites.fullcontrol.all': 'write',
};

/** What the app named in the token may do on `siteId`, from its scopes and the site's grants. */
export function appSiteRight(
  tenant: Tenant,
  caller: Caller & { appId?: string },
  siteId: string,
): AppSiteRight {
  let best: AppSiteRight = 'none';
  const raise = (right: AppSiteRight) => {
    if (right === 'write' || (right === 'read' && best === 'none')) best = right;
  };
  for (const scope of caller.scopes) raise(SITES_WITHOUT_GRANT[scope.toLowerCase()] ?? 'none');
  if (holdsAnyScope(caller, ['Sites.Selected'])) {
    for (const grant of tenant.sitePermissions) {
      if (grant.siteId.toLowerCase() !== siteId.toLowerCase()) continue;
      if (grant.application.id !== (caller.appId ?? DEMO_CLIENT_ID)) continue;
      if (grant.roles.includes('write')) raise('write');
      else if (grant.roles.includes('read')) raise('read');
    }
  }
  return best;
}

/**
 * Replaces TAP Desk's grants on `siteId` (the setting, or a SharePoint Administrator's change):
 * TAP Desk gets `grant`, TAP Desk Reports read (never more, it only reads), and neither gets
 * anything when `grant` is none.
 */
export function setTapDeskSiteGrant(tenant: Tenant, siteId: string, grant: SiteGrant): void {
  const ours = new Set<string>([DEMO_APPS.main.clientId, DEMO_APPS.reports.clientId]);
  tenant.sitePermissions = tenant.sitePermissions.filter(
    (p) => !(p.siteId === siteId && ours.has(p.application.id)),
  );
  if (grant === 'none') return;
  const add = (app: { clientId: string; displayName: string }, role: 'read' | 'write') =>
    tenant.sitePermissions.push({
      id: `aTowaS50fG1zLnNwLmV4dHw${tenant.nextId()}`,
      siteId,
      roles: [role],
      application: { id: app.clientId, displayName: app.displayName },
    });
  add(DEMO_APPS.main, grant);
  add(DEMO_APPS.reports, 'read');
}

const SHAREPOINT_ADMINISTRATOR = 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c';
const ADMIN_ROLES = [ROLE_TEMPLATE_IDS.globalAdministrator, SHAREPOINT_ADMINISTRATOR];

function permissionResource(permission: SitePermission) {
  const identity = { application: { ...permission.application } };
  return {
    id: permission.id,
    roles: [...permission.roles],
    grantedToIdentitiesV2: [identity],
    grantedToIdentities: [identity],
  };
}

export function registerSitePermissionRoutes(
  router: GraphRouter,
  siteExists: (id: string) => boolean,
) {
  // Graph documents Sites.FullControl.All only; SharePoint also wants an administrator (Global
  // or SharePoint Administrator), so the emulator asks for both.
  const access = {
    scopes: ['Sites.FullControl.All'],
    roles: ADMIN_ROLES,
    deniedCode: 'accessDenied',
  };
  const site = (ctx: GraphContext) => {
    const id = ctx.params.siteId ?? '';
    if (!siteExists(id))
      throw new GraphError(404, 'itemNotFound', 'Requested site could not be found');
    return id.toLowerCase();
  };
  const path = '/sites/{siteId}/permissions';
  router.register('GET', path, access, (ctx) => {
    allowQueryOptions(ctx, []);
    const id = site(ctx);
    return {
      status: 200,
      body: {
        '@odata.context': metadataUrl(ctx, `sites('${ctx.params.siteId}')/permissions`),
        value: ctx.state.sitePermissions
          .filter((p) => p.siteId.toLowerCase() === id)
          .map(permissionResource),
      },
    };
  });
  router.register('DELETE', `${path}/{permissionId}`, access, (ctx) => {
    const id = site(ctx);
    const before = ctx.state.sitePermissions.length;
    ctx.state.sitePermissions = ctx.state.sitePermissions.filter(
      (p) => !(p.siteId.toLowerCase() === id && p.id === ctx.params.permissionId),
    );
    if (ctx.state.sitePermissions.length === before) {
      throw new GraphError(404, 'itemNotFound', 'Item not found');
    }
    return { status: 204 };
  });
}
