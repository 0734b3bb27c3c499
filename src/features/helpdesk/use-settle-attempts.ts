import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { TemporaryAccessPass } from '../../graph/authentication-methods';
import type { GraphClient } from '../../graph/client';
import {
  recordVerification,
  type ListSite,
  type VerificationRecord,
} from '../../graph/verification-records';
import { completionFields, resolveOpenAttempts, type Resolution } from './attempts';
import { helpdeskKeys } from './queries';

/**
 * Completes attempts that a closed tab, a lost answer or a late Cancel left pending, from what
 * Graph shows now: whoever opens the user next writes the completing item. Runs when the
 * records or the user's passes change; each attempt is written at most once per tab.
 */
export function useSettleAttempts(input: {
  client: GraphClient;
  site: ListSite;
  userId: string;
  records: VerificationRecord[] | undefined;
  taps: TemporaryAccessPass[] | undefined;
  /** Attempts this tab runs or completed itself (a ref, read when the effect runs). */
  inFlight: { readonly current: ReadonlySet<string> };
}) {
  const queryClient = useQueryClient();
  const written = useRef(new Set<string>());
  const { client, site, userId, records, taps, inFlight } = input;

  const settle = useMutation({
    mutationFn: async (resolutions: Resolution[]) => {
      for (const resolution of resolutions) {
        await recordVerification(
          client,
          site,
          completionFields(resolution.attempt.pending, resolution.outcome, {
            tapId: resolution.tap?.id,
            errorCode: resolution.errorCode,
          }),
        );
      }
    },
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: helpdeskKeys.recentRecords(userId) }),
  });
  const { mutate } = settle;

  useEffect(() => {
    if (!records || !taps) return;
    const due = resolveOpenAttempts({
      records,
      taps,
      now: Date.now(),
      inFlight: inFlight.current,
    }).filter((resolution) => !written.current.has(resolution.attempt.id));
    if (due.length === 0) return;
    for (const resolution of due) written.current.add(resolution.attempt.id);
    mutate(due);
  }, [records, taps, inFlight, mutate]);
}
