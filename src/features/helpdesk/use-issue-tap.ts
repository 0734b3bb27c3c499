import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createElement, useState, type ReactNode } from 'react';
import { useRuntimeConfig } from '../../config/config-context';
import type { GraphClient } from '../../graph/client';
import {
  createTemporaryAccessPass,
  type TemporaryAccessPass,
} from '../../graph/authentication-methods';
import { recordVerification, type VerificationFields } from '../../graph/verification-records';
import { RecordNotice } from './record-notice';
import type { IssueRequest } from './issue-tap-form';
import { helpdeskKeys } from './queries';

interface IssueInput {
  request: IssueRequest;
  target: { id: string; upn: string; name: string };
  issuer: { upn: string; name: string };
  replacing: TemporaryAccessPass | null;
}

type RecordState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'failed'; error: unknown; fields: VerificationFields };

/**
 * Issues the pass, hands its value straight to `onIssued`, and records the verification.
 * The mutation's own result is the pass without its value, so nothing TanStack keeps (mutation
 * cache, devtools) ever holds the secret.
 */
export function useIssueTap(
  client: GraphClient,
  userId: string,
  options: { onIssued: (value: string, tap: TemporaryAccessPass) => void },
) {
  const config = useRuntimeConfig();
  const queryClient = useQueryClient();
  const [record, setRecord] = useState<RecordState>({ status: 'idle' });
  const site = { siteId: config.verification.siteId, listId: config.verification.listId };

  async function save(fields: VerificationFields) {
    setRecord({ status: 'saving' });
    try {
      await recordVerification(client, site, fields);
      setRecord({ status: 'saved' });
    } catch (error) {
      setRecord({ status: 'failed', error, fields });
    }
  }

  const mutation = useMutation({
    mutationFn: async (input: IssueInput) => {
      const created = await createTemporaryAccessPass(client, input.target.id, {
        lifetimeInMinutes: input.request.lifetimeInMinutes,
        isUsableOnce: input.request.isUsableOnce,
        ...(input.request.startDateTime ? { startDateTime: input.request.startDateTime } : {}),
      });
      const { temporaryAccessPass: value, ...withoutValue } = created;
      const tap: TemporaryAccessPass = { ...withoutValue, temporaryAccessPass: null };
      if (!value) throw new Error('Graph created the pass but did not return its value.');
      options.onIssued(value, tap);
      void save({
        Title: input.request.ticket,
        TargetUserId: input.target.id,
        TargetUpn: input.target.upn,
        TargetDisplayName: input.target.name,
        IssuedByUpn: input.issuer.upn,
        IssuedByName: input.issuer.name,
        IssuedAt: new Date().toISOString(),
        LifetimeMinutes: input.request.lifetimeInMinutes,
        IsUsableOnce: input.request.isUsableOnce,
        ...(input.request.startDateTime ? { StartAt: input.request.startDateTime } : {}),
        VerificationMethod: input.request.verificationMethod,
        Ticket: input.request.ticket,
        Reason: input.request.reason,
        ...(tap.id ? { TapMethodId: tap.id } : {}),
        Outcome: input.replacing ? 'replaced' : 'issued',
      });
      return tap;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: helpdeskKeys.user(userId) }),
  });

  const recordNotice: ReactNode = createElement(RecordNotice, {
    state: record.status,
    error: record.status === 'failed' ? record.error : null,
    onRetry: record.status === 'failed' ? () => void save(record.fields) : undefined,
  });

  return {
    mutate: mutation.mutate,
    isPending: mutation.isPending,
    error: mutation.error,
    recordNotice,
    reset: () => {
      mutation.reset();
      setRecord({ status: 'idle' });
    },
  };
}
