/**
 * The last complete pilot snapshot, kept per account and group for the browser session so a
 * reopened pilot paints at once (decision 0018). Stored column by column: a 100,000-member pilot
 * is a few dozen arrays of strings rather than hundreds of thousands of objects, which keeps
 * IndexedDB's structured clone short on the main thread. Only facts: no token, no pass value.
 */
import type { AccountKey, AccountStore } from '../../lib/account-store';
import { GraphError } from '../../graph/errors';
import type { PilotNote, PilotSnapshot } from './loader';
import type { Issuance, Registration } from './sources';
import type { MemberFacts, PassRead } from './stages';

/** Raised whenever the stored shape changes: an older record is dropped, not half-read. */
const VERSION = 2;

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

const recordName = (groupId: string) => `pilot:${groupId}`;

/** Keeps a complete snapshot; an incomplete one would show gaps as facts next time. */
export async function saveSnapshot(
  store: AccountStore,
  account: AccountKey,
  groupId: string,
  snapshot: PilotSnapshot,
): Promise<boolean> {
  if (!snapshot.complete) return false;
  return store.write(account, recordName(groupId), encodeSnapshot(snapshot));
}

export async function restoreSnapshot(
  store: AccountStore,
  account: AccountKey,
  groupId: string,
): Promise<PilotSnapshot | undefined> {
  const stored = await store.read<StoredSnapshot>(account, recordName(groupId));
  try {
    return stored ? decodeSnapshot(stored) : undefined;
  } catch {
    // A record this version cannot read is as good as none.
    return undefined;
  }
}
