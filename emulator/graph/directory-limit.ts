import type { Throttle, ThrottleDecision, ThrottleRequest } from './throttle';

/**
 * Graph's identity-and-access limits (docs/graph-facts.md §8): resource units (RU) per 10 s for
 * each app in a tenant, by tenant size, and write quotas per app in a tenant, per app and per
 * tenant. Graph describes a token bucket; a sliding window of the same size is never kinder.
 */
export interface DirectoryQuotas {
  /** RU per 10 s per app per tenant: under 50 users, 50 to 500, above 500. */
  resourceUnits: { small: number; medium: number; large: number };
  resourceWindowSeconds: number;
  /** RU per 20 s per app across tenants: one tenant here, so per app. */
  appResourceUnits: number;
  appResourceWindowSeconds: number;
  /** Writes (POST, PATCH, PUT, DELETE) per app per tenant, per app, and per tenant for all apps. */
  writes: { appTenant: Quota; app: Quota; tenant: Quota };
}

export interface Quota {
  units: number;
  windowSeconds: number;
}

export const GRAPH_DIRECTORY_QUOTAS: DirectoryQuotas = {
  resourceUnits: { small: 3_500, medium: 5_000, large: 8_000 },
  resourceWindowSeconds: 10,
  appResourceUnits: 150_000,
  appResourceWindowSeconds: 20,
  writes: {
    appTenant: { units: 3_000, windowSeconds: 150 },
    app: { units: 70_000, windowSeconds: 300 },
    tenant: { units: 18_000, windowSeconds: 300 },
  },
};

/** The tenant-size RU quota: S under 50 users, M 50 to 500, L above 500. */
export function resourceUnitQuota(quotas: DirectoryQuotas, users: number): number {
  const { small, medium, large } = quotas.resourceUnits;
  return users < 50 ? small : users <= 500 ? medium : large;
}

/** First path segments Graph serves from the directory (identity and access). */
const DIRECTORY_ROOTS = new Set(
  [
    'users',
    'me',
    'groups',
    'directoryroles',
    'directoryroletemplates',
    'directoryobjects',
    'applications',
    'serviceprincipals',
    'oauth2permissiongrants',
    'organization',
    'domains',
    'contracts',
    'subscribedskus',
    'devices',
    'policies',
    'getobjectsbyid',
  ].map((root) => root.toLowerCase()),
);

export function isDirectoryPath(path: string): boolean {
  const root = path.split('?')[0]?.split('/').filter(Boolean)[0] ?? '';
  return DIRECTORY_ROOTS.has(root.toLowerCase());
}

/** Base RU costs from Microsoft's table; `{u}` stands for `me` or `users/{id}`. Unlisted: 1. */
const BASE_COSTS: readonly { method: string; pattern: RegExp; cost: number }[] = (
  [
    ['GET', 'applications', 2],
    ['GET', 'applications/[^/]+/extensionproperties', 2],
    ['GET', 'contracts', 3],
    ['POST', 'directoryobjects/getbyids', 3],
    ['GET', 'domains/[^/]+/domainnamereferences', 4],
    ['POST', 'getobjectsbyid', 3],
    ['GET', 'groups/[^/]+/members', 3],
    ['GET', 'groups/[^/]+/transitivemembers', 5],
    ['POST', 'ismemberof', 4],
    ['POST', '{u}/checkmember(groups|objects)', 4],
    ['POST', '{u}/getmember(groups|objects)', 2],
    ['GET', '{u}/(licensedetails|memberof|ownedobjects|transitivememberof)', 2],
    ['GET', 'oauth2permissiongrants(/[^/]+)?', 2],
    ['GET', 'serviceprincipals/[^/]+/approleassignments', 2],
    ['GET', 'subscribedskus', 3],
    ['GET', 'users', 2],
  ] as const
).map(([method, pattern, cost]) => ({
  method,
  pattern: new RegExp(`^${pattern.replace('{u}', '(me|users/[^/]+)')}$`),
  cost,
}));

/**
 * A request's RU cost: the base cost, one less with $select, one more with $expand, one less
 * with $top under 20, never below 1. A type cast (`/microsoft.graph.user`) and `$count` count as
 * the path they narrow, as Graph's table does not list them apart.
 */
export function resourceUnitCost(method: string, pathWithQuery: string): number {
  const [path = '', search = ''] = pathWithQuery.split('?');
  const segments = path
    .split('/')
    .filter(Boolean)
    .filter((segment) => !/^(microsoft\.graph\.\w+|\$count)$/i.test(segment));
  const key = segments.join('/').toLowerCase();
  const base = BASE_COSTS.find((c) => c.method === method.toUpperCase() && c.pattern.test(key));
  const query = new URLSearchParams(search);
  const top = Number(query.get('$top'));
  const cost =
    (base?.cost ?? 1) -
    (query.has('$select') ? 1 : 0) +
    (query.has('$expand') ? 1 : 0) -
    (query.has('$top') && top < 20 ? 1 : 0);
  return Math.max(1, cost);
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** A sliding window of spent units; refusals are not spent. */
class Window {
  private entries: { at: number; units: number }[] = [];
  private total = 0;

  constructor(private readonly seconds: number) {}

  /** Milliseconds until `units` more fit under `limit`, 0 if they fit now. */
  waitFor(now: number, units: number, limit: number): number {
    const windowMs = this.seconds * 1000;
    while (this.entries.length > 0 && this.entries[0]!.at <= now - windowMs) {
      this.total -= this.entries.shift()!.units;
    }
    let over = this.total + units - limit;
    if (over <= 0) return 0;
    for (const entry of this.entries) {
      over -= entry.units;
      if (over <= 0) return entry.at + windowMs - now;
    }
    return windowMs;
  }

  spend(now: number, units: number): void {
    this.entries.push({ at: now, units });
    this.total += units;
  }
}

export interface DirectoryLimiterOptions {
  quotas?: DirectoryQuotas;
  tenantId: string;
}

/**
 * Graph's directory limits as a Throttle. The pipeline runs it for every directory path
 * (isDirectoryPath) after authentication, so the caller's app is known; a 429 names the scope
 * in x-ms-throttle-scope and the reason in x-ms-throttle-information, as Graph documents.
 */
export function createDirectoryLimiter(options: DirectoryLimiterOptions): Throttle {
  const quotas = options.quotas ?? GRAPH_DIRECTORY_QUOTAS;
  let windows = new Map<string, Window>();
  const window = (key: string, seconds: number) => {
    let found = windows.get(key);
    if (!found) windows.set(key, (found = new Window(seconds)));
    return found;
  };

  function check(request: ThrottleRequest): ThrottleDecision | undefined {
    const app = request.appId ?? '';
    const cost = resourceUnitCost(request.method, request.path);
    const write = WRITES.has(request.method.toUpperCase());
    const limits: {
      window: Window;
      units: number;
      limit: number;
      scope: string;
      reason: string;
    }[] = [
      {
        window: window(`ru:${app}`, quotas.resourceWindowSeconds),
        units: cost,
        limit: resourceUnitQuota(quotas, request.tenantUsers ?? 0),
        scope: `Tenant_Application/Read/${app}/${options.tenantId}`,
        reason: 'ResourceUnitLimitExceeded',
      },
      {
        window: window(`app-ru:${app}`, quotas.appResourceWindowSeconds),
        units: cost,
        limit: quotas.appResourceUnits,
        scope: `Application/Read/${app}/${options.tenantId}`,
        reason: 'ResourceUnitLimitExceeded',
      },
    ];
    if (write) {
      const { appTenant, app: perApp, tenant } = quotas.writes;
      limits.push(
        ...[
          { key: `w:${app}`, quota: appTenant, scope: 'Tenant_Application' },
          { key: `app-w:${app}`, quota: perApp, scope: 'Application' },
          { key: 'tenant-w', quota: tenant, scope: 'Tenant' },
        ].map(({ key, quota, scope }) => ({
          window: window(key, quota.windowSeconds),
          units: 1,
          limit: quota.units,
          scope: `${scope}/Write/${app}/${options.tenantId}`,
          reason: 'WriteLimitExceeded',
        })),
      );
    }
    const waits = limits.map((l) => ({
      ...l,
      ms: l.window.waitFor(request.now, l.units, l.limit),
    }));
    const worst = waits.reduce((a, b) => (b.ms > a.ms ? b : a));
    if (worst.ms > 0) {
      return {
        retryAfterSeconds: Math.max(1, Math.ceil(worst.ms / 1000)),
        message:
          'Too many requests to the directory. Wait for the Retry-After interval, then retry.',
        headers: {
          'x-ms-throttle-scope': worst.scope,
          'x-ms-throttle-information': worst.reason,
        },
      };
    }
    for (const l of limits) l.window.spend(request.now, l.units);
    return undefined;
  }

  return {
    check,
    reset() {
      windows = new Map();
    },
  };
}
