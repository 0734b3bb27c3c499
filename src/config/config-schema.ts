/**
 * The rules config.json must follow, as a zod/mini schema. Types, ranges, required and optional
 * fields come from zod; the rules only TAP Desk knows (GUIDs, Entra authorities, the app's own
 * origin, trusted hosts) are checks that word their own problem. config-problems.ts turns every
 * issue into a sentence for people.
 */
import * as z from 'zod/mini';
import type { core } from 'zod/mini';
import { FIELD_SPECS, fieldsOf, type FieldPath } from './config-fields';
import type { RuleParams } from './config-problems';
import { shown, short } from './config-problems';
import { isDemoHost, isMicrosoftHost, MICROSOFT_HOSTS, type HostRole } from './microsoft-hosts';
import { SPELLING_LANGUAGES } from '../lib/spelling-languages';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GUID_SOURCE = GUID.source.slice(1, -1);
/** Graph's composite site id: `hostname,siteCollectionId,webId`. */
const SITE_ID = new RegExp(`^[a-z0-9-]+(\\.[a-z0-9-]+)+,${GUID_SOURCE},${GUID_SOURCE}$`, 'i');
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const HOST = /^([a-z][a-z0-9+.-]*:\/\/)?[a-z0-9.-]+(:\d+)?\/?$/i;
/** A host name alone, with an optional port: what allowNonMicrosoftHosts lists. */
const BARE_HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;
const OVERRIDE = 'allowNonMicrosoftHosts';
const IGNORED = 'is not a field TAP Desk reads, so it is ignored';
/** Authority paths that name no tenant: a single-tenant app cannot sign anyone in through them. */
const NO_TENANT = ['common', 'organizations', 'consumers'];

export const DEFAULT_AUDIT = { retentionDays: 30, matchWindowMinutes: 10, defaultRangeDays: 7 };

type Json = Record<string, unknown>;
type Payload = { value: unknown; issues: core.$ZodRawIssue[] };

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Records a problem with the value being checked, or with `path` inside it. */
function fail(payload: Payload, message: string, path?: PropertyKey[], params?: RuleParams) {
  payload.issues.push({ code: 'custom', message, input: payload.value, path, params });
}

/** An entry of allowNonMicrosoftHosts as URL.host writes it; undefined when it is not a host. */
export function overrideHost(entry: unknown): string | undefined {
  return typeof entry === 'string' && BARE_HOST.test(entry.trim())
    ? new URL(`https://${entry.trim()}`).host
    : undefined;
}

export interface SchemaContext {
  /** The app's base URL: relative URLs resolve against it, and redirect pages must be on it. */
  base: URL;
  /** auth.protocolMode as config.json has it, read first: it decides which hosts are trusted. */
  protocolMode: string;
  /** allowNonMicrosoftHosts, read first: the URL fields are checked against it. */
  overrideHosts: readonly (string | undefined)[];
  /** Report fields TAP Desk ignores, as issues marked `warning`. */
  warnings: boolean;
}

/** The schema for one check of config.json, and the non-Microsoft hosts it let through. */
export function configSchema(context: SchemaContext) {
  const { base, protocolMode } = context;
  const nonMicrosoft = new Map<string, string[]>();
  let authorityTenant: string | undefined;

  const text = () =>
    z.string().check((payload) => {
      if (payload.value.trim() === '') fail(payload, 'is empty');
    });

  type RangedField = {
    [F in FieldPath]: (typeof FIELD_SPECS)[F] extends { range: unknown } ? F : never;
  }[FieldPath];
  const whole = (field: RangedField) => {
    const [min, max] = FIELD_SPECS[field].range;
    return z.int().check(z.minimum(min), z.maximum(max));
  };

  /** A GUID, trimmed; lower-cased unless `keepCase`. */
  const guid = (keepCase = false) =>
    z.pipe(
      text(),
      z.transform((value: string, payload) => {
        const id = value.trim();
        if (!GUID.test(id)) fail(payload, `is ${shown(value)}, not a GUID`);
        return keepCase ? id : id.toLowerCase();
      }),
    );

  /**
   * Fields TAP Desk does not read, as warnings. One whose name differs only in letter case from
   * a field is marked `meant`: a problem unless config.json has that field too, which only the
   * raw JSON can tell (a default may have filled it in here).
   */
  const unknownFields = (section: string) =>
    z.check<Json>(
      (payload) => {
        if (!isObject(payload.value) || !context.warnings) return;
        const known = fieldsOf(section);
        for (const key of Object.keys(payload.value)) {
          if (known.includes(key) || (section === '' && key === '$schema')) continue;
          const meant = known.find((name) => name.toLowerCase() === key.toLowerCase());
          fail(payload, IGNORED, [key], meant === undefined ? { warning: true } : { meant });
        }
      },
      // Runs even when a field inside has a problem: a misspelt name may be the reason.
      { when: () => true },
    );

  /** An object whose fields config-fields.ts names under `path`. */
  const object = <T extends core.$ZodLooseShape>(path: string, shape: T) =>
    z.looseObject(shape).check(unknownFields(path));
  /** A section: absent reads as `{}`, so each of its required fields reports itself missing. */
  const section = <T extends core.$ZodLooseShape>(path: string, shape: T) =>
    z.prefault(object(path, shape), {} as never);
  const list = <T extends core.SomeType>(item: T) => z.array(item);
  const optionalList = <T extends core.SomeType>(item: T) =>
    z._default(z.array(item), () => [] as core.output<T>[]);

  /** Resolves against the app's base URL; `absolute` refuses relative ones. */
  const url = (value: string, payload: Payload, absolute = false): URL | null => {
    try {
      return absolute ? new URL(value) : new URL(value, base);
    } catch {
      fail(payload, `is ${shown(value)}, ${absolute ? 'not an absolute https URL' : 'not a URL'}`);
      return null;
    }
  };

  const https = (url: URL, payload: Payload, why = '', allowQuery = false) => {
    if (url.protocol !== 'https:') {
      fail(payload, `must use https${why}, not ${url.protocol.replace(/:$/, '')}`);
      return false;
    }
    if (!allowQuery && (url.search !== '' || url.hash !== '')) {
      fail(payload, 'must not have a query (?) or fragment (#)');
      return false;
    }
    return true;
  };

  /** A page of the app itself: same origin, so MSAL can read the response there. */
  const sameOrigin = (url: URL, payload: Payload) => {
    if (url.origin === base.origin) return true;
    fail(
      payload,
      `is on ${url.origin}, but TAP Desk runs on ${base.origin}: MSAL needs this page on the app's own origin`,
    );
    return false;
  };

  /** Fails unless the host is Microsoft's, the demo's, or named in allowNonMicrosoftHosts. */
  const trusted = (url: URL, field: string, role: HostRole, payload: Payload) => {
    if (isMicrosoftHost(url, role) || isDemoHost(url, protocolMode)) return;
    if (context.overrideHosts.includes(url.host)) {
      nonMicrosoft.set(url.host, [...(nonMicrosoft.get(url.host) ?? []), field]);
      return;
    }
    const { what, hosts } = MICROSOFT_HOSTS[role];
    fail(
      payload,
      `is on ${url.host}, which is not ${what} (${hosts.join(', ')}); to use it anyway, name it in ${OVERRIDE}`,
    );
  };

  /** An Entra authority's path is `/<tenant>` or `/<tenant>/v2.0`; returns the tenant. */
  const entraTenant = (url: URL, payload: Payload): string | undefined => {
    const [tenant, version, ...rest] = url.pathname.split('/').filter(Boolean);
    if (tenant === undefined || rest.length > 0 || (version !== undefined && version !== 'v2.0')) {
      fail(payload, `has the path ${url.pathname}, but Entra ID expects /<tenant ID>/v2.0`);
    } else if (NO_TENANT.includes(tenant.toLowerCase())) {
      fail(
        payload,
        `names no tenant ("${tenant}"): TAP Desk signs in to your own tenant only, so use its Directory (tenant) ID`,
      );
    } else if (!GUID.test(tenant) && !DOMAIN.test(tenant)) {
      fail(payload, `names "${short(tenant)}", which is neither a tenant ID nor a domain`);
    } else {
      return tenant;
    }
    return undefined;
  };

  const withoutTrailingSlash = (url: string) => url.replace(/\/$/, '');

  const authority = z.pipe(
    text(),
    z.transform((value: string, payload) => {
      const resolved = url(value, payload);
      if (!resolved || !https(resolved, payload, ' (MSAL refuses any other authority)')) {
        return value;
      }
      trusted(resolved, 'auth.authority', 'authority', payload);
      if (protocolMode === 'AAD') authorityTenant = entraTenant(resolved, payload);
      return withoutTrailingSlash(resolved.toString());
    }),
  );

  const bridge = new URL('redirect.html', base);
  /** A page of the app: `redirect` must be TAP Desk's redirect page. */
  const appPage = (fallback: string, redirect: boolean) =>
    z.prefault(
      z.pipe(
        text(),
        z.transform((value: string, payload) => {
          const resolved = url(value, payload);
          if (!resolved || !sameOrigin(resolved, payload)) return value;
          if (redirect && resolved.pathname !== bridge.pathname) {
            fail(
              payload,
              `points to ${resolved.pathname}, but TAP Desk's redirect page is ${bridge.pathname}`,
            );
          }
          return resolved.toString();
        }),
      ),
      fallback,
    );

  const auth = section('auth', {
    clientId: guid(true),
    reportsClientId: guid(true),
    authority,
    protocolMode: z._default(z.pipe(text(), z.enum(['AAD', 'OIDC'])), 'AAD'),
    knownAuthorities: optionalList(
      text().check((payload) => {
        const host = payload.value.trim();
        if (host !== '' && !HOST.test(host)) {
          fail(payload, `is ${shown(payload.value)}, not a host name`);
        }
      }),
    ),
    redirectUri: appPage('redirect.html', true),
    postLogoutRedirectUri: appPage('./', false),
  }).check(
    z.check<Json>(
      (payload) => {
        const { clientId, reportsClientId } = payload.value;
        const same = (a: unknown, b: string | undefined) =>
          typeof a === 'string' && b !== undefined && a.trim().toLowerCase() === b.toLowerCase();
        for (const [field, name] of [
          ['clientId', 'TAP Desk'],
          ['reportsClientId', 'TAP Desk Reports'],
        ] as const) {
          if (!same(payload.value[field], authorityTenant)) continue;
          fail(
            payload,
            `is the tenant ID from auth.authority; use the Application (client) ID of the ${name} app registration`,
            [field],
          );
        }
        if (typeof clientId === 'string' && same(reportsClientId, clientId.trim())) {
          fail(
            payload,
            'is the same as auth.clientId: the reports need their own app registration, TAP Desk Reports, for their own Graph budget and read-only tokens',
            ['reportsClientId'],
          );
        }
      },
      { when: (payload) => isObject(payload.value) },
    ),
  );

  const graph = section('graph', {
    baseUrl: z.pipe(
      text(),
      z.transform((value: string, payload) => {
        const resolved = url(value, payload);
        if (!resolved || !https(resolved, payload)) return value;
        trusted(resolved, 'graph.baseUrl', 'graph', payload);
        if (!/\/(v1\.0|beta)\/?$/.test(resolved.pathname)) {
          fail(
            payload,
            `has the path ${resolved.pathname}, which does not end with Graph's version /v1.0`,
          );
        }
        return withoutTrailingSlash(resolved.toString());
      }),
    ),
  });

  const fallbackPolicy = section('tap.fallbackPolicy', {
    minimumLifetimeInMinutes: whole('tap.fallbackPolicy.minimumLifetimeInMinutes'),
    maximumLifetimeInMinutes: whole('tap.fallbackPolicy.maximumLifetimeInMinutes'),
    defaultLifetimeInMinutes: whole('tap.fallbackPolicy.defaultLifetimeInMinutes'),
    isUsableOnce: z.boolean(),
  }).check(
    z.check<{
      minimumLifetimeInMinutes: number;
      maximumLifetimeInMinutes: number;
      defaultLifetimeInMinutes: number;
    }>(
      (payload) => {
        const { minimumLifetimeInMinutes: min, maximumLifetimeInMinutes: max } = payload.value;
        const lifetime = payload.value.defaultLifetimeInMinutes;
        if (min > max) {
          fail(payload, `is ${min}, above maximumLifetimeInMinutes (${max})`, [
            'minimumLifetimeInMinutes',
          ]);
        } else if (lifetime < min || lifetime > max) {
          fail(
            payload,
            `is ${lifetime}, outside the minimum (${min}) and maximum (${max}) lifetimes`,
            ['defaultLifetimeInMinutes'],
          );
        }
      },
      {
        // Only once each lifetime is a whole number in range: a misnamed field alone does not stop it.
        when: (payload) => payload.issues.every((issue) => issue.code === 'custom'),
      },
    ),
  );

  const tap = section('tap', {
    fallbackPolicy,
    targetGroupIds: optionalList(
      z.pipe(
        text(),
        z.transform((value: string, payload) => {
          if (value.trim().toLowerCase() !== 'all_users') {
            const id = value.trim().toLowerCase();
            if (!GUID.test(id)) fail(payload, `is ${shown(value)}, not a GUID`);
            return id;
          }
          fail(
            payload,
            'is "all_users": when the policy targets all users, leave tap.targetGroupIds out',
          );
          return value;
        }),
      ),
    ),
    hideAfterSeconds: whole('tap.hideAfterSeconds'),
    clipboardClearSeconds: z._default(whole('tap.clipboardClearSeconds'), 30),
    spellingLanguage: z.optional(z.pipe(text(), z.enum(SPELLING_LANGUAGES))),
  });

  const verification = section('verification', {
    methods: list(text()).check((payload) => {
      if (payload.value.length === 0) {
        fail(payload, 'is empty: list at least one way to verify a caller');
      }
    }),
    siteId: z.pipe(
      text(),
      z.transform((value: string, payload) => {
        const siteId = value.trim();
        if (/^https?:/i.test(siteId)) {
          fail(
            payload,
            "is the site's web address, but TAP Desk needs its Graph ID (docs/configuration.md says how to find it)",
          );
        } else if (!SITE_ID.test(siteId)) {
          fail(payload, `is ${shown(siteId)}, not hostname,site collection ID,web ID`);
        }
        return siteId;
      }),
    ),
    listId: guid(),
  });

  const pilot = section('pilot', {
    // The id goes into Graph URLs and the page address: only an object id may pass.
    groups: optionalList(object('pilot.groups[]', { id: guid(), displayName: text() })),
    stalledAfterHours: whole('pilot.stalledAfterHours'),
    noTapAfterDays: whole('pilot.noTapAfterDays'),
  });

  // Optional: a deployment without it gets Entra P1/P2's 30-day retention.
  const audit = section('audit', {
    retentionDays: z._default(whole('audit.retentionDays'), DEFAULT_AUDIT.retentionDays),
    matchWindowMinutes: z._default(
      whole('audit.matchWindowMinutes'),
      DEFAULT_AUDIT.matchWindowMinutes,
    ),
    defaultRangeDays: z._default(whole('audit.defaultRangeDays'), DEFAULT_AUDIT.defaultRangeDays),
  });

  const registrationUrl = z.prefault(
    z.pipe(
      text(),
      z.transform((value: string, payload) => {
        const resolved = url(value, payload, true);
        if (resolved && https(resolved, payload, '', true)) {
          trusted(resolved, 'registrationUrl', 'registration', payload);
        }
        return value;
      }),
    ),
    'https://aka.ms/mysecurityinfo',
  );

  // Each entry a host, and each one used (the URL fields come first): an unused one trusts nothing.
  const allowNonMicrosoftHosts = optionalList(
    z.string().check((payload) => {
      const entry = payload.value;
      const host = overrideHost(entry);
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.trim())) {
        fail(payload, `is ${shown(entry)}, a URL: name the host alone, without https://`);
      } else if (host === undefined) {
        fail(payload, `is ${shown(entry)}, not a host name`);
      } else if (!nonMicrosoft.has(host) && context.warnings) {
        fail(
          payload,
          `(${shown(entry)}) is used by none of auth.authority, graph.baseUrl and registrationUrl, so it is ignored`,
          undefined,
          { warning: true },
        );
      }
    }),
  );

  const schema = object('', {
    tenantName: text(),
    auth,
    graph,
    tap,
    verification,
    pilot,
    audit,
    registrationUrl,
    allowNonMicrosoftHosts,
  });
  return { schema, nonMicrosoft };
}
