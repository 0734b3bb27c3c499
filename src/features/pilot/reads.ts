/**
 * Per-member reads in $batch, paid for from the reports budget: the few one-time passes only a
 * read can settle, and the methods of people who registered after the report's last refresh
 * (the report lags by hours, docs/graph-facts.md §4; the methods are live, §3 and §11).
 */
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { AUTHENTICATOR_PASSKEY_AAGUIDS } from '../../graph/authentication-methods';
import { BATCH_LIMIT, type BatchResult, type GraphClient } from '../../graph/client';
import { graphErrorFrom, isRetryableError, parseRetryAfter } from '../../graph/errors';
import type { RequestBudget } from '../../graph/request-budget';
import type { PassRead, PassUsability } from './stages';

export type ReadKind = 'pass' | 'authenticator' | 'passkeys';

export interface ReadItem {
  userId: string;
  kind: ReadKind;
}

const PATHS: Record<ReadKind, string> = {
  pass: 'temporaryAccessPassMethods',
  authenticator: 'microsoftAuthenticatorMethods',
  passkeys: 'fido2Methods',
};

export function readUrl(item: ReadItem): string {
  return `/users/${encodeURIComponent(item.userId)}/authentication/${PATHS[item.kind]}`;
}

export type ReadEvent =
  | { type: 'waiting'; secondsLeft: number }
  | { type: 'answered'; item: ReadItem; body: unknown }
  /** Graph refused or failed these; a refusal ends every read of that kind. */
  | { type: 'refused'; kind: ReadKind; error: unknown; members: number };

/** Reads every item, yielding each answer; throttled items are paid for again, never retried behind the budget. */
export async function* batchedReads(
  client: GraphClient,
  budget: RequestBudget,
  items: readonly ReadItem[],
  signal?: AbortSignal,
): AsyncGenerator<ReadEvent> {
  let queue = [...items];
  while (queue.length > 0) {
    yield { type: 'waiting', secondsLeft: budget.secondsFor(queue.length) };
    const spend = await budget.takeUpTo(Math.min(BATCH_LIMIT, queue.length), signal);
    const chunk = queue.slice(0, spend.count);
    queue = queue.slice(spend.count);
    let answers: Map<string, BatchResult>;
    try {
      answers = await client.batch(
        chunk.map((item, i) => ({ id: String(i), method: 'GET', url: readUrl(item) })),
        signal,
        { maxRetries: 0 },
      );
    } catch (error) {
      if (!isRetryableError(error)) throw error;
      budget.pause(error.retryAfterSeconds ?? budget.windowSeconds);
      queue = [...chunk, ...queue];
      continue;
    } finally {
      spend.settle();
    }
    const refused = new Map<ReadKind, { answer: BatchResult; members: Set<string> }>();
    for (const [i, item] of chunk.entries()) {
      const answer = answers.get(String(i));
      if (answer?.status === 429) {
        // Throttled on its own: wait as Graph asks, then pay for it again.
        budget.pause(
          parseRetryAfter(answer.headers['Retry-After'] ?? null) ?? budget.windowSeconds,
        );
        queue.push(item);
      } else if (answer?.status === 403) {
        const known = refused.get(item.kind) ?? { answer, members: new Set<string>() };
        known.members.add(item.userId);
        refused.set(item.kind, known);
      } else {
        yield { type: 'answered', item, body: answer?.status === 200 ? answer.body : undefined };
      }
    }
    for (const [kind, { answer, members }] of refused) {
      // The role or scope is missing for all of them alike: stop spending the budget on refusals.
      for (const item of queue) if (item.kind === kind) members.add(item.userId);
      queue = queue.filter((item) => item.kind !== kind);
      yield {
        type: 'refused',
        kind,
        members: members.size,
        error: graphErrorFrom(403, answer.body, new Headers(answer.headers)),
      };
    }
  }
}

function valueOf<T>(body: unknown): T[] | undefined {
  const value = (body as { value?: unknown } | undefined)?.value;
  return Array.isArray(value) ? (value as T[]) : undefined;
}

/** A pass read; a failed read counts as read and settles nothing. */
export function passReadFrom(body: unknown): PassRead | undefined {
  const value = valueOf<MicrosoftGraph.TemporaryAccessPassAuthenticationMethod>(body);
  if (!value) return undefined;
  const pass = value[0];
  if (!pass) return { usability: 'None' };
  const start = pass.startDateTime ?? pass.createdDateTime ?? undefined;
  const expires =
    start && pass.lifetimeInMinutes != null
      ? new Date(Date.parse(start) + pass.lifetimeInMinutes * 60_000).toISOString()
      : undefined;
  return {
    usability: (pass.methodUsabilityReason as PassUsability | null) ?? 'EnabledByPolicy',
    startDateTime: start,
    expiresDateTime: expires,
  };
}

/** What a live read of someone's methods says, where the report has not caught up yet. */
export interface MethodsRead {
  authenticator?: 'push' | 'passwordless';
  /** createdDateTime is set only for phone sign-in (docs/graph-facts.md §3). */
  phoneSignInEnabledDateTime?: string;
  passkeyInAuthenticator?: boolean;
  passkeyRegisteredDateTime?: string;
}

export function authenticatorReadFrom(body: unknown): MethodsRead | undefined {
  const value = valueOf<MicrosoftGraph.MicrosoftAuthenticatorAuthenticationMethod>(body);
  if (!value) return undefined;
  if (value.length === 0) return {};
  const passwordless = value.filter((m) => m.createdDateTime || m.device);
  const dates = passwordless.flatMap((m) => (m.createdDateTime ? [m.createdDateTime] : [])).sort();
  return passwordless.length > 0
    ? { authenticator: 'passwordless', phoneSignInEnabledDateTime: dates[0] }
    : { authenticator: 'push' };
}

const AUTHENTICATOR_AAGUIDS: readonly string[] = Object.values(AUTHENTICATOR_PASSKEY_AAGUIDS);

export function passkeysReadFrom(body: unknown): MethodsRead | undefined {
  const value = valueOf<MicrosoftGraph.Fido2AuthenticationMethod>(body);
  if (!value) return undefined;
  const inAuthenticator = value.filter((m) =>
    AUTHENTICATOR_AAGUIDS.includes((m.aaGuid ?? '').trim().toLowerCase()),
  );
  const dates = inAuthenticator.flatMap((m) => (m.createdDateTime ? [m.createdDateTime] : []));
  return inAuthenticator.length > 0
    ? { passkeyInAuthenticator: true, passkeyRegisteredDateTime: dates.sort()[0] }
    : {};
}
