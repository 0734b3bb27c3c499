import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query';
import type { GraphClient } from '../../graph/client';
import { searchGroups } from '../../graph/groups';
import type { RequestBudget } from '../../graph/request-budget';
import { accountStore, type AccountKey, type AccountStore } from '../../lib/account-store';
import { loadPilot, type PilotSnapshot } from './loader';
import { restoreSnapshot, saveSnapshot } from './snapshot-store';

export const pilotKeys = {
  all: ['pilot'] as const,
  groupSearch: (text: string) => [...pilotKeys.all, 'group-search', text] as const,
  progress: (groupId: string) => [...pilotKeys.all, 'progress', groupId] as const,
};

export function groupSearchQuery(client: GraphClient, text: string) {
  return queryOptions({
    queryKey: pilotKeys.groupSearch(text.trim()),
    queryFn: ({ signal }) => searchGroups(client, text, signal),
    enabled: text.trim().length >= 2,
    staleTime: 60_000,
  });
}

/** Each snapshot re-renders the page; at 100,000 members more often than this costs frames. */
const SNAPSHOT_INTERVAL_MS = 400;

/**
 * A pilot's progress as a stream of snapshots: the first arrives after one request, each later
 * one after another page. A refetch keeps showing the last complete snapshot and swaps in the
 * new one when it is done, reusing the audit events and settled pass reads it already has.
 * With no snapshot in the cache, the account's last one from this browser session (decision
 * 0018) is painted first and refreshed the same way; each complete snapshot is kept for next time.
 */
export function pilotProgressQuery(
  client: GraphClient,
  groupId: string,
  limits: {
    maxPassLifetimeMinutes: number;
    auditRetentionDays: number;
    /** One-time passes to read at most (loader.ts PASS_READS_UNASKED when undefined). */
    passReadLimit?: number;
  },
  budget: RequestBudget,
  account?: AccountKey,
  store: AccountStore = accountStore,
) {
  const queryKey = pilotKeys.progress(groupId);
  return queryOptions({
    queryKey,
    queryFn: streamedQuery<PilotSnapshot, PilotSnapshot | null, typeof queryKey>({
      streamFn: async function* ({ client: queryClient, signal }) {
        const cached = queryClient.getQueryData<PilotSnapshot | null>(queryKey);
        let previous = cached?.complete ? cached : undefined;
        let restored = false;
        if (!previous && account) {
          previous = await restoreSnapshot(store, account, groupId);
          restored = previous !== undefined;
          if (previous) yield { ...previous, restored };
        }
        for await (const snapshot of loadPilot({
          client,
          budget,
          groupId,
          ...limits,
          previous,
          signal,
          snapshotIntervalMs: SNAPSHOT_INTERVAL_MS,
        })) {
          // Like a refetch, the restored figures stay until the new ones are complete.
          if (restored && !snapshot.complete) continue;
          yield snapshot;
          if (snapshot.complete && account) void saveSnapshot(store, account, groupId, snapshot);
        }
      },
      refetchMode: 'replace',
      reducer: (_, snapshot) => snapshot,
      initialValue: null,
    }),
    // Every load spends the reports budget; five minutes between refreshes keeps it for others.
    staleTime: 5 * 60_000,
    gcTime: 30 * 60_000,
    retry: false,
    // The loader already keeps each unchanged member's object from one snapshot to the next;
    // comparing 100,000 members again to share them took 90 ms a snapshot.
    structuralSharing: false,
  });
}
