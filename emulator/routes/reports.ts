import { AUTHENTICATOR_AAGUIDS, ROLE_TEMPLATE_IDS } from '../constants';
import { findUser, rolesOf } from '../directory';
import { listCollection, type CollectionSpec } from '../graph/collection';
import { GraphError, resourceNotFound } from '../graph/errors';
import type { Item } from '../graph/filter';
import { allowQueryOptions, metadataUrl, parseSelect, project } from '../graph/odata';
import type { GraphContext, GraphRouter, RouteAccess } from '../graph/router';
import { reportsLimiterFor } from '../graph/reports-limit';
import type { Tenant, User, UserAuthMethods } from '../model';

/*
 * The registration details report (docs/graph-facts.md §4): one row per user, computed from the tenant's
 * methods. With reportLagMinutes set it is a copy taken at the last refresh, at most that often,
 * and each row's lastUpdatedDateTime is that refresh ("when the record was last updated"). Only $filter and $orderby are documented; the emulator also takes $top (1-999) and
 * $select, and pages with @odata.nextLink. Needs AuditLog.Read.All plus a reports role, and
 * counts against the reports limit.
 */

const R = ROLE_TEMPLATE_IDS;
/** Reports Reader, Security Reader, Security Administrator, Global Reader, plus Global Administrator. */
export const REPORT_ROLES: readonly string[] = [
  R.reportsReader,
  R.securityReader,
  R.securityAdministrator,
  R.globalReader,
  R.globalAdministrator,
];

const REPORT_PROPERTIES = [
  'id',
  'userPrincipalName',
  'userDisplayName',
  'userType',
  'isAdmin',
  'isSsprRegistered',
  'isSsprEnabled',
  'isSsprCapable',
  'isMfaRegistered',
  'isMfaCapable',
  'isPasswordlessCapable',
  'methodsRegistered',
  'isSystemPreferredAuthenticationMethodEnabled',
  'systemPreferredAuthenticationMethods',
  'userPreferredMethodForSecondaryAuthentication',
  'lastUpdatedDateTime',
];

const BOOLEANS = [
  'isAdmin',
  'isSsprRegistered',
  'isSsprEnabled',
  'isSsprCapable',
  'isMfaRegistered',
  'isMfaCapable',
  'isPasswordlessCapable',
  'isSystemPreferredAuthenticationMethodEnabled',
];

const REPORT_COLLECTION: CollectionSpec = {
  type: 'microsoft.graph.userRegistrationDetails',
  entitySet: 'reports/authenticationMethods/userRegistrationDetails',
  properties: REPORT_PROPERTIES,
  defaultProperties: REPORT_PROPERTIES,
  filter: {
    eq: ['id', 'userPrincipalName', 'userDisplayName', 'userType', ...BOOLEANS],
    startsWith: ['userPrincipalName', 'userDisplayName'],
  },
  search: { resource: 'UserRegistrationDetails', tokenized: [], prefix: [] },
  orderBy: ['userPrincipalName', 'userDisplayName'],
};

const PHONE_METHODS = {
  mobile: 'mobilePhone',
  alternateMobile: 'alternateMobilePhone',
  office: 'officePhone',
} as const;

/** methodsRegistered as the report spells it (docs/graph-facts.md §4, including the [obs] values). */
export function methodsRegistered(methods: UserAuthMethods): string[] {
  const found: string[] = [];
  for (const phone of methods.phone) found.push(PHONE_METHODS[phone.phoneType]);
  if (methods.email.length > 0) found.push('email');
  // A passkey in Authenticator reports as passKeyDeviceBoundAuthenticator; other FIDO2 keys keep
  // the classic 'fido2' (README: "Where the emulator chose").
  const inAuthenticator = (aaGuid: string) =>
    (Object.values(AUTHENTICATOR_AAGUIDS) as string[]).includes(aaGuid.toLowerCase());
  if (methods.fido2.some((f) => !inAuthenticator(f.aaGuid))) found.push('fido2');
  if (methods.fido2.some((f) => inAuthenticator(f.aaGuid))) {
    found.push('passKeyDeviceBoundAuthenticator');
  }
  if (methods.microsoftAuthenticator.length > 0) found.push('microsoftAuthenticatorPush');
  if (methods.microsoftAuthenticator.some((m) => m.device !== null)) {
    found.push('microsoftAuthenticatorPasswordless');
  }
  if (methods.windowsHelloForBusiness.length > 0) found.push('windowsHelloForBusiness');
  return [...new Set(found)];
}

function registrationDetails(tenant: Tenant, user: User): Item {
  const methods = tenant.authMethods.get(user.id);
  const registered = methods ? methodsRegistered(methods) : [];
  const has = (...names: string[]) => names.some((name) => registered.includes(name));
  const mfa = has(
    'mobilePhone',
    'alternateMobilePhone',
    'officePhone',
    'microsoftAuthenticatorPush',
    'fido2',
    'passKeyDeviceBoundAuthenticator',
    'windowsHelloForBusiness',
  );
  const authenticator = has('microsoftAuthenticatorPush');
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    userDisplayName: user.displayName,
    userType: user.userType === 'Guest' ? 'guest' : 'member',
    isAdmin: rolesOf(tenant, user.id).length > 0,
    isSsprRegistered: has('mobilePhone', 'email', 'microsoftAuthenticatorPush'),
    isSsprEnabled: true,
    isSsprCapable: has('mobilePhone', 'email', 'microsoftAuthenticatorPush'),
    isMfaRegistered: mfa,
    isMfaCapable: mfa,
    isPasswordlessCapable: has(
      'microsoftAuthenticatorPasswordless',
      'fido2',
      'passKeyDeviceBoundAuthenticator',
      'windowsHelloForBusiness',
    ),
    methodsRegistered: registered,
    isSystemPreferredAuthenticationMethodEnabled: true,
    systemPreferredAuthenticationMethods: authenticator
      ? ['push']
      : has('mobilePhone')
        ? ['sms']
        : [],
    userPreferredMethodForSecondaryAuthentication: authenticator
      ? 'push'
      : has('mobilePhone')
        ? 'sms'
        : 'none',
    lastUpdatedDateTime: methods?.lastUpdatedDateTime ?? user.createdDateTime,
  };
}

/** Takes the report's copy of every user as they are at `at`. */
export function refreshRegistrationReport(tenant: Tenant, at: number): void {
  const refreshedAt = iso(at);
  tenant.registrationReport = {
    refreshedAt: at,
    rows: new Map(
      tenant.users.map((user) => [
        user.id,
        { ...registrationDetails(tenant, user), lastUpdatedDateTime: refreshedAt },
      ]),
    ),
  };
}

/** The rows as the report has them now: live without a lag, else as of the last refresh. */
function reportRow(ctx: GraphContext, user: User): Item | undefined {
  const lag = ctx.settings.reportLagMinutes * 60_000;
  if (lag === 0) return registrationDetails(ctx.state, user);
  const report = ctx.state.registrationReport;
  if (!report || ctx.now - report.refreshedAt >= lag) refreshRegistrationReport(ctx.state, ctx.now);
  // A copy: the filter below adds hidden fields to each row. Users newer than the refresh are absent.
  const row = ctx.state.registrationReport?.rows.get(user.id);
  return row ? { ...row } : undefined;
}

const iso = (ms: number) => new Date(ms).toISOString();

const LAMBDA = /methodsRegistered\/any\(\s*(\w+)\s*:\s*\1\s+eq\s+'((?:[^']|'')*)'\s*\)/gi;

/**
 * The core filter has no lambda operators; `methodsRegistered/any(m:m eq 'x')` becomes a
 * comparison on a hidden boolean per method, which the projection never shows.
 */
function rewriteLambdas(filter: string): { filter: string; methods: string[] } {
  const methods: string[] = [];
  const rewritten = filter.replace(LAMBDA, (_, _variable: string, value: string) => {
    methods.push(value.replace(/''/g, "'"));
    return `__method${methods.length - 1} eq true`;
  });
  if (/\/any\(|\/all\(/i.test(rewritten)) {
    throw new GraphError(
      400,
      'BadRequest',
      "Invalid filter clause: only methodsRegistered/any(m:m eq 'value') is supported.",
    );
  }
  return { filter: rewritten, methods };
}

function listReport(ctx: GraphContext) {
  allowQueryOptions(ctx, ['$filter', '$orderby', '$top', '$skiptoken', '$select']);
  const raw = ctx.query.get('$filter');
  const { filter, methods } = raw === null ? { filter: null, methods: [] } : rewriteLambdas(raw);
  const rows = () =>
    ctx.state.users.flatMap((user) => {
      const row = reportRow(ctx, user);
      if (!row) return [];
      const registered = row.methodsRegistered as string[];
      methods.forEach((method, i) => (row[`__method${i}`] = registered.includes(method)));
      return [row];
    });
  const query = new URLSearchParams(ctx.query);
  if (filter !== null) query.set('$filter', filter);
  const result = listCollection({ ...ctx, query }, rows, {
    ...REPORT_COLLECTION,
    filter: {
      ...REPORT_COLLECTION.filter,
      eq: [...REPORT_COLLECTION.filter.eq, ...methods.map((_, i) => `__method${i}`)],
    },
  });
  // The next link must carry the caller's filter, not the rewritten one.
  const body = result.body as Record<string, unknown>;
  const next = body['@odata.nextLink'];
  if (typeof next === 'string' && raw !== null && filter !== null) {
    const url = new URL(next);
    url.searchParams.set('$filter', raw);
    body['@odata.nextLink'] = url.toString();
  }
  return result;
}

export function registerReportRoutes(router: GraphRouter): void {
  const access: RouteAccess = {
    scopes: ['AuditLog.Read.All'],
    roles: REPORT_ROLES,
    deniedCode: 'Authorization_RequestDenied',
    throttle: reportsLimiterFor(router),
  };
  const base = '/reports/authenticationMethods/userRegistrationDetails';
  router.register('GET', base, access, listReport);
  router.register('GET', `${base}/{id}`, access, (ctx) => {
    allowQueryOptions(ctx, ['$select']);
    const user = findUser(ctx.state, ctx.params.id ?? '');
    const row = user ? reportRow(ctx, user) : undefined;
    if (!row) throw resourceNotFound(ctx.params.id ?? '');
    const select = parseSelect(ctx, REPORT_PROPERTIES, REPORT_COLLECTION.type);
    return {
      status: 200,
      body: {
        '@odata.context': metadataUrl(ctx, `${REPORT_COLLECTION.entitySet}/$entity`),
        ...project(row, select ?? REPORT_PROPERTIES),
      },
    };
  });
}
