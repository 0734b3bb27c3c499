/**
 * TAP Desk's verification record: one item in a Microsoft List per helpdesk action, written by
 * the helpdesk and read by auditors. The schema is decision 0005 (docs/decisions), mirrored by
 * the emulator in emulator/routes/lists.ts; change all three together. A record never holds the
 * pass itself, only the Graph id of the method created or deleted.
 */
import type { GraphClient } from './client';
import { isAnswerLost } from './errors';
import { createListItem, listItems, type ListItem } from './lists';
import { allOf, odataString } from './odata';

/**
 * pending: written before the create call, completed by a second item (decision 0009) ·
 * issued: a new pass · replaced: a new pass that replaced a valid one · revoked: a pass deleted ·
 * failed: Graph refused or nothing was created, no pass exists from this attempt ·
 * unknown: the answer was lost and the pass could not be read back.
 */
export const VERIFICATION_OUTCOMES = [
  'pending',
  'issued',
  'replaced',
  'revoked',
  'failed',
  'unknown',
] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];
/** The outcomes that close a pending attempt. */
export type CompletionOutcome = Exclude<VerificationOutcome, 'pending' | 'revoked'>;

/** The list's columns, by internal name. Optional columns are absent when empty, as in SharePoint. */
export interface VerificationFields {
  /** The row's label in SharePoint views: the ticket reference (or the target's UPN when none). */
  Title: string;
  TargetUserId: string;
  TargetUpn: string;
  TargetDisplayName?: string;
  IssuedByUpn: string;
  IssuedByName?: string;
  /** ISO 8601, UTC: when TAP Desk made the Graph call. */
  IssuedAt: string;
  LifetimeMinutes?: number;
  IsUsableOnce?: boolean;
  /** ISO 8601, UTC; absent = usable at once. */
  StartAt?: string;
  /** One of the configured verification methods, as the helpdesk chose it. */
  VerificationMethod: string;
  Ticket?: string;
  Reason?: string;
  /** Graph id of the temporaryAccessPassAuthenticationMethod created or deleted; never the pass. */
  TapMethodId?: string;
  Outcome: VerificationOutcome;
  /** One id per helpdesk action, shared by its pending item and the item that completes it. */
  AttemptId?: string;
  /** On a completing item: the list item id of the pending item it completes. */
  RefersTo?: string;
  /** On a failed or unknown outcome: Graph's error code, or TAP Desk's own (notIssued, noAnswer). */
  ErrorCode?: string;
}

export const VERIFICATION_COLUMNS = [
  'Title',
  'TargetUserId',
  'TargetUpn',
  'TargetDisplayName',
  'IssuedByUpn',
  'IssuedByName',
  'IssuedAt',
  'LifetimeMinutes',
  'IsUsableOnce',
  'StartAt',
  'VerificationMethod',
  'Ticket',
  'Reason',
  'TapMethodId',
  'Outcome',
  'AttemptId',
  'RefersTo',
  'ErrorCode',
] as const satisfies readonly (keyof VerificationFields)[];

/** Who wrote the item and when, as SharePoint set it: facts the record's own fields cannot forge. */
export interface RecordAuthorship {
  /** The author's email as SharePoint gives it (createdBy.user.email): usually, not always, the UPN. */
  createdByUpn?: string;
  /** The author's Entra object id. */
  createdById?: string;
  createdByName?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  /** Who changed the item last; the author while nobody has edited it. */
  lastModifiedByUpn?: string;
  lastModifiedByName?: string;
  /** The item's version from its etag ("{guid},N"): 1 when written, one more per edit. */
  version?: number;
}

export interface VerificationRecord extends VerificationFields, RecordAuthorship {
  /** The list item id. */
  itemId: string;
}

export interface ListSite {
  siteId: string;
  listId: string;
}

/**
 * Appends one item, sending it once. When the answer is lost (5xx, timeout, dropped connection)
 * the item may still have been written, so the list is read back by attempt and outcome before
 * the failure reaches the caller: a second POST could write the record twice.
 */
export async function recordVerification(
  client: GraphClient,
  site: ListSite,
  fields: VerificationFields,
  signal?: AbortSignal,
): Promise<VerificationRecord> {
  try {
    const item = await createListItem<Record<string, unknown>>(
      client,
      site.siteId,
      site.listId,
      { ...fields },
      signal,
    );
    return parseVerificationItem(item) ?? { ...fields, itemId: item.id ?? '' };
  } catch (error) {
    if (!isAnswerLost(error) || !fields.AttemptId) throw error;
    const written = await findAttemptItem(client, site, fields.AttemptId, fields.Outcome).catch(
      () => undefined,
    );
    if (written) return written;
    throw error;
  }
}

/** The item of one attempt with one outcome, if the list has it. */
export async function findAttemptItem(
  client: GraphClient,
  site: ListSite,
  attemptId: string,
  outcome: VerificationOutcome,
): Promise<VerificationRecord | undefined> {
  const items = await listItems<Record<string, unknown>>(client, site.siteId, site.listId, {
    filter: allOf(
      `fields/AttemptId eq ${odataString(attemptId)}`,
      `fields/Outcome eq ${odataString(outcome)}`,
    ),
    select: VERIFICATION_COLUMNS,
  });
  return items.map(parseVerificationItem).find((record) => record !== null);
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const whole = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const isoDate = (value: unknown) => {
  const candidate = text(value);
  return candidate && !Number.isNaN(Date.parse(candidate)) ? candidate : undefined;
};
/** SharePoint's identitySet user carries an email that Graph's Identity type leaves out. */
const who = (identity: { user?: { id?: unknown; displayName?: unknown } | null } | null = null) => {
  const user = (identity?.user ?? {}) as { id?: unknown; displayName?: unknown; email?: unknown };
  return { id: text(user.id), name: text(user.displayName), email: text(user.email) };
};
/** The version in a list item's etag, `"{guid},N"` (or `"5,N"`). */
const etagVersion = (item: { eTag?: unknown; '@odata.etag'?: unknown }) => {
  const match = /,(\d+)"?$/.exec(text(item.eTag) ?? text(item['@odata.etag']) ?? '');
  return match ? Number(match[1]) : undefined;
};

/**
 * Reads one item defensively: the list is editable in SharePoint too, so a row with a missing
 * key column is reported as unreadable rather than silently joined.
 */
export function parseVerificationItem(
  item: ListItem<Record<string, unknown>>,
): VerificationRecord | null {
  const f = item.fields ?? {};
  const outcome = text(f.Outcome);
  const TargetUserId = text(f.TargetUserId);
  const IssuedAt = isoDate(f.IssuedAt);
  if (!item.id || !TargetUserId || !IssuedAt) return null;
  if (!outcome || !(VERIFICATION_OUTCOMES as readonly string[]).includes(outcome)) return null;
  return {
    itemId: item.id,
    Title: text(f.Title) ?? '',
    TargetUserId,
    TargetUpn: text(f.TargetUpn) ?? '',
    TargetDisplayName: text(f.TargetDisplayName),
    IssuedByUpn: text(f.IssuedByUpn) ?? '',
    IssuedByName: text(f.IssuedByName),
    IssuedAt,
    LifetimeMinutes: whole(f.LifetimeMinutes),
    IsUsableOnce: typeof f.IsUsableOnce === 'boolean' ? f.IsUsableOnce : undefined,
    StartAt: isoDate(f.StartAt),
    VerificationMethod: text(f.VerificationMethod) ?? '',
    Ticket: text(f.Ticket),
    Reason: text(f.Reason),
    TapMethodId: text(f.TapMethodId),
    Outcome: outcome as VerificationOutcome,
    AttemptId: text(f.AttemptId),
    RefersTo: text(f.RefersTo),
    ErrorCode: text(f.ErrorCode),
    createdByUpn: who(item.createdBy).email,
    createdById: who(item.createdBy).id,
    createdByName: who(item.createdBy).name,
    createdDateTime: isoDate(item.createdDateTime),
    lastModifiedDateTime: isoDate(item.lastModifiedDateTime),
    lastModifiedByUpn: who(item.lastModifiedBy).email,
    lastModifiedByName: who(item.lastModifiedBy).name,
    version: etagVersion(item),
  };
}

export interface VerificationRecords {
  records: VerificationRecord[];
  /** Items that exist but could not be read as verification records (edited by hand?). */
  unreadable: number;
}

/** Records whose IssuedAt falls in [from, to] (ISO 8601, UTC), for one target user if given. */
export async function listVerificationRecords(
  client: GraphClient,
  site: ListSite,
  range: { from: string; to: string; targetUserId?: string },
  signal?: AbortSignal,
): Promise<VerificationRecords> {
  const items = await listItems<Record<string, unknown>>(client, site.siteId, site.listId, {
    filter: allOf(
      `fields/IssuedAt ge ${odataString(range.from)}`,
      `fields/IssuedAt le ${odataString(range.to)}`,
      range.targetUserId !== undefined &&
        `fields/TargetUserId eq ${odataString(range.targetUserId)}`,
    ),
    select: VERIFICATION_COLUMNS,
    top: 500,
    signal,
  });
  const records: VerificationRecord[] = [];
  let unreadable = 0;
  for (const item of items) {
    const record = parseVerificationItem(item);
    if (record) records.push(record);
    else unreadable++;
  }
  return { records, unreadable };
}
