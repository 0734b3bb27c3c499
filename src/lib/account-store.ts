/**
 * Data a page keeps for the signed-in account between visits in one browser session, so it can
 * paint at once and refresh behind (decision 0018). Records are keyed by account and tenant and
 * stamped with a per-session marker kept in sessionStorage: a new browser session never shows
 * them, and sign-out deletes every record of the account (`clearAccountData`).
 *
 * Only facts go in: never a token or a pass. Saving is best effort: a full disk or a browser
 * without IndexedDB just means the next visit loads from scratch.
 */

export interface AccountKey {
  tenantId: string;
  oid: string;
}

/** Where records live; IndexedDB in the browser, a Map in tests. */
export interface RecordBackend {
  get(key: RecordKey): Promise<StoredRecord | undefined>;
  put(key: RecordKey, record: StoredRecord): Promise<void>;
  delete(key: RecordKey): Promise<void>;
  /** Every key that starts with `prefix`. */
  keys(prefix: readonly string[]): Promise<RecordKey[]>;
}

export type RecordKey = [oid: string, tenantId: string, name: string];

export interface StoredRecord {
  session: string;
  savedAt: number;
  value: unknown;
}

export interface AccountStore {
  read<T>(account: AccountKey, name: string): Promise<T | undefined>;
  /** False when the record could not be saved (quota, private mode): nothing to tell anyone. */
  write(account: AccountKey, name: string, value: unknown): Promise<boolean>;
  /** Deletes every record of the account, in any tenant. */
  clearAccount(oid: string): Promise<void>;
}

const SESSION_KEY = 'tapdesk.storeSession';

/** This browser session's marker; sessionStorage survives reloads but not a new session. */
export function sessionMarker(storage: Pick<Storage, 'getItem' | 'setItem'>): string {
  let marker = storage.getItem(SESSION_KEY);
  if (!marker) {
    marker = crypto.randomUUID();
    storage.setItem(SESSION_KEY, marker);
  }
  return marker;
}

export function createAccountStore(options: {
  backend: RecordBackend;
  session: () => string;
  now?: () => number;
}): AccountStore {
  const { backend } = options;
  const now = options.now ?? Date.now;
  const keyOf = (account: AccountKey, name: string): RecordKey => [
    account.oid,
    account.tenantId,
    name,
  ];
  return {
    async read<T>(account: AccountKey, name: string) {
      try {
        const record = await backend.get(keyOf(account, name));
        if (!record) return undefined;
        if (record.session !== options.session()) {
          // Left by an earlier browser session that ended without signing out.
          await backend.delete(keyOf(account, name));
          return undefined;
        }
        return record.value as T;
      } catch {
        return undefined;
      }
    },
    async write(account, name, value) {
      try {
        await backend.put(keyOf(account, name), {
          session: options.session(),
          savedAt: now(),
          value,
        });
        return true;
      } catch {
        return false;
      }
    },
    async clearAccount(oid) {
      for (const key of await backend.keys([oid])) await backend.delete(key);
    },
  };
}

const DB_NAME = 'tapdesk';
const STORE = 'account-data';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** IndexedDB, opened on first use; each call is its own transaction. */
export function indexedDbBackend(factory: IDBFactory): RecordBackend {
  let opened: Promise<IDBDatabase> | undefined;
  const open = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'));
    });
    return opened;
  };
  const run = async <T>(
    mode: IDBTransactionMode,
    action: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const db = await open();
    const transaction = db.transaction(STORE, mode);
    const result = await promised(action(transaction.objectStore(STORE)));
    if (mode === 'readwrite') {
      // A write counts once committed: a quota error surfaces here, not on the request.
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = transaction.onabort = () =>
          reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      });
    }
    return result;
  };
  return {
    get: (key) => run('readonly', (store) => store.get(key)) as Promise<StoredRecord | undefined>,
    put: async (key, record) => {
      await run('readwrite', (store) => store.put(record, key));
    },
    delete: (key) => run('readwrite', (store) => store.delete(key)),
    keys: async (prefix) => {
      // Arrays sort after strings in IndexedDB keys, so [...prefix, []] closes the range.
      const range = IDBKeyRange.bound([...prefix], [...prefix, []]);
      return (await run('readonly', (store) => store.getAllKeys(range))) as RecordKey[];
    },
  };
}

function browserStore(): AccountStore | undefined {
  if (typeof indexedDB === 'undefined' || typeof sessionStorage === 'undefined') return undefined;
  return createAccountStore({
    backend: indexedDbBackend(indexedDB),
    session: () => sessionMarker(sessionStorage),
  });
}

const NOWHERE: AccountStore = {
  read: () => Promise.resolve(undefined),
  write: () => Promise.resolve(false),
  clearAccount: () => Promise.resolve(),
};

/** The app's one store; without IndexedDB (tests in jsdom) it keeps nothing. */
export const accountStore: AccountStore = browserStore() ?? NOWHERE;

/** Sign-out: forget everything kept for this account. Never blocks signing out. */
export async function clearAccountData(oid: string, store: AccountStore = accountStore) {
  try {
    await store.clearAccount(oid);
  } catch {
    // Nothing to do: the records are unreadable in a new browser session anyway.
  }
}
