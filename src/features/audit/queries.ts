import { queryOptions } from '@tanstack/react-query';
import {
  AUDIT_ACTIVITIES,
  AUTHENTICATION_METHODS_SERVICE,
  listDirectoryAudits,
} from '../../graph/audit-logs';
import type { GraphClient } from '../../graph/client';
import { listDirectoryRoleHolders } from '../../graph/directory-roles';
import { listVerificationRecords, type ListSite } from '../../graph/verification-records';

/**
 * Graph filters the log by activity; which method an event is about (a pass, Authenticator, a
 * passkey) is read from each event afterwards (`classifyEvent`), so a query is per activity.
 */
export type AuditActivity = keyof typeof AUDIT_ACTIVITIES;

/** Query keys for the audit feature; everything here is read-only, so nothing invalidates. */
export const auditKeys = {
  all: ['audit'] as const,
  events: (activity: AuditActivity, from: string, to: string | undefined) =>
    [...auditKeys.all, 'events', activity, from, to ?? 'now'] as const,
  records: (site: ListSite, from: string, to: string) =>
    [...auditKeys.all, 'records', site.siteId, site.listId, from, to] as const,
  roleHolders: () => [...auditKeys.all, 'role-holders'] as const,
};

export const auditQueries = {
  /**
   * One activity's events, filtered on the server. Each activity is its own query, so the
   * activity filter only fetches what it shows and switching back comes from the cache.
   */
  events: (client: GraphClient, activity: AuditActivity, from: string, to?: string) =>
    queryOptions({
      queryKey: auditKeys.events(activity, from, to),
      queryFn: ({ signal }) =>
        listDirectoryAudits(client, {
          from,
          to,
          activityDisplayName: AUDIT_ACTIVITIES[activity],
          loggedByService: AUTHENTICATION_METHODS_SERVICE,
          signal,
        }),
      // The reports API allows 5 requests per 10 s: never refetch behind the auditor's back.
      staleTime: 5 * 60_000,
    }),
  records: (client: GraphClient, site: ListSite, from: string, to: string) =>
    queryOptions({
      queryKey: auditKeys.records(site, from, to),
      queryFn: ({ signal }) => listVerificationRecords(client, site, { from, to }, signal),
      staleTime: 5 * 60_000,
    }),
  roleHolders: (client: GraphClient) =>
    queryOptions({
      queryKey: auditKeys.roleHolders(),
      queryFn: ({ signal }) => listDirectoryRoleHolders(client, signal),
      staleTime: 15 * 60_000,
    }),
};
