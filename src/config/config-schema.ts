/**
 * The rules config.json must follow, as a zod/mini schema. Types, ranges, required and optional
 * fields come from zod; the rules only TAP Desk knows (GUIDs, Entra authorities, the app's own
 * origin, trusted hosts) are checks that word their own problem. config-problems.ts turns every
 * issue into a sentence for people.
 */
import * as z from 'zod/mini';
import type { core } from 'zod/mini';
import { FIELD_SPECS, fieldsOf, type FieldPath } from './config-fields';
import type { MessageRef } from '../i18n/catalog';
import { problemRef, shown, short, type RuleParams } from './config-problems';
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
/** Authority paths that name no tenant: a single-tenant app cannot sign anyone in through them. */
const NO_TENANT = ['common', 'organizations', 'consumers'];

export const DEFAULT_AUDIT = { retentionDays: 30, matchWindowMinutes: 10, defaultRangeDays: 7 };

type Json = Record<string, unknown>;
type Payload = { value: unknown; issues: core.$ZodRawIssue[] };

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Records a problem with the value being checked, or with `path` inside it. */
function fail(payload: Payload, problem: MessageRef, path?: PropertyKey[], params?: RuleParams) {
  payload.issues.push({
    code: 'custom',
    message: problem.key,
    input: payload.value,
    path,
    params: { ...params, problem },
  });
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
      if (payload.value.trim() === '') fail(payload, problemRef('empty'));
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
        if (!GUID.test(id)) fail(payload, problemRef('notGuid', { value: shown(value) }));
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
          fail(
            payload,
            problemRef('ignored'),
            [key],
            meant === undefined ? { warning: true } : { meant },
          );
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
      fail(payload, problemRef(absolute ? 'notHttpsUrl' : 'notUrl', { value: shown(value) }));
      return null;
    }
  };

  const https = (url: URL, payload: Payload, authority = false, allowQuery = false) => {
    if (url.protocol !== 'https:') {
      const protocol = url.protocol.replace(/:$/, '');
      fail(payload, problemRef(authority ? 'notHttpsAuthority' : 'notHttps', { protocol }));
      return false;
    }
    if (!allowQuery && (url.search !== '' || url.hash !== '')) {
      fail(payload, problemRef('queryOrFragment'));
      return false;
    }
    return true;
  };

  /** A page of the app itself: same origin, so MSAL can read the response there. */
  const sameOrigin = (url: URL, payload: Payload) => {
    if (url.origin === base.origin) return true;
    fail(payload, problemRef('otherOrigin', { origin: url.origin, base: base.origin }));
    return false;
  };

  /** Fails unless the host is Microsoft's, the demo's, or named in allowNonMicrosoftHosts. */
  const trusted = (url: URL, field: string, role: HostRole, payload: Payload) => {
    if (isMicrosoftHost(url, role) || isDemoHost(url, protocolMode)) return;
    if (context.overrideHosts.includes(url.host)) {
      nonMicrosoft.set(url.host, [...(nonMicrosoft.get(url.host) ?? []), field]);
      return;
    }
    const { hosts } = MICROSOFT_HOSTS[role];
    fail(
      payload,
      problemRef('untrustedHost', {
        host: url.host,
        what: problemRef(`host.${role}`),
        hosts: hosts.join(', '),
      }),
    );
  };

  /** An Entra authority's path is `/<tenant>` or `/<tenant>/v2.0`; returns the tenant. */
  const entraTenant = (url: URL, payload: Payload): string | undefined => {
    const [tenant, version, ...rest] = url.pathname.split('/').filter(Boolean);
    if (tenant === undefined || rest.length > 0 || (version !== undefined && version !== 'v2.0')) {
      fail(payload, problemRef('authorityPath', { path: url.pathname }));
    } else if (NO_TENANT.includes(tenant.toLowerCase())) {
      fail(payload, problemRef('noTenant', { tenant }));
    } else if (!GUID.test(tenant) && !DOMAIN.test(tenant)) {
      fail(payload, problemRef('notTenant', { tenant: short(tenant) }));
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
      if (!resolved || !https(resolved, payload, true)) {
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
              problemRef('redirectPath', { path: resolved.pathname, expected: bridge.pathname }),
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
          fail(payload, problemRef('notHost', { value: shown(payload.value) }));
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
          fail(payload, problemRef('tenantAsClient', { name }), [field]);
        }
        if (typeof clientId === 'string' && same(reportsClientId, clientId.trim())) {
          fail(payload, problemRef('sameClient'), ['reportsClientId']);
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
          fail(payload, problemRef('graphVersion', { path: resolved.pathname }));
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
          fail(payload, problemRef('aboveMaximum', { min: String(min), max: String(max) }), [
            'minimumLifetimeInMinutes',
          ]);
        } else if (lifetime < min || lifetime > max) {
          fail(
            payload,
            problemRef('outsideLifetimes', {
              lifetime: String(lifetime),
              min: String(min),
              max: String(max),
            }),
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
            if (!GUID.test(id)) fail(payload, problemRef('notGuid', { value: shown(value) }));
            return id;
          }
          fail(payload, problemRef('allUsers'));
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
        fail(payload, problemRef('noMethods'));
      }
    }),
    siteId: z.pipe(
      text(),
      z.transform((value: string, payload) => {
        const siteId = value.trim();
        if (/^https?:/i.test(siteId)) {
          fail(payload, problemRef('siteAddress'));
        } else if (!SITE_ID.test(siteId)) {
          fail(payload, problemRef('notSiteId', { value: shown(siteId) }));
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
        if (resolved && https(resolved, payload, false, true)) {
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
        fail(payload, problemRef('hostIsUrl', { value: shown(entry) }));
      } else if (host === undefined) {
        fail(payload, problemRef('notHost', { value: shown(entry) }));
      } else if (!nonMicrosoft.has(host) && context.warnings) {
        fail(payload, problemRef('unusedHost', { value: shown(entry) }), undefined, {
          warning: true,
        });
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
