import { describe, expect, it } from 'vitest';
import {
  clearAccountData,
  createAccountStore,
  sessionMarker,
  type RecordBackend,
  type RecordKey,
  type StoredRecord,
} from './account-store';

/** IndexedDB's semantics for what the store uses: array keys, prefix listing, failing puts. */
function memoryBackend(options: { failPuts?: boolean } = {}) {
  const records = new Map<string, StoredRecord>();
  const id = (key: RecordKey) => JSON.stringify(key);
  const backend: RecordBackend = {
    get: (key) => Promise.resolve(records.get(id(key))),
    put: (key, record) => {
      if (options.failPuts) {
        return Promise.reject(
          new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
        );
      }
      records.set(id(key), structuredClone(record));
      return Promise.resolve();
    },
    delete: (key) => {
      records.delete(id(key));
      return Promise.resolve();
    },
    keys: (prefix) =>
      Promise.resolve(
        [...records.keys()]
          .map((key) => JSON.parse(key) as RecordKey)
          .filter((key) => prefix.every((part, at) => key[at] === part)),
      ),
  };
  return { backend, records };
}

const MAX = { tenantId: 'contoso', oid: 'max' };
const AUDREY = { tenantId: 'contoso', oid: 'audrey' };

describe('accountStore', () => {
  it('gives each account its own records, in its own tenant', async () => {
    const { backend } = memoryBackend();
    const store = createAccountStore({ backend, session: () => 's1' });
    expect(await store.write(MAX, 'pilot:g', { counts: [1, 2] })).toBe(true);
    expect(await store.read(MAX, 'pilot:g')).toEqual({ counts: [1, 2] });
    expect(await store.read(AUDREY, 'pilot:g')).toBeUndefined();
    expect(await store.read({ ...MAX, tenantId: 'fabrikam' }, 'pilot:g')).toBeUndefined();
    expect(await store.read(MAX, 'pilot:other')).toBeUndefined();
  });

  it('never shows a record from another browser session, and deletes it', async () => {
    const { backend, records } = memoryBackend();
    await createAccountStore({ backend, session: () => 'yesterday' }).write(MAX, 'pilot:g', 1);
    const today = createAccountStore({ backend, session: () => 'today' });
    expect(await today.read(MAX, 'pilot:g')).toBeUndefined();
    expect(records.size).toBe(0);
  });

  it("clears every record of the account at sign-out and leaves others' alone", async () => {
    const { backend } = memoryBackend();
    const store = createAccountStore({ backend, session: () => 's1' });
    await store.write(MAX, 'pilot:a', 1);
    await store.write(MAX, 'pilot:b', 2);
    await store.write({ ...MAX, tenantId: 'fabrikam' }, 'pilot:a', 3);
    await store.write(AUDREY, 'pilot:a', 4);
    await clearAccountData('max', store);
    expect(await backend.keys(['max'])).toEqual([]);
    expect(await store.read(AUDREY, 'pilot:a')).toBe(4);
  });

  it('says a record was not saved when storage is full, without throwing', async () => {
    const { backend } = memoryBackend({ failPuts: true });
    const store = createAccountStore({ backend, session: () => 's1' });
    expect(await store.write(MAX, 'pilot:g', 'x'.repeat(1000))).toBe(false);
    expect(await store.read(MAX, 'pilot:g')).toBeUndefined();
  });

  it('keeps one session marker across reloads of the same session', () => {
    const session = new Map<string, string>();
    const storage = {
      getItem: (key: string) => session.get(key) ?? null,
      setItem: (key: string, value: string) => void session.set(key, value),
    };
    const first = sessionMarker(storage);
    expect(sessionMarker(storage)).toBe(first);
    expect(sessionMarker({ getItem: () => null, setItem: () => {} })).not.toBe(first);
  });
});
