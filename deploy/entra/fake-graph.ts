/**
 * An in-memory Microsoft Graph v1.0 for registration.test.ts: applications (with the uniqueName
 * upsert), service principals and delegated permission grants. It refuses what the real Graph
 * refuses where the registration code relies on it: removing an app role that is still enabled,
 * duplicate role values, non-https redirect URIs, unknown properties, a service principal for an
 * application the directory does not know yet, a second tenant-wide grant.
 */
import { randomUUID } from 'node:crypto';
import type { Graph, GraphResponse, HttpMethod } from './graph-rest';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  method: HttpMethod;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const APPLICATION_PROPERTIES = new Set([
  'displayName',
  'description',
  'signInAudience',
  'isFallbackPublicClient',
  'groupMembershipClaims',
  'tags',
  'notes',
  'spa',
  'web',
  'publicClient',
  'api',
  'appRoles',
  'requiredResourceAccess',
  'identifierUris',
  'optionalClaims',
  'info',
]);
const SERVICE_PRINCIPAL_PROPERTIES = new Set([
  'appId',
  'accountEnabled',
  'appRoleAssignmentRequired',
  'tags',
  'notes',
]);
const GROUP_MEMBERSHIP_CLAIMS = new Set([
  'None',
  'SecurityGroup',
  'DirectoryRole',
  'ApplicationGroup',
  'All',
]);

const clone = <T>(value: T): T => structuredClone(value);

function error(status: number, code: string, message: string): GraphResponse {
  return { status, body: { error: { code, message } } };
}

const ok = (body: unknown, status = 200): GraphResponse => ({ status, body: clone(body) });
const noContent: GraphResponse = { status: 204, body: null };

export interface FakeGraphOptions {
  /** Microsoft Graph's delegated permissions in this tenant, name → id. */
  graphScopes: Record<string, string>;
  /** How many times creating a service principal for a new app fails before the app replicates. */
  replicationDelay?: number;
}

export class FakeGraph {
  readonly applications: Json[] = [];
  readonly servicePrincipals: Json[] = [];
  readonly grants: Json[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly graphServicePrincipalId = randomUUID();
  private readonly replicationDelay: number;
  private readonly notYetReplicated = new Map<string, number>();

  constructor(options: FakeGraphOptions) {
    this.replicationDelay = options.replicationDelay ?? 0;
    this.servicePrincipals.push({
      id: this.graphServicePrincipalId,
      appId: '00000003-0000-0000-c000-000000000000',
      displayName: 'Microsoft Graph',
      appRoleAssignmentRequired: false,
      oauth2PermissionScopes: Object.entries(options.graphScopes).map(([value, id]) => ({
        id,
        value,
        type: 'Admin',
        isEnabled: true,
      })),
    });
  }

  /** Every request that is not a GET. */
  get writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== 'GET');
  }

  application(uniqueName: string): Json | undefined {
    return this.applications.find((app) => app.uniqueName === uniqueName);
  }

  servicePrincipal(appId: string): Json | undefined {
    return this.servicePrincipals.find((sp) => sp.appId === appId);
  }

  /** Puts an application in the directory as if someone had made it elsewhere (the portal). */
  seedApplication(properties: Json): Json {
    const app = this.newApplication(properties.uniqueName as string | undefined);
    Object.assign(app, clone(properties));
    this.applications.push(app);
    return app;
  }

  readonly graph: Graph = async (method, path, body, headers) => {
    this.requests.push({
      method,
      path,
      ...(body === undefined ? {} : { body: clone(body) }),
      ...(headers ? { headers } : {}),
    });
    return this.route(method, path, body === undefined ? undefined : clone(body), headers ?? {});
  };

  private route(
    method: HttpMethod,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): GraphResponse {
    const [route = '', query = ''] = path.split('?');
    const params = new URLSearchParams(query);
    const unquote = (value: string) => value.replace(/''/g, "'");
    let match: RegExpMatchArray | null;

    if (
      (match = route.match(/^\/servicePrincipals\(appId='((?:[^']|'')+)'\)$/)) &&
      method === 'GET'
    ) {
      const sp = this.servicePrincipal(unquote(match[1] as string));
      return sp ? ok(sp) : error(404, 'Request_ResourceNotFound', 'Resource does not exist.');
    }
    if ((match = route.match(/^\/applications\(uniqueName='((?:[^']|'')+)'\)$/))) {
      const uniqueName = unquote(match[1] as string);
      if (method === 'GET') {
        const app = this.application(uniqueName);
        return app ? ok(app) : error(404, 'Request_ResourceNotFound', 'Resource does not exist.');
      }
      if (method === 'PATCH') return this.upsertApplication(uniqueName, body, headers);
    }
    if (route === '/applications' && method === 'GET') {
      const filter = params.get('$filter') ?? '';
      const byName = filter.match(/^displayName eq '((?:[^']|'')*)'$/);
      if (!byName) return error(400, 'Request_UnsupportedQuery', `Unsupported filter: ${filter}`);
      const name = unquote(byName[1] as string);
      return ok({ value: this.applications.filter((app) => app.displayName === name) });
    }
    if ((match = route.match(/^\/applications\/([^/]+)$/)) && method === 'PATCH') {
      const app = this.applications.find((candidate) => candidate.id === match?.[1]);
      if (!app) return error(404, 'Request_ResourceNotFound', 'Resource does not exist.');
      return this.updateApplication(app, body) ?? noContent;
    }
    if (route === '/servicePrincipals' && method === 'POST')
      return this.createServicePrincipal(body);
    if ((match = route.match(/^\/servicePrincipals\/([^/]+)$/)) && method === 'PATCH') {
      const sp = this.servicePrincipals.find((candidate) => candidate.id === match?.[1]);
      if (!sp) return error(404, 'Request_ResourceNotFound', 'Resource does not exist.');
      const refused = this.unknownProperties(body, SERVICE_PRINCIPAL_PROPERTIES);
      if (refused) return refused;
      Object.assign(sp, body);
      return noContent;
    }
    if (route === '/oauth2PermissionGrants' && method === 'GET') {
      const filter = params.get('$filter') ?? '';
      const byClient = filter.match(/^clientId eq '([^']+)'$/);
      if (!byClient) return error(400, 'Request_UnsupportedQuery', `Unsupported filter: ${filter}`);
      return ok({ value: this.grants.filter((grant) => grant.clientId === byClient[1]) });
    }
    if (route === '/oauth2PermissionGrants' && method === 'POST') return this.createGrant(body);
    if ((match = route.match(/^\/oauth2PermissionGrants\/([^/]+)$/)) && method === 'PATCH') {
      const grant = this.grants.find((candidate) => candidate.id === match?.[1]);
      if (!grant) return error(404, 'Request_ResourceNotFound', 'Resource does not exist.');
      const scope = (body as Json | undefined)?.scope;
      if (typeof scope !== 'string') return error(400, 'Request_BadRequest', 'scope is required');
      grant.scope = scope;
      return noContent;
    }
    return error(400, 'BadRequest', `The fake Graph does not serve ${method} ${path}`);
  }

  private newApplication(uniqueName: string | undefined): Json {
    return {
      id: randomUUID(),
      appId: randomUUID(),
      uniqueName: uniqueName ?? null,
      displayName: null,
      description: null,
      createdDateTime: new Date().toISOString(),
      publisherDomain: 'contoso.onmicrosoft.com',
      signInAudience: 'AzureADandPersonalMicrosoftAccount',
      isFallbackPublicClient: null,
      groupMembershipClaims: null,
      tags: [],
      notes: null,
      spa: { redirectUris: [] },
      web: { redirectUris: [], implicitGrantSettings: { enableIdTokenIssuance: false } },
      publicClient: { redirectUris: [] },
      appRoles: [],
      requiredResourceAccess: [],
    };
  }

  private upsertApplication(
    uniqueName: string,
    body: unknown,
    headers: Record<string, string>,
  ): GraphResponse {
    const existing = this.application(uniqueName);
    if (existing) return this.updateApplication(existing, body) ?? noContent;
    if (headers.Prefer !== 'create-if-missing') {
      return error(404, 'Request_ResourceNotFound', 'Resource does not exist.');
    }
    if (typeof (body as Json | undefined)?.displayName !== 'string') {
      return error(400, 'Request_BadRequest', 'displayName is required');
    }
    const app = this.newApplication(uniqueName);
    const refused = this.updateApplication(app, body);
    if (refused) return refused;
    this.applications.push(app);
    this.notYetReplicated.set(app.appId as string, this.replicationDelay);
    return ok(app, 201);
  }

  private unknownProperties(body: unknown, allowed: Set<string>): GraphResponse | null {
    if (typeof body !== 'object' || body === null) {
      return error(400, 'Request_BadRequest', 'A JSON object is required');
    }
    const unknown = Object.keys(body).filter((key) => !allowed.has(key));
    return unknown.length
      ? error(400, 'Request_BadRequest', `Invalid property '${unknown.join("', '")}'.`)
      : null;
  }

  /** Validates like Graph, then applies; returns a refusal or null. */
  private updateApplication(app: Json, body: unknown): GraphResponse | null {
    const refused = this.unknownProperties(body, APPLICATION_PROPERTIES);
    if (refused) return refused;
    const patch = body as Json;

    const spa = patch.spa as { redirectUris?: unknown } | undefined;
    if (spa) {
      const uris = spa.redirectUris;
      if (!Array.isArray(uris)) return error(400, 'Request_BadRequest', 'spa.redirectUris');
      for (const uri of uris as string[]) {
        const url = URL.canParse(uri) ? new URL(uri) : null;
        const local = url?.hostname === 'localhost' || url?.hostname === '127.0.0.1';
        if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && local))) {
          return error(400, 'Request_BadRequest', `Invalid redirect URI '${uri}'.`);
        }
      }
    }

    const claims = patch.groupMembershipClaims;
    if (claims !== undefined && claims !== null) {
      if (typeof claims !== 'string' || !GROUP_MEMBERSHIP_CLAIMS.has(claims)) {
        return error(400, 'Request_BadRequest', 'Invalid value for groupMembershipClaims.');
      }
    }

    if (patch.requiredResourceAccess !== undefined) {
      for (const resource of patch.requiredResourceAccess as Json[]) {
        for (const access of resource.resourceAccess as Json[]) {
          if (
            !GUID.test(access.id as string) ||
            !['Scope', 'Role'].includes(access.type as string)
          ) {
            return error(400, 'Request_BadRequest', 'Invalid requiredResourceAccess.');
          }
        }
      }
    }

    if (patch.appRoles !== undefined) {
      const roles = patch.appRoles as Json[];
      const values = new Set<string>();
      for (const role of roles) {
        if (!GUID.test(role.id as string)) {
          return error(400, 'Request_BadRequest', 'App role id must be a GUID.');
        }
        const types = role.allowedMemberTypes as string[];
        if (!types.length || types.some((type) => type !== 'User' && type !== 'Application')) {
          return error(400, 'Request_BadRequest', 'Invalid allowedMemberTypes.');
        }
        const value = (role.value as string).toLowerCase();
        if (values.has(value)) {
          return error(400, 'Request_BadRequest', `Duplicate app role value '${role.value}'.`);
        }
        values.add(value);
      }
      const kept = new Set(roles.map((role) => role.id));
      for (const existing of app.appRoles as Json[]) {
        if (!kept.has(existing.id) && existing.isEnabled !== false) {
          return error(
            400,
            'CannotDeleteOrUpdateEnabledEntitlement',
            'Property appRoles is invalid: an app role must be disabled before it is deleted.',
          );
        }
      }
      patch.appRoles = roles.map((role) => ({ ...role, origin: 'Application' }));
    }

    Object.assign(app, patch);
    return null;
  }

  private createServicePrincipal(body: unknown): GraphResponse {
    const refused = this.unknownProperties(body, SERVICE_PRINCIPAL_PROPERTIES);
    if (refused) return refused;
    const appId = (body as Json).appId as string;
    const app = this.applications.find((candidate) => candidate.appId === appId);
    const wait = this.notYetReplicated.get(appId) ?? 0;
    if (!app || wait > 0) {
      if (wait > 0) this.notYetReplicated.set(appId, wait - 1);
      return error(
        400,
        'Request_BadRequest',
        `The appId '${appId}' of the service principal does not reference a valid application object.`,
      );
    }
    if (this.servicePrincipal(appId)) {
      return error(409, 'Request_MultipleObjectsWithSameKeyValue', 'Already exists.');
    }
    const sp = {
      id: randomUUID(),
      appId,
      displayName: app.displayName,
      accountEnabled: true,
      appRoleAssignmentRequired: false,
      tags: [],
      appRoles: clone(app.appRoles),
      ...(body as Json),
    };
    this.servicePrincipals.push(sp);
    return ok(sp, 201);
  }

  private createGrant(body: unknown): GraphResponse {
    const grant = body as Json;
    const client = this.servicePrincipals.find((sp) => sp.id === grant.clientId);
    const resource = this.servicePrincipals.find((sp) => sp.id === grant.resourceId);
    if (!client || !resource) {
      return error(400, 'Request_BadRequest', 'clientId and resourceId must be service principals');
    }
    if (grant.consentType !== 'AllPrincipals' && grant.consentType !== 'Principal') {
      return error(400, 'Request_BadRequest', 'Invalid consentType.');
    }
    if ((grant.consentType === 'Principal') !== (typeof grant.principalId === 'string')) {
      return error(400, 'Request_BadRequest', 'principalId goes with consentType Principal.');
    }
    const duplicate = this.grants.some(
      (other) =>
        other.clientId === grant.clientId &&
        other.resourceId === grant.resourceId &&
        other.consentType === grant.consentType &&
        (other.principalId ?? null) === (grant.principalId ?? null),
    );
    if (duplicate) {
      return error(
        409,
        'Request_MultipleObjectsWithSameKeyValue',
        'Permission entry already exists.',
      );
    }
    const created = { id: randomUUID(), principalId: null, ...grant };
    this.grants.push(created);
    return ok(created, 201);
  }
}
