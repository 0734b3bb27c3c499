/** What the audit page shows: one row per event or unjoined attempt, with its anomalies. */
import type { DirectoryAudit } from '../../graph/audit-logs';
import type { RoleHolder } from '../../graph/directory-roles';
import type { VerificationRecord } from '../../graph/verification-records';
import type { MessageRef } from '../../i18n/catalog';
import type { Attempt } from './attempts';
import type { Actor, EventKind, Target } from './classify-events';
import type { MatchedBy } from './pair-attempts';

export type RowKind = EventKind | 'recordOnly';

export const ANOMALIES = [
  'noVerification',
  'adminTarget',
  'repeatWithin24h',
  'noAuthenticator',
  'recordWithoutEvent',
  'authorNotActor',
  'issuerNotAuthor',
  'writtenLate',
  'recordEdited',
  'attemptUnfinished',
  'brokenAttempt',
] as const;
export type Anomaly = (typeof ANOMALIES)[number];

export interface AuditRow {
  id: string;
  kind: RowKind;
  at: string;
  actor: Actor;
  target: Target;
  /** Graph's own words for an event; TAP Desk's for a record alone. */
  what: string | MessageRef;
  succeeded: boolean;
  /** The item that opened the attempt: how the caller was verified, the ticket, the reason. */
  verification?: VerificationRecord;
  /** The helpdesk action the row shows, or that its event is joined with. */
  attempt?: Attempt;
  matchedBy?: MatchedBy;
  anomalies: Anomaly[];
  /** What exactly was found, per anomaly, in sentences the auditor reads beside the flag. */
  findings?: Partial<Record<Anomaly, readonly MessageRef[]>>;
  /** Directory roles the target holds, when that made the row an admin-account row. */
  targetRoles?: string[];
  /** Still inside its lifetime, so no passwordless registration is expected yet. */
  awaitingRegistration?: boolean;
  /** A record older than the audit log keeps: absence from the log proves nothing. */
  beyondRetention?: boolean;
}

export interface ReconcileInput {
  /** Any mix of directory audit events; duplicates (same id) are read once. */
  events: readonly DirectoryAudit[];
  records: readonly VerificationRecord[];
  /** Holders of directory roles by object id; null when they could not be read. */
  roleHolders: ReadonlyMap<string, RoleHolder> | null;
  /** Rows shown: events and records inside [from, to] (ISO instants). */
  range: { from: string; to: string };
  now: number;
  /**
   * How far apart Entra's time for an event and SharePoint's time for an item may be and still
   * describe one action; a record written later than this after its event is flagged late.
   */
  matchWindowMinutes: number;
  retentionDays: number;
  /** Assumed lifetime when no record says, the policy's maximum, so nothing is flagged early. */
  fallbackLifetimeMinutes: number;
}

export interface ReconcileResult {
  rows: AuditRow[];
  counts: Record<Anomaly, number>;
  /** Start of what the audit log still holds; earlier, only records remain. */
  retentionStart: number;
}

export function emptyCounts(): Record<Anomaly, number> {
  return Object.fromEntries(ANOMALIES.map((anomaly) => [anomaly, 0])) as Record<Anomaly, number>;
}
