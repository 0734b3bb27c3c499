import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useRuntimeConfig } from '../../config/config-context';
import {
  createTemporaryAccessPass,
  type TemporaryAccessPass,
} from '../../graph/authentication-methods';
import type { GraphClient } from '../../graph/client';
import { isAnswerLost, isGraphError } from '../../graph/errors';
import {
  recordVerification,
  type VerificationFields,
  type VerificationRecord,
} from '../../graph/verification-records';
import { messageRef, type MessageRef, type MessageValue } from '../../i18n/catalog';
import { completionFields, othersIssuing, passFromAttempt } from './attempts';
import { messages as checkWords } from './checks.messages';
import type { IssueRequest } from './issue-tap-form';
import { isActive } from './issue-rules';
import { helpdeskKeys, helpdeskQueries } from './queries';

/** Graph may ask for a wait on the create call; past a minute the agent decides, not TAP Desk. */
export const MAX_THROTTLE_WAIT_SECONDS = 60;

export interface IssueInput {
  request: IssueRequest;
  target: { id: string; upn: string; name: string };
  issuer: { upn: string; name: string };
  /** The active pass the agent agreed to replace, or null. */
  replacing: TemporaryAccessPass | null;
  /** Other agents' unfinished attempts the agent was shown and went ahead despite. */
  acknowledgedAttempts: string[];
}

export type IssueProgress =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'recording' }
  | { step: 'creating' }
  | { step: 'waiting'; until: number }
  | { step: 'completing' };

/** How an attempt ended, in terms the page explains; never the pass itself. */
export type IssueResult =
  | { kind: 'issued'; tap: TemporaryAccessPass }
  | { kind: 'changed'; detail: MessageRef }
  | { kind: 'recordNotSaved'; error: unknown }
  | { kind: 'refused'; error: unknown; recorded: boolean }
  | { kind: 'notIssued'; error: unknown; recorded: boolean }
  | { kind: 'valueLost'; tap: TemporaryAccessPass; recorded: boolean; cancelled: boolean }
  | { kind: 'unknown'; error: unknown; recorded: boolean }
  | { kind: 'cancelled'; sent: boolean };

type RecordState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'failed'; error: unknown; fields: VerificationFields };

/** Read when an attempt runs, never during render. */
const clock = () => Date.now();

const changedRef = (
  key: 'changed.newPass' | 'changed.newPassNow' | 'changed.gone' | 'changed.otherAgent',
  values?: Record<string, MessageValue>,
) => messageRef(checkWords, key, values);

/**
 * Issues a pass the way auditors can rely on (decision 0009): the record first, then one create
 * call that is never sent twice, then the record completed with what really happened. The value
 * goes straight to `onIssued`; the mutation's own result holds no secret, so nothing TanStack
 * keeps (mutation cache, devtools) ever sees it.
 */
export function useIssueTap(
  client: GraphClient,
  userId: string,
  options: { me: string; onIssued: (value: string, tap: TemporaryAccessPass) => void },
) {
  const config = useRuntimeConfig();
  const queryClient = useQueryClient();
  const site = { siteId: config.verification.siteId, listId: config.verification.listId };
  const [progress, setProgress] = useState<IssueProgress>({ step: 'idle' });
  const [record, setRecord] = useState<RecordState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  /** Attempts this tab is running or has completed itself: never for the settler. */
  const inFlight = useRef(new Set<string>());

  // Fresh reads that also refresh what the page shows.
  const readMethods = () =>
    queryClient.fetchQuery({ ...helpdeskQueries.methods(client, userId), staleTime: 0 });
  const readRecords = () =>
    queryClient.fetchQuery({
      ...helpdeskQueries.recentRecords(client, site, userId),
      staleTime: 0,
    });

  async function complete(fields: VerificationFields): Promise<boolean> {
    try {
      await recordVerification(client, site, fields);
      return true;
    } catch {
      return false; // stays pending: whoever opens this user next completes it from Graph's state
    }
  }

  async function saveCompletion(fields: VerificationFields) {
    setRecord({ status: 'saving' });
    try {
      await recordVerification(client, site, fields);
      setRecord({ status: 'saved' });
    } catch (error) {
      setRecord({ status: 'failed', error, fields });
    } finally {
      void queryClient.invalidateQueries({ queryKey: helpdeskKeys.recentRecords(userId) });
    }
  }

  /** Just before posting: is the situation still the one the agent confirmed? */
  async function changedSinceConfirmed(input: IssueInput): Promise<MessageRef | null> {
    const [methods, records] = await Promise.all([readMethods(), readRecords()]).catch(
      () => [null, null] as const, // unreadable: Graph and the record still hold the line
    );
    const active = methods?.taps.find(isActive);
    if (methods && (active?.id ?? null) !== (input.replacing?.id ?? null)) {
      if (!active) return changedRef('changed.gone');
      const name = input.target.name;
      return active.createdDateTime
        ? changedRef('changed.newPass', { name, time: Date.parse(active.createdDateTime) })
        : changedRef('changed.newPassNow', { name });
    }
    const other = othersIssuing(records ?? [], options.me, clock()).find(
      (attempt) => !input.acknowledgedAttempts.includes(attempt.attemptId),
    );
    return other
      ? changedRef('changed.otherAgent', { name: other.name, seconds: other.secondsAgo })
      : null;
  }

  async function run(input: IssueInput, signal: AbortSignal): Promise<IssueResult> {
    setProgress({ step: 'checking' });
    const changed = await changedSinceConfirmed(input);
    if (signal.aborted) return { kind: 'cancelled', sent: false };
    if (changed) return { kind: 'changed', detail: changed };

    setProgress({ step: 'recording' });
    const attemptId = crypto.randomUUID();
    const began = new Date().toISOString();
    let pending: VerificationRecord;
    try {
      pending = await recordVerification(
        client,
        site,
        {
          Title: input.request.ticket || input.target.upn,
          TargetUserId: input.target.id,
          TargetUpn: input.target.upn,
          TargetDisplayName: input.target.name,
          IssuedByUpn: input.issuer.upn,
          IssuedByName: input.issuer.name,
          IssuedAt: began,
          LifetimeMinutes: input.request.lifetimeInMinutes,
          IsUsableOnce: input.request.isUsableOnce,
          ...(input.request.startDateTime ? { StartAt: input.request.startDateTime } : {}),
          VerificationMethod: input.request.verificationMethod,
          Ticket: input.request.ticket,
          Reason: input.request.reason,
          Outcome: 'pending',
          AttemptId: attemptId,
        },
        signal,
      );
    } catch (error) {
      if (signal.aborted) return { kind: 'cancelled', sent: false };
      return { kind: 'recordNotSaved', error };
    }
    if (signal.aborted) {
      await complete(completionFields(pending, 'failed', { errorCode: 'cancelled' }));
      return { kind: 'cancelled', sent: false };
    }

    const issuedOutcome = input.replacing ? 'replaced' : 'issued';
    let waiting = false;
    let leftToSettle = false; // cancelled mid-request: only Graph's later state can tell
    inFlight.current.add(attemptId);
    setProgress({ step: 'creating' });
    try {
      const created = await createTemporaryAccessPass(
        client,
        input.target.id,
        {
          lifetimeInMinutes: input.request.lifetimeInMinutes,
          isUsableOnce: input.request.isUsableOnce,
          ...(input.request.startDateTime ? { startDateTime: input.request.startDateTime } : {}),
        },
        {
          signal,
          maxWaitSeconds: MAX_THROTTLE_WAIT_SECONDS,
          onWait: (seconds) => {
            waiting = true;
            setProgress({ step: 'waiting', until: Date.now() + seconds * 1000 });
          },
        },
      );
      waiting = false;
      const { temporaryAccessPass: value, ...withoutValue } = created;
      const tap: TemporaryAccessPass = { ...withoutValue, temporaryAccessPass: null };
      if (signal.aborted || !value) {
        // The answer came back after Cancel (or without its value): the pass exists, unseen.
        const recorded = await complete(
          completionFields(pending, issuedOutcome, { tapId: tap.id, errorCode: 'valueNotShown' }),
        );
        return { kind: 'valueLost', tap, recorded, cancelled: signal.aborted };
      }
      options.onIssued(value, tap);
      void saveCompletion(completionFields(pending, issuedOutcome, { tapId: tap.id }));
      return { kind: 'issued', tap };
    } catch (error) {
      if (signal.aborted) {
        if (!waiting) {
          leftToSettle = true; // Graph may still make it; the page settles it when it shows up
          return { kind: 'cancelled', sent: true };
        }
        // Cancelled while waiting out a 429: Graph did nothing with the throttled request.
        await complete(completionFields(pending, 'failed', { errorCode: 'cancelled' }));
        return { kind: 'cancelled', sent: false };
      }
      if (!isAnswerLost(error)) {
        const code = isGraphError(error) ? error.code : 'error';
        const recorded = await complete(completionFields(pending, 'failed', { errorCode: code }));
        return { kind: 'refused', error, recorded };
      }
      setProgress({ step: 'completing' });
      return settleLostAnswer(pending, issuedOutcome, error);
    } finally {
      // Attempts this tab completed stay listed, so the settler never completes them twice.
      if (leftToSettle) inFlight.current.delete(attemptId);
      setProgress({ step: 'idle' });
      void queryClient.invalidateQueries({ queryKey: helpdeskKeys.user(userId) });
    }
  }

  /** No answer, or a 5xx that may have come after Graph made the pass: read back, never resend. */
  async function settleLostAnswer(
    pending: VerificationRecord,
    issuedOutcome: 'issued' | 'replaced',
    error: unknown,
  ): Promise<IssueResult> {
    const code = isGraphError(error) ? error.code : 'noAnswer';
    let taps: TemporaryAccessPass[];
    let claimed: Set<string>;
    try {
      const [methods, records] = await Promise.all([readMethods(), readRecords()]);
      taps = methods.taps;
      claimed = new Set(records.map((r) => r.TapMethodId).filter((id): id is string => !!id));
    } catch {
      const recorded = await complete(completionFields(pending, 'unknown', { errorCode: code }));
      return { kind: 'unknown', error, recorded };
    }
    const tap = passFromAttempt(pending, taps, claimed);
    if (tap) {
      const recorded = await complete(
        completionFields(pending, issuedOutcome, { tapId: tap.id, errorCode: 'valueNotShown' }),
      );
      return { kind: 'valueLost', tap, recorded, cancelled: false };
    }
    const recorded = await complete(completionFields(pending, 'failed', { errorCode: code }));
    return { kind: 'notIssued', error, recorded };
  }

  const mutation = useMutation({
    mutationFn: ({ input, signal }: { input: IssueInput; signal: AbortSignal }) =>
      run(input, signal).finally(() => setProgress({ step: 'idle' })),
    onSettled: () => {
      controller.current = null;
      void queryClient.invalidateQueries({ queryKey: helpdeskKeys.user(userId) });
    },
  });

  return {
    /** Starts an attempt; a second call while one runs is ignored (double click, repeated Enter). */
    issue: (input: IssueInput) => {
      if (controller.current) return;
      mutation.reset(); // the last attempt's outcome no longer describes the page
      const abort = new AbortController(); // claimed at once, before React re-renders
      controller.current = abort;
      mutation.mutate({ input, signal: abort.signal });
    },
    cancel: () => controller.current?.abort(),
    progress,
    isPending: mutation.isPending,
    result: mutation.data,
    error: mutation.error,
    /** Something is still being written: leaving now could leave a record pending. */
    isSaving: mutation.isPending || record.status === 'saving',
    inFlight,
    /** Whether the completing record reached the list, for RecordNotice. */
    record: {
      state: record.status,
      error: record.status === 'failed' ? record.error : null,
      onRetry: record.status === 'failed' ? () => void saveCompletion(record.fields) : undefined,
    },
    reset: () => {
      mutation.reset();
      setRecord({ status: 'idle' });
    },
  };
}
