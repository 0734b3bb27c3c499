/**
 * GET /auditLogs/directoryAudits and /auditLogs/directoryAudits/{id}, as Graph serves them:
 * AuditLog.Read.All and Directory.Read.All (both, as the v1.0 reference lists them), with Reports Reader, Security Reader or Security Administrator (or a role
 * above them), server-side $filter on the documented properties, newest first, $top up to 999
 * and $skiptoken paging. Events older than the tenant's retention are gone, as in Entra.
 */
import { ROLE_TEMPLATE_IDS } from '../constants';
import { GraphError, resourceNotFound } from '../graph/errors';
import { keptListing } from '../graph/listing-cache';
import {
  allowQueryOptions,
  decodeSkipToken,
  metadataUrl,
  nextLink,
  parseTop,
} from '../graph/odata';
import type { GraphContext, GraphResult, GraphRouter, RouteAccess } from '../graph/router';
import type { Throttle } from '../graph/throttle';
import type { DirectoryAudit } from '../model';
import { compileCompareFilter, type CompareSpec, type Item } from './odata-compare';

/** Entra ID P1/P2 keeps directory audit events 30 days (Free: 7). */
export const AUDIT_RETENTION_DAYS = 30;
const DAY = 86_400_000;

export const AUDIT_LOG_ACCESS: RouteAccess = {
  scopes: ['AuditLog.Read.All'],
  alsoScopes: ['Directory.Read.All'],
  roles: [
    ROLE_TEMPLATE_IDS.reportsReader,
    ROLE_TEMPLATE_IDS.securityReader,
    ROLE_TEMPLATE_IDS.securityAdministrator,
    ROLE_TEMPLATE_IDS.globalReader,
    ROLE_TEMPLATE_IDS.globalAdministrator,
  ],
};

/** The filterable properties and operators directoryAudit documents. */
export const DIRECTORY_AUDIT_FILTER: CompareSpec = {
  paths: {
    activityDateTime: ['eq', 'ge', 'le'],
    activityDisplayName: ['eq', 'startswith'],
    loggedByService: ['eq'],
    id: ['eq'],
    correlationId: ['eq'],
    result: ['eq'],
    'initiatedBy/user/id': ['eq'],
    'initiatedBy/user/displayName': ['eq'],
    'initiatedBy/user/userPrincipalName': ['eq', 'startswith'],
    'initiatedBy/app/appId': ['eq'],
    'initiatedBy/app/displayName': ['eq'],
  },
  lambdas: {
    targetResources: { id: ['eq'], displayName: ['eq', 'startswith'] },
  },
  dateTimes: ['activityDateTime'],
};

function retained(ctx: GraphContext): DirectoryAudit[] {
  const horizon = ctx.now - AUDIT_RETENTION_DAYS * DAY;
  return ctx.state.directoryAudits.filter((event) => Date.parse(event.activityDateTime) >= horizon);
}

function listDirectoryAudits(ctx: GraphContext): GraphResult {
  allowQueryOptions(ctx, ['$filter', '$top', '$orderby', '$skiptoken']);
  const filter = ctx.query.get('$filter');
  const matches = filter === null ? null : compileCompareFilter(filter, DIRECTORY_AUDIT_FILTER);
  const order = (ctx.query.get('$orderby') ?? 'activityDateTime desc').trim().split(/\s+/);
  if (order[0]?.toLowerCase() !== 'activitydatetime' || order.length > 2) {
    throw new GraphError(400, 'BadRequest', `Ordering by '${order.join(' ')}' is not supported.`);
  }
  const direction = (order[1] ?? 'asc').toLowerCase();
  if (direction !== 'asc' && direction !== 'desc') {
    throw new GraphError(400, 'BadRequest', `Unknown sort direction '${order[1]}'.`);
  }
  const events = keptListing(ctx, () => {
    let found = retained(ctx);
    if (matches) found = found.filter((event) => matches(event as unknown as Item));
    const sign = direction === 'desc' ? -1 : 1;
    // Each timestamp parsed once, not once per comparison.
    return found
      .map((event) => ({ event, at: Date.parse(event.activityDateTime) }))
      .sort((a, b) => sign * (a.at - b.at))
      .map(({ event }) => event);
  });
  const top = parseTop(ctx);
  const token = ctx.query.get('$skiptoken');
  const offset = token === null ? 0 : decodeSkipToken(token);
  const body: Record<string, unknown> = {
    '@odata.context': metadataUrl(ctx, 'auditLogs/directoryAudits'),
  };
  if (offset + top < events.length) body['@odata.nextLink'] = nextLink(ctx, offset + top);
  body.value = events.slice(offset, offset + top);
  return { status: 200, body };
}

/**
 * Registers the audit routes. `throttle` is the reports-class limiter (graph/reports-limit.ts,
 * 5 requests per 10 s per app) that audit logs share with reports and method reads.
 */
export function registerAuditLogRoutes(router: GraphRouter, throttle?: Throttle): void {
  const access = { ...AUDIT_LOG_ACCESS, throttle };
  router.register('GET', '/auditLogs/directoryAudits', access, listDirectoryAudits);
  router.register('GET', '/auditLogs/directoryAudits/{id}', access, (ctx) => {
    allowQueryOptions(ctx, []);
    const event = retained(ctx).find((e) => e.id === ctx.params.id);
    if (!event) throw resourceNotFound(ctx.params.id ?? '');
    return {
      status: 200,
      body: { '@odata.context': metadataUrl(ctx, 'auditLogs/directoryAudits/$entity'), ...event },
    };
  });
}
