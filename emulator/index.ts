import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Manifest } from '../deploy/entra/manifest';
import { normalizeSiteUrl, redirectUrisFor } from '../deploy/entra/site-urls';
import { DEMO_APPS, DEMO_TENANT_ID } from './constants';
import { createControlHandler } from './control/routes';
import { createDirectoryLimiter, type DirectoryQuotas } from './graph/directory-limit';
import { FaultPlan } from './graph/faults';
import { tenantChanging } from './graph/listing-cache';
import { createGraphHandler, type RequestLogEntry } from './graph/pipeline';
import { createRateThrottle } from './graph/throttle';
import { createSigner, type Signer } from './identity/keys';
import { createIdentityHandler } from './identity/routes';
import { IdentityStore } from './identity/store';
import type { Tenant } from './model';
import { createGraphRouter } from './routes/index';
import { refreshRegistrationReport } from './routes/reports';
import { MANIFEST, MANIFESTS } from './seed/consent';
import { VERIFICATION_SITE_ID } from './routes/lists';
import { setTapDeskSiteGrant } from './routes/site-permissions';
import { createTenant } from './seed/tenant';
import { DEFAULT_SETTINGS, parseSettingsPatch, type EmulatorSettings } from './settings';

export * from './constants';
export type { EmulatorSettings } from './settings';
export { DEFAULT_SETTINGS, DEMO_SETTINGS } from './settings';
export type * from './model';
export { DEMO_ACCOUNTS, DEMO_FIXTURES, type DemoAccount, type DemoFixtureKey } from './seed/people';
export { GraphError } from './graph/errors';
export type { GraphContext, GraphHandler, GraphResult, RouteAccess, Caller } from './graph/router';
export type { Throttle, ThrottleDecision, ThrottleRequest } from './graph/throttle';
export {
  GRAPH_DIRECTORY_QUOTAS,
  resourceUnitCost,
  resourceUnitQuota,
  type DirectoryQuotas,
} from './graph/directory-limit';

const MAX_LOGGED_REQUESTS = 50_000;

export interface Emulator {
  /** Connect-style: answers /login/…, /graph/… and /emulator/…, calls next() for the rest. */
  middleware(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  /** Back to the initial settings and a freshly generated tenant (sign-ins survive). */
  reset(): void;
  readonly settings: EmulatorSettings;
  /** The tenant the Graph routes serve; replaced by reset and by shape-changing settings. */
  readonly state: Tenant;
  /** How long the last tenant took to generate, in milliseconds (benchmarks print it). */
  readonly seedMs: number;
}

export interface EmulatorOptions {
  settings?: Partial<EmulatorSettings>;
  /**
   * The https origin the emulator is served on (`https://localhost:5173`), where the demo app
   * runs beside it. Configuration, never read from a request's Host header.
   */
  origin?: string;
  /**
   * Other sites the demo app is registered for, as `npm run register-app -- --url` registers
   * them (`https://localhost:8443/it/tapdesk/`): a production build served elsewhere.
   */
  appUrls?: readonly string[];
  /** How the Graph side waits (settings.latencyMs, slow faults); tests inject one to observe it. */
  wait?: (ms: number) => Promise<void>;
  /** The Graph limiters' clock; a simulation of many agents runs it ahead of real time. */
  now?: () => number;
  /** Graph's directory limits (graph/directory-limit.ts); tests lower them to reach them. */
  directoryQuotas?: DirectoryQuotas;
}

/**
 * A demo app registration's redirect URIs (TAP Desk's unless another manifest is given): its SPA
 * redirect URIs for the emulator's own site (its origin's root) and each app URL, exactly as
 * register-app writes them to a real tenant.
 */
export function registeredRedirectUris(
  options: EmulatorOptions,
  manifest: Manifest = MANIFEST,
): string[] {
  const sites = [
    ...(options.origin ? [`${new URL(options.origin).origin}/`] : []),
    ...(options.appUrls ?? []),
  ];
  return redirectUrisFor(manifest, sites.map(normalizeSiteUrl));
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const initial: EmulatorSettings = {
    ...DEFAULT_SETTINGS,
    ...parseSettingsPatch(options.settings),
  };
  let settings = initial;
  // The registration report's first refresh is the seed's moment: later changes wait for the next.
  let seedMs = 0;
  const seed = (s: EmulatorSettings) => {
    const started = performance.now();
    const created = createTenant(s);
    refreshRegistrationReport(created, created.generatedAt);
    seedMs = performance.now() - started;
    return created;
  };
  let tenant = seed(settings);
  const store = new IdentityStore();
  const requests: RequestLogEntry[] = [];
  const throttle = createRateThrottle();
  const directory = createDirectoryLimiter({
    tenantId: DEMO_TENANT_ID,
    ...(options.directoryQuotas ? { quotas: options.directoryQuotas } : {}),
  });
  const router = createGraphRouter();
  const faults = new FaultPlan();

  const reset = (overrides: Partial<EmulatorSettings> = {}) => {
    settings = { ...initial, ...overrides };
    tenant = seed(settings);
    requests.length = 0;
    faults.clear();
    for (const t of [throttle, directory, ...router.throttles()]) t.reset();
  };
  const redirectUris = registeredRedirectUris(options);
  const control = createControlHandler({
    origins: [...new Set(redirectUris.map((uri) => new URL(uri).origin))],
    settings: () => settings,
    updateSettings(patch) {
      const reshaped = (['userCount', 'pilotSize'] as const).some(
        (key) => key in patch && patch[key] !== settings[key],
      );
      settings = { ...settings, ...patch };
      if (reshaped) tenant = seed(settings);
      if (patch.verificationSiteGrant) {
        setTapDeskSiteGrant(tenant, VERIFICATION_SITE_ID, patch.verificationSiteGrant);
      }
      if ('throttleRate' in patch) throttle.reset();
    },
    reset,
    requests,
    faults,
    store,
    tenant: () => tenant,
  });

  // Key generation is async; requests that arrive first wait for it.
  const handlers = createSigner().then((signer: Signer) => {
    const deps = {
      signer,
      store,
      tenant: () => tenant,
      settings: () => settings,
      redirectUris: {
        [DEMO_APPS.main.clientId]: redirectUris,
        [DEMO_APPS.reports.clientId]: registeredRedirectUris(options, MANIFESTS.reports),
      },
    };
    return {
      identity: createIdentityHandler(deps),
      graph: createGraphHandler({
        ...deps,
        router,
        throttle,
        directory,
        faults,
        ...(options.wait ? { wait: options.wait } : {}),
        ...(options.now ? { now: options.now } : {}),
        log: (entry) => {
          // Bounded, so a long demo or benchmark session cannot grow it without end.
          if (requests.push(entry) > MAX_LOGGED_REQUESTS) requests.shift();
        },
      }).handleGraph,
    };
  });

  function middleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const url = new URL(req.url ?? '/', 'https://emulator.invalid');
    const area = /^\/(login|graph|emulator)(\/|$)/.exec(url.pathname)?.[1];
    if (!area) return next();
    // Sign-in and the control area change the tenant outside Graph's routes (a caller's phone
    // action, a pass used, settings): kept listings go before and after (graph/listing-cache.ts).
    const changing = area !== 'graph' && req.method !== 'GET' && req.method !== 'HEAD';
    const run = async () => {
      if (changing) tenantChanging(tenant);
      try {
        if (area === 'emulator') return await control(req, res, url);
        const { identity, graph } = await handlers;
        return await (area === 'login' ? identity(req, res, url) : graph(req, res, url));
      } finally {
        if (changing) tenantChanging(tenant);
      }
    };
    run().catch((error: unknown) => {
      console.error('[emulator]', error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  }

  return {
    middleware,
    reset: () => reset(),
    get settings() {
      return settings;
    },
    get state() {
      return tenant;
    },
    get seedMs() {
      return seedMs;
    },
  };
}
