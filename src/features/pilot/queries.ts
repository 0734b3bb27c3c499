import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query';
import type { GraphClient } from '../../graph/client';
import { searchGroups } from '../../graph/groups';
import type { RequestBudget } from '../../graph/request-budget';
import { loadPilot, type PilotSnapshot } from './loader';

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

/**
 * A pilot's progress as a stream of snapshots: the first arrives after one request, each later
 * one after another page. A refetch keeps showing the last complete snapshot and swaps in the
 * new one when it is done, reusing the audit events and settled pass reads it already has.
 */
export function pilotProgressQuery(
  client: GraphClient,
  groupId: string,
  limits: { maxPassLifetimeMinutes: number; auditRetentionDays: number },
  budget: RequestBudget,
) {
  const queryKey = pilotKeys.progress(groupId);
  return queryOptions({
    queryKey,
    queryFn: streamedQuery<PilotSnapshot, PilotSnapshot | null, typeof queryKey>({
      streamFn: ({ client: queryClient, signal }) => {
        const previous = queryClient.getQueryData<PilotSnapshot | null>(queryKey);
        return loadPilot({
          client,
          budget,
          groupId,
          ...limits,
          previous: previous?.complete ? previous : undefined,
          signal,
        });
      },
      refetchMode: 'replace',
      reducer: (_, snapshot) => snapshot,
      initialValue: null,
    }),
    // Every load spends the reports budget; five minutes between refreshes keeps it for others.
    staleTime: 5 * 60_000,
    gcTime: 30 * 60_000,
    retry: false,
  });
}
