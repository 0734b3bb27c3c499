import { GraphError } from '../../graph/errors';
import { createAccountStore, type RecordBackend, type StoredRecord } from '../../lib/account-store';
import { GROUP, loadToEnd, world } from '../../testing/fixtures/pilot-world';
import type { PilotSnapshot } from './loader';
import { decodeSnapshot, encodeSnapshot, restoreSnapshot, saveSnapshot } from './snapshot-store';

async function lastSnapshot(w = world()): Promise<PilotSnapshot> {
  return (await loadToEnd(w)).last;
}

/** A backend that keeps records as IndexedDB would: structured clones. */
function cloningBackend(): RecordBackend {
  const records = new Map<string, StoredRecord>();
  return {
    get: (key) => Promise.resolve(structuredClone(records.get(key.join('/')))),
    put: (key, record) => Promise.resolve(void records.set(key.join('/'), structuredClone(record))),
    delete: (key) => Promise.resolve(void records.delete(key.join('/'))),
    keys: () => Promise.resolve([]),
  };
}

const ACCOUNT = { tenantId: 'contoso', oid: 'max' };

describe('the pilot snapshot kept for the session', () => {
  it('comes back exactly as it was saved, sources included, so a refresh can reuse them', async () => {
    const snapshot = await lastSnapshot();
    expect(snapshot.members.length).toBeGreaterThan(0);
    expect(snapshot.sources.issuances.size).toBeGreaterThan(0);
    expect(decodeSnapshot(structuredClone(encodeSnapshot(snapshot)))).toEqual(snapshot);
  });

  it('keeps its notes, with Graph errors that still say what Graph refused', async () => {
    const snapshot = await lastSnapshot({ ...world(), refusePassReads: true });
    const decoded = decodeSnapshot(structuredClone(encodeSnapshot(snapshot)))!;
    expect(decoded.notes).toHaveLength(1);
    const error = decoded.notes[0]?.error;
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 403 });
  });

  it('stores members as columns of plain values, and nothing that looks like a token', async () => {
    const stored = encodeSnapshot(await lastSnapshot());
    expect(Array.isArray(stored.members.id)).toBe(true);
    expect(JSON.stringify(stored)).not.toMatch(/token|temporaryAccessPass"/i);
  });

  it('is saved only when complete, and restored for the same account and group', async () => {
    const store = createAccountStore({ backend: cloningBackend(), session: () => 's' });
    const snapshot = await lastSnapshot();
    expect(await saveSnapshot(store, ACCOUNT, GROUP, { ...snapshot, complete: false })).toBe(false);
    expect(await restoreSnapshot(store, ACCOUNT, GROUP)).toBeUndefined();
    expect(await saveSnapshot(store, ACCOUNT, GROUP, { ...snapshot, restored: true })).toBe(true);
    expect(await restoreSnapshot(store, ACCOUNT, GROUP)).toEqual(snapshot);
    expect(await restoreSnapshot(store, ACCOUNT, 'another-group')).toBeUndefined();
  });

  it('hands the store text rather than a value per member, and reads department nulls back as null', async () => {
    const records: StoredRecord[] = [];
    const backend = cloningBackend();
    const store = createAccountStore({
      backend: {
        ...backend,
        put: (key, record) => (records.push(record), backend.put(key, record)),
      },
      session: () => 's',
    });
    const w = world();
    w.members[0]!.department = null;
    const snapshot = await lastSnapshot(w);
    expect(snapshot.members.some((member) => member.department === null)).toBe(true);
    await saveSnapshot(store, ACCOUNT, GROUP, snapshot);
    // Nothing in the record is an array: IndexedDB's clone copies a few dozen strings.
    const arrays: string[] = [];
    JSON.stringify(records, (key, value: unknown) => {
      if (Array.isArray(value) && key !== '' && !/^\d+$/.test(key)) arrays.push(key);
      return value;
    });
    expect(arrays.filter((key) => !['notes', 'affects'].includes(key))).toEqual([]);
    expect(await restoreSnapshot(store, ACCOUNT, GROUP)).toEqual(snapshot);
  });

  it('treats a record in an older format as none', async () => {
    const stored = { ...encodeSnapshot(await lastSnapshot()), version: 0 };
    expect(decodeSnapshot(stored)).toBeUndefined();
  });
});
