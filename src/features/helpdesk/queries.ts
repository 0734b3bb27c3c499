import { queryOptions } from '@tanstack/react-query';
import type { GraphClient } from '../../graph/client';
import {
  getPasskeyPolicy,
  getTemporaryAccessPassPolicy,
  listAuthenticationMethods,
  splitMethods,
  onboardingStages,
} from '../../graph/authentication-methods';
import { readLive, type LivePace } from '../../graph/live-pace';
import { getMemberships, getUser, searchUsers } from '../../graph/users';
import { listVerificationRecords, type ListSite } from '../../graph/verification-records';

/** Query keys for the helpdesk feature; invalidate through these, never by hand-written keys. */
export const helpdeskKeys = {
  all: ['helpdesk'] as const,
  search: (text: string) => [...helpdeskKeys.all, 'search', text] as const,
  user: (userId: string) => [...helpdeskKeys.all, 'user', userId] as const,
  userPart: (userId: string, part: string) => [...helpdeskKeys.user(userId), part] as const,
  policy: () => [...helpdeskKeys.all, 'tap-policy'] as const,
  passkeyPolicy: () => [...helpdeskKeys.all, 'passkey-policy'] as const,
  recentRecords: (userId: string) => [...helpdeskKeys.user(userId), 'recent-records'] as const,
  stages: (userIds: readonly string[]) => [...helpdeskKeys.all, 'stages', ...userIds] as const,
};

export const helpdeskQueries = {
  search: (client: GraphClient, text: string) =>
    queryOptions({
      queryKey: helpdeskKeys.search(text),
      queryFn: ({ signal }) => searchUsers(client, text, signal),
      enabled: text.trim().length > 0,
      staleTime: 60_000,
    }),
  user: (client: GraphClient, userId: string) =>
    queryOptions({
      queryKey: helpdeskKeys.userPart(userId, 'profile'),
      queryFn: ({ signal }) => getUser(client, userId, signal),
    }),
  memberships: (client: GraphClient, userId: string) =>
    queryOptions({
      queryKey: helpdeskKeys.userPart(userId, 'memberships'),
      queryFn: ({ signal }) => getMemberships(client, userId, signal),
      staleTime: 5 * 60_000,
    }),
  /**
   * Every method, the pass and Authenticator included, in the one read the page polls. With a
   * live pace, a 429 slows the polling; the page keeps showing the last read meanwhile.
   */
  methods: (client: GraphClient, userId: string, pace?: LivePace) =>
    queryOptions({
      queryKey: helpdeskKeys.userPart(userId, 'methods'),
      queryFn: async ({ signal }) => {
        const read = async () =>
          splitMethods(
            await listAuthenticationMethods(client, userId, signal, pace ? { maxRetries: 0 } : {}),
          );
        if (!pace) return read();
        return readLive(pace, read, signal);
      },
    }),
  /** Status chips for the first few search results: one $batch, not one request per user. */
  stages: (client: GraphClient, userIds: readonly string[]) =>
    queryOptions({
      queryKey: helpdeskKeys.stages(userIds),
      queryFn: ({ signal }) => onboardingStages(client, userIds, signal),
      enabled: userIds.length > 0,
      staleTime: 60_000,
    }),
  /**
   * TAP Desk's own records for this user in the last 24 hours, every outcome. Graph keeps only
   * the current pass, so an earlier one that was replaced shows up only here; pending attempts
   * show who else is issuing right now.
   */
  recentRecords: (client: GraphClient, site: ListSite, userId: string) =>
    queryOptions({
      queryKey: helpdeskKeys.recentRecords(userId),
      queryFn: async ({ signal }) => {
        const to = new Date();
        const from = new Date(to.getTime() - 24 * 60 * 60 * 1000);
        const { records } = await listVerificationRecords(
          client,
          site,
          { from: from.toISOString(), to: to.toISOString(), targetUserId: userId },
          signal,
        );
        return records;
      },
    }),
  policy: (client: GraphClient) =>
    queryOptions({
      queryKey: helpdeskKeys.policy(),
      queryFn: ({ signal }) => getTemporaryAccessPassPolicy(client, signal),
      staleTime: 10 * 60_000,
      // A helpdesk without a policy-reading role gets 403 every time: ask once per session.
      retry: false,
      retryOnMount: false,
    }),
  /** The passkey (FIDO2) policy, for the handover's default goal; 403 for most helpdesk roles. */
  passkeyPolicy: (client: GraphClient) =>
    queryOptions({
      queryKey: helpdeskKeys.passkeyPolicy(),
      queryFn: ({ signal }) => getPasskeyPolicy(client, signal),
      staleTime: 10 * 60_000,
      retry: false,
      retryOnMount: false,
    }),
};
