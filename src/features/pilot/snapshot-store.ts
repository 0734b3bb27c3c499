/**
 * The last complete pilot snapshot, kept per account and group for the browser session so a
 * reopened pilot paints at once (decision 0018). Stored column by column, and each column as
 * JSON text (`packSnapshot`): IndexedDB's structured clone runs on the main thread, and for a
 * 100,000-member pilot it took 260 ms over arrays of values, where a few dozen strings copy in
 * a moment. Only facts: no token, no pass value.
 */
import type { AccountKey, AccountStore } from '../../lib/account-store';
import { GraphError } from '../../graph/errors';
import type { PilotNote, PilotSnapshot } from './loader';
import type { Issuance, Registration } from './sources';
import type { MemberFacts, PassRead } from './stages';

/** Raised whenever the stored shape changes: an older record is dropped, not half-read. */
const VERSION = 3;

/** Every field of MemberFacts, so a new one fails to compile here until it is stored. */
const MEMBER_FIELDS = {
  id: true,
  displayName: true,
  userPrincipalName: true,
  department: true,
  tapIssuedDateTime: true,
  tapIsUsableOnce: true,
  tapIssuanceId: true,
  registeredAfterTapDateTime: true,
  authenticator: true,
  passkeyInAuthenticator: true,
  reportUpdatedDateTime: true,
  authenticatorRegisteredDateTime: true,
  phoneSignInEnabledDateTime: true,
  passkeyRegisteredDateTime: true,
  pass: true,
} satisfies Record<keyof MemberFacts, true>;
type MemberField = keyof typeof MEMBER_FIELDS;
const FIELDS = Object.keys(MEMBER_FIELDS) as MemberField[];

interface StoredError {
  status?: number;
  code?: string;
  message: string;
}

export interface StoredSnapshot {
  version: number;
  snapshot: Omit<PilotSnapshot, 'members' | 'notes' | 'sources' | 'restored'>;
  members: { [F in MemberField]: MemberFacts[F][] };
  notes: (Omit<PilotNote, 'error'> & { error: StoredError })[];
  sources: {
    auditCursor?: string;
    auditSeen: string[];
    issuances: { userId: string[]; id: string[]; at: string[]; isUsableOnce: boolean[] };
    registrations: { userId: string[]; at: string[]; kind: Registration['kind'][] };
    passReads: [string, PassRead & { issuanceId: string }][];
  };
}

function storedError(error: unknown): StoredError {
  if (error instanceof GraphError) {
    return { status: error.status, code: error.code, message: error.message };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

export function encodeSnapshot(snapshot: PilotSnapshot): StoredSnapshot {
  const { members, notes, sources, ...rest } = snapshot;
  delete rest.restored;
  const columns = Object.fromEntries(FIELDS.map((field) => [field, [] as unknown[]])) as {
    [F in MemberField]: unknown[];
  };
  for (const member of members) for (const field of FIELDS) columns[field].push(member[field]);
  const issuances: StoredSnapshot['sources']['issuances'] = {
    userId: [],
    id: [],
    at: [],
    isUsableOnce: [],
  };
  for (const [userId, issuance] of sources.issuances) {
    issuances.userId.push(userId);
    issuances.id.push(issuance.id);
    issuances.at.push(issuance.at);
    issuances.isUsableOnce.push(issuance.isUsableOnce);
  }
  const registrations: StoredSnapshot['sources']['registrations'] = {
    userId: [],
    at: [],
    kind: [],
  };
  for (const [userId, list] of sources.registrations) {
    for (const registration of list) {
      registrations.userId.push(userId);
      registrations.at.push(registration.at);
      registrations.kind.push(registration.kind);
    }
  }
  return {
    version: VERSION,
    snapshot: rest,
    members: columns as StoredSnapshot['members'],
    notes: notes.map((note) => ({ ...note, error: storedError(note.error) })),
    sources: {
      auditCursor: sources.auditCursor,
      auditSeen: [...sources.auditSeen],
      issuances,
      registrations,
      passReads: [...sources.passReads],
    },
  };
}

export function decodeSnapshot(stored: StoredSnapshot): PilotSnapshot | undefined {
  if (stored.version !== VERSION) return undefined;
  const ids = stored.members.id;
  const members: MemberFacts[] = new Array<MemberFacts>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const member: Record<string, unknown> = {};
    for (const field of FIELDS) {
      const value = stored.members[field][i];
      if (value !== undefined) member[field] = value;
    }
    members[i] = member as unknown as MemberFacts;
  }
  const issuances = new Map<string, Issuance>();
  const { issuances: i, registrations: r } = stored.sources;
  i.userId.forEach((userId, at) =>
    issuances.set(userId, { id: i.id[at]!, at: i.at[at]!, isUsableOnce: i.isUsableOnce[at]! }),
  );
  const registrations = new Map<string, Registration[]>();
  r.userId.forEach((userId, at) => {
    const list = registrations.get(userId) ?? [];
    list.push({ at: r.at[at]!, kind: r.kind[at]! });
    registrations.set(userId, list);
  });
  return {
    ...stored.snapshot,
    members,
    notes: stored.notes.map(({ error, ...note }) => ({
      ...note,
      error:
        error.status !== undefined
          ? new GraphError(error.status, error.code ?? '', error.message)
          : new Error(error.message),
    })),
    sources: {
      auditCursor: stored.sources.auditCursor,
      auditSeen: new Set(stored.sources.auditSeen),
      issuances,
      registrations,
      passReads: new Map(stored.sources.passReads),
    },
  };
}

/** What IndexedDB keeps: a stored snapshot whose member columns and sources are JSON text. */
export interface PackedSnapshot {
  version: number;
  snapshot: StoredSnapshot['snapshot'];
  notes: StoredSnapshot['notes'];
  auditCursor?: string;
  /** `members.<field>` for each column, and `auditSeen`, `issuances`, `registrations`, `passReads`. */
  texts: Record<string, string>;
}

const SOURCE_PARTS = ['auditSeen', 'issuances', 'registrations', 'passReads'] as const;

/** Only `department` holds null as a value; in every other column JSON's null was undefined. */
const NULLABLE: ReadonlySet<MemberField> = new Set(['department']);

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Each column and source to JSON in a task of its own, so no one task holds the page long. */
export async function packSnapshot(stored: StoredSnapshot): Promise<PackedSnapshot> {
  const texts: Record<string, string> = {};
  for (const field of FIELDS) {
    texts[`members.${field}`] = JSON.stringify(stored.members[field]);
    await nextTask();
  }
  for (const part of SOURCE_PARTS) {
    texts[part] = JSON.stringify(stored.sources[part]);
    await nextTask();
  }
  const { version, snapshot, notes } = stored;
  return { version, snapshot, notes, auditCursor: stored.sources.auditCursor, texts };
}

export function unpackSnapshot(packed: PackedSnapshot): StoredSnapshot | undefined {
  if (packed.version !== VERSION) return undefined;
  const parse = (name: string, reviver?: (key: string, value: unknown) => unknown): unknown => {
    const text = packed.texts[name];
    if (text === undefined) throw new Error(`The stored snapshot has no ${name}.`);
    return JSON.parse(text, reviver);
  };
  // A reviver that returns undefined leaves a hole, which reads back as undefined.
  const absent = (_: string, value: unknown) => (value === null ? undefined : value);
  const members = Object.fromEntries(
    FIELDS.map((field) => [
      field,
      parse(`members.${field}`, NULLABLE.has(field) ? undefined : absent),
    ]),
  ) as StoredSnapshot['members'];
  const sources = Object.fromEntries(SOURCE_PARTS.map((part) => [part, parse(part)])) as Omit<
    StoredSnapshot['sources'],
    'auditCursor'
  >;
  return {
    version: packed.version,
    snapshot: packed.snapshot,
    notes: packed.notes,
    members,
    sources: { ...sources, auditCursor: packed.auditCursor },
  };
}

const recordName = (groupId: string) => `pilot:${groupId}`;

/**
 * Keeps a complete snapshot; an incomplete one would show gaps as facts next time. The work
 * starts in a task after the one that shows the snapshot, and goes on in slices (`packSnapshot`).
 */
export async function saveSnapshot(
  store: AccountStore,
  account: AccountKey,
  groupId: string,
  snapshot: PilotSnapshot,
): Promise<boolean> {
  if (!snapshot.complete) return false;
  await nextTask();
  const packed = await packSnapshot(encodeSnapshot(snapshot));
  return store.write(account, recordName(groupId), packed);
}

export async function restoreSnapshot(
  store: AccountStore,
  account: AccountKey,
  groupId: string,
): Promise<PilotSnapshot | undefined> {
  const packed = await store.read<PackedSnapshot>(account, recordName(groupId));
  try {
    const stored = packed ? unpackSnapshot(packed) : undefined;
    return stored ? decodeSnapshot(stored) : undefined;
  } catch {
    // A record this version cannot read is as good as none.
    return undefined;
  }
}
