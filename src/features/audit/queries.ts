import { queryOptions } from '@tanstack/react-query';
import {
  AUDIT_ACTIVITIES,
  AUTHENTICATION_METHODS_SERVICE,
  listDirectoryAudits,
} from '../../graph/audit-logs';
import type { GraphClient } from '../../graph/client';
import { listDirectoryRoleHolders } from '../../graph/directory-roles';
import { listVerificationRecords, type ListSite } from '../../graph/verification-records';
import type { EventKind } from './reconcile';

const ACTIVITY_NAMES: Record<EventKind, string> = {
  tapCreated: AUDIT_ACTIVITIES.adminRegistered,
  tapDeleted: AUDIT_ACTIVITIES.adminDeleted,
  authenticatorRegistered: AUDIT_ACTIVITIES.userRegistered,
  // The same activities: which of their events are about passkeys is read from the reason.
  passkeyRegistered: AUDIT_ACTIVITIES.userRegistered,
  passkeyDeleted: AUDIT_ACTIVITIES.adminDeleted,
};

/** Query keys for the audit feature; everything here is read-only, so nothing invalidates. */
export const auditKeys = {
  all: ['audit'] as const,
  events: (kind: EventKind, from: string, to: string | undefined) =>
    [...auditKeys.all, 'events', kind, from, to ?? 'now'] as const,
  records: (site: ListSite, from: string, to: string) =>
    [...auditKeys.all, 'records', site.siteId, site.listId, from, to] as const,
  roleHolders: () => [...auditKeys.all, 'role-holders'] as const,
};

export const auditQueries = {
  /**
   * One activity's events, filtered on the server. Each activity is its own query, so the
   * activity filter only fetches what it shows and switching back comes from the cache.
   */
  events: (client: GraphClient, kind: EventKind, from: string, to?: string) =>
    queryOptions({
      queryKey: auditKeys.events(kind, from, to),
      queryFn: ({ signal }) =>
        listDirectoryAudits(client, {
          from,
          to,
          activityDisplayName: ACTIVITY_NAMES[kind],
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
