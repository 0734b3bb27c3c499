/**
 * What an auditor must look at, row by row: checks on a record alone, on a record against its
 * event, and on a TAP creation against the person's history. Each finding is worded for the row.
 */
import type { VerificationRecord } from '../../graph/verification-records';
import { messageRef, type MessageRef, type MessageValue } from '../../i18n/catalog';
import { isUnfinished, type Attempt } from './attempts';
import type { Anomaly, AuditRow, ReconcileInput } from './audit-row';
import { lower, type Actor, type ClassifiedEvent } from './classify-events';
import { messages } from './findings.messages';
import { isSamePerson } from './pair-attempts';

type FindingKey = keyof typeof messages.messages.en;
export const finding = (key: FindingKey, values?: Record<string, MessageValue>): MessageRef =>
  messageRef(messages, key, values);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export function flag(row: AuditRow, anomaly: Anomaly, ...found: MessageRef[]) {
  row.anomalies.push(anomaly);
  if (found.length > 0) row.findings = { ...row.findings, [anomaly]: found };
}

/** UTC, to the minute, in every language: findings are read beside events from other time zones. */
const utc = (time: number | string | undefined): MessageValue =>
  time === undefined || Number.isNaN(new Date(time).getTime())
    ? finding('unknownTime')
    : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function duration(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

function nameOf(person: { name?: string; upn?: string }): MessageValue {
  if (person.name && person.upn) return finding('person', { name: person.name, upn: person.upn });
  return person.name ?? person.upn ?? finding('unknownAuthor');
}

function actorName(actor: Actor): MessageValue {
  if (actor.userName || actor.userUpn) return nameOf({ name: actor.userName, upn: actor.userUpn });
  return actor.appName ? finding('appWithoutUser', { app: actor.appName }) : finding('noUser');
}

/**
 * The opening item names its author as the issuer. TAP Desk writes the signed-in person, so any
 * other name was typed by someone. SharePoint gives the author's email, which need not be the
 * UPN: when the event proves (by object id) that the author acted, the actor's UPN counts too.
 */
function namesItsAuthor(attempt: Attempt, actor?: Actor): boolean {
  const claimed = lower(attempt.opening.IssuedByUpn);
  if (!claimed) return false;
  if (claimed === lower(attempt.author.upn)) return true;
  const authorActed =
    actor !== undefined &&
    Boolean(attempt.author.id && actor.userId) &&
    lower(attempt.author.id) === lower(actor.userId);
  return authorActed && claimed === lower(actor.userUpn);
}

function editFinding(record: VerificationRecord): MessageRef {
  const values = {
    item: record.itemId,
    when: utc(record.lastModifiedDateTime),
    editor: nameOf({ name: record.lastModifiedByName, upn: record.lastModifiedByUpn }),
  };
  return (record.version ?? 1) > 1
    ? finding('editedVersion', { ...values, version: String(record.version) })
    : finding('edited', values);
}

/** Checks on the record alone, for every row that shows one; `actor` when it is joined. */
export function flagAttempt(row: AuditRow, attempt: Attempt, input: ReconcileInput, actor?: Actor) {
  if (!namesItsAuthor(attempt, actor)) {
    flag(
      row,
      'issuerNotAuthor',
      finding('issuerNotAuthor', {
        issuer: attempt.opening.IssuedByUpn || finding('noOne'),
        author: nameOf(attempt.author),
      }),
    );
  }
  if (attempt.edited.length > 0) {
    flag(row, 'recordEdited', ...attempt.edited.map(editFinding));
  }
  if (isUnfinished(attempt, input.now, input.matchWindowMinutes * MINUTE)) {
    flag(
      row,
      'attemptUnfinished',
      finding('unfinished', { author: nameOf(attempt.author), when: utc(attempt.writtenAt) }),
    );
  }
  if (attempt.brokenChain) flag(row, 'brokenAttempt', attempt.brokenChain);
}

/** Checks of the record against the event it is joined with. */
export function flagJoin(
  row: AuditRow,
  event: ClassifiedEvent,
  attempt: Attempt,
  input: ReconcileInput,
) {
  if (!isSamePerson(attempt.author, event.actor)) {
    flag(
      row,
      'authorNotActor',
      finding('authorNotActor', { author: nameOf(attempt.author), actor: actorName(event.actor) }),
    );
  }
  const delay = attempt.writtenAt === undefined ? 0 : attempt.writtenAt - event.time;
  if (delay > input.matchWindowMinutes * MINUTE) {
    flag(row, 'writtenLate', finding('writtenLate', { duration: duration(delay) }));
  }
}

export interface History {
  creations: ClassifiedEvent[];
  deletions: ClassifiedEvent[];
  /** Passwordless follow-ups: Authenticator or passkey registrations. */
  registrations: ClassifiedEvent[];
}

export function flagCreation(
  row: AuditRow,
  event: ClassifiedEvent,
  record: VerificationRecord | undefined,
  input: ReconcileInput,
  history: History,
) {
  if (!record) row.anomalies.push('noVerification');

  const holder = event.target.id ? input.roleHolders?.get(event.target.id) : undefined;
  if (holder) {
    row.anomalies.push('adminTarget');
    row.targetRoles = holder.roles;
  }

  const others = history.creations.filter((other) => other.id !== event.id);
  if (others.some((other) => Math.abs(other.time - event.time) < DAY)) {
    row.anomalies.push('repeatWithin24h');
  }

  // The pass could lead to a registration until it expired, was replaced, or was deleted. The
  // record's lifetime is what its writer says: capped at the policy's maximum, so a claim cannot
  // hold the flag back longer than any pass can live.
  const start = record?.StartAt ? Date.parse(record.StartAt) : event.time;
  const lifetime = Math.min(
    record?.LifetimeMinutes ?? input.fallbackLifetimeMinutes,
    input.fallbackLifetimeMinutes,
  );
  const ends = [
    Math.max(start, event.time) + lifetime * MINUTE,
    ...others.filter((other) => other.time > event.time).map((other) => other.time),
    ...history.deletions.filter((other) => other.time > event.time).map((other) => other.time),
  ];
  const end = Math.min(...ends);
  const registered = history.registrations.some(
    (registration) => registration.time > event.time && registration.time <= end,
  );
  if (registered) return;
  if (end <= input.now) row.anomalies.push('noAuthenticator');
  else row.awaitingRegistration = true;
}
