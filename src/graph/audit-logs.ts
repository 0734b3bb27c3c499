import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { GraphClient } from './client';
import { allOf, odataString } from './odata';

export type DirectoryAudit = MicrosoftGraph.DirectoryAudit;

/** Audit activities (activityDisplayName) that touch authentication methods. */
export const AUDIT_ACTIVITIES = {
  adminRegistered: 'Admin registered security info',
  adminDeleted: 'Admin deleted security info',
  userRegistered: 'User registered security info',
  userDeleted: 'User deleted security info',
} as const;

export const AUTHENTICATION_METHODS_SERVICE = 'Authentication Methods';

export interface DirectoryAuditQuery {
  /** ISO 8601, UTC, inclusive. */
  from: string;
  /** ISO 8601, UTC, inclusive; absent = up to now. */
  to?: string;
  activityDisplayName?: string;
  loggedByService?: string;
  targetId?: string;
  /** Page size; undocumented maximum, so stay under the 999 most directory lists allow. */
  top?: number;
  signal?: AbortSignal;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/;

/** DateTimeOffset literals go into the filter unquoted, so only a strict UTC instant may pass. */
function instant(value: string): string {
  if (!ISO_INSTANT.test(value)) throw new RangeError(`Not a UTC instant: ${value}`);
  return value;
}

/** The $filter Graph evaluates for a query: everything filters on the server. */
export function directoryAuditFilter(query: Omit<DirectoryAuditQuery, 'signal' | 'top'>): string {
  return allOf(
    `activityDateTime ge ${instant(query.from)}`,
    query.to && `activityDateTime le ${instant(query.to)}`,
    query.activityDisplayName && `activityDisplayName eq ${odataString(query.activityDisplayName)}`,
    query.loggedByService && `loggedByService eq ${odataString(query.loggedByService)}`,
    query.targetId && `targetResources/any(t:t/id eq ${odataString(query.targetId)})`,
  ) as string;
}

/**
 * Directory audit events, newest first, every page. The reports API allows 5 requests per 10
 * seconds per app and tenant; the client waits as Graph asks, so large ranges are slow, not lost.
 */
export function listDirectoryAudits(
  client: GraphClient,
  query: DirectoryAuditQuery,
): Promise<DirectoryAudit[]> {
  return client.all<DirectoryAudit>({
    path: '/auditLogs/directoryAudits',
    query: {
      $filter: directoryAuditFilter(query),
      $orderby: 'activityDateTime desc',
      $top: query.top ?? 999,
    },
    signal: query.signal,
  });
}
