import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useRuntimeConfig } from '../../config/config-context';
import {
  deleteTemporaryAccessPass,
  listAuthenticationMethods,
  splitMethods,
  type TemporaryAccessPass,
} from '../../graph/authentication-methods';
import type { GraphClient } from '../../graph/client';
import { isAnswerLost, isGraphError } from '../../graph/errors';
import { recordVerification } from '../../graph/verification-records';
import { completionFields } from './attempts';
import { helpdeskKeys } from './queries';

export interface RevokeInput {
  tap: TemporaryAccessPass;
  reason: string;
  ticket: string;
  target: { id: string; upn: string; name: string };
  issuer: { upn: string; name: string };
}

/** What a deleted pass's record says in place of how a caller was verified. */
export const REVOKE_VERIFICATION = 'Not applicable: pass deleted';

/**
 * Deletes a pass with its record written first (decision 0009): a `revoked` item, then one
 * DELETE; if Graph refuses, a `failed` item that refers to it. A lost answer is settled by
 * reading the user's passes back, never by sending the DELETE again.
 */
export function useRevokeTap(client: GraphClient, userId: string) {
  const config = useRuntimeConfig();
  const queryClient = useQueryClient();
  const site = { siteId: config.verification.siteId, listId: config.verification.listId };
  const running = useRef(false);

  const mutation = useMutation({
    mutationFn: async (input: RevokeInput) => {
      const record = await recordVerification(client, site, {
        Title: input.ticket || input.target.upn,
        TargetUserId: input.target.id,
        TargetUpn: input.target.upn,
        TargetDisplayName: input.target.name,
        IssuedByUpn: input.issuer.upn,
        IssuedByName: input.issuer.name,
        IssuedAt: new Date().toISOString(),
        VerificationMethod: REVOKE_VERIFICATION,
        ...(input.ticket ? { Ticket: input.ticket } : {}),
        Reason: input.reason,
        ...(input.tap.id ? { TapMethodId: input.tap.id } : {}),
        Outcome: 'revoked',
        AttemptId: crypto.randomUUID(),
      });
      if (!input.tap.id) return;
      try {
        await deleteTemporaryAccessPass(client, userId, input.tap.id);
      } catch (error) {
        if (isAnswerLost(error) || isGraphError(error, 404)) {
          const { taps } = splitMethods(await listAuthenticationMethods(client, userId));
          if (!taps.some((tap) => tap.id === input.tap.id)) return; // gone: the delete happened
        }
        const code = isGraphError(error) ? error.code : 'noAnswer';
        await recordVerification(
          client,
          site,
          completionFields(record, 'failed', { tapId: input.tap.id, errorCode: code }),
        ).catch(() => undefined);
        throw error;
      }
    },
    onSettled: async () => {
      running.current = false;
      await queryClient.invalidateQueries({ queryKey: helpdeskKeys.user(userId) });
    },
  });

  return {
    revoke: (input: RevokeInput, options?: { onSuccess?: () => void }) => {
      if (running.current) return; // one click, one DELETE
      running.current = true;
      mutation.mutate(input, options);
    },
    isPending: mutation.isPending,
    error: mutation.error,
    reset: mutation.reset,
  };
}
