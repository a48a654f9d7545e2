/**
 * One IndexedDB wrapper for the book's stores. Where IndexedDB cannot open (private mode, blocked),
 * every store lives in memory for this page and `persistent()` says so; a store that must not
 * pretend (the data set) checks it and refuses.
 */

/** A store of a database: values by key (or by the value's `keyPath` when the store has one). */
export interface KeyValueStore<V> {
  get(key: string): Promise<V | undefined>;
  getAll(): Promise<V[]>;
  put(value: V, key?: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A database opened lazily, once, with the named stores. */
export interface BookDatabase {
  /** True when the data survive a reload (IndexedDB opened). */
  persistent(): Promise<boolean>;
  store<V>(name: string): KeyValueStore<V>;
}

/** What a store is: its name and, for stores of records, the key field. */
export interface StoreDef {
  name: string;
  keyPath?: string;
}

/** Opens (on first use) database `name` at version 1 with `stores`, falling back to memory. */
export function openDatabase(name: string, stores: StoreDef[]): BookDatabase {
  let db: Promise<IDBDatabase | null> | null = null;
  const memory = new Map(stores.map((s) => [s.name, new Map<string, unknown>()]));
  const open = (): Promise<IDBDatabase | null> => {
    db ??= new Promise((resolve) => {
      if (typeof indexedDB === 'undefined') return resolve(null);
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => {
        for (const s of stores) req.result.createObjectStore(s.name, s.keyPath ? { keyPath: s.keyPath } : undefined);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    });
    return db;
  };
  const tx = async <T>(store: string, mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const d = await open();
    if (!d) throw new Error('no IndexedDB');
    return new Promise<T>((resolve, reject) => {
      const t = d.transaction(store, mode);
      const req = op(t.objectStore(store));
      t.oncomplete = () => resolve(req.result);
      t.onerror = () => reject(t.error ?? req.error ?? new Error('IndexedDB transaction failed'));
      t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted (storage full?)'));
    });
  };
  return {
    persistent: async () => (await open()) !== null,
    store<V>(storeName: string): KeyValueStore<V> {
      const def = stores.find((s) => s.name === storeName);
      if (!def) throw new Error(`database ${name} has no store ${storeName}`);
      const mem = memory.get(storeName) as Map<string, V>;
      const keyOf = (value: V, key?: string): string => key ?? String((value as Record<string, unknown>)[def.keyPath ?? '']);
      return {
        get: async (key) => ((await open()) ? tx(storeName, 'readonly', (s) => s.get(key) as IDBRequest<V | undefined>) : mem.get(key)),
        getAll: async () => ((await open()) ? tx(storeName, 'readonly', (s) => s.getAll() as IDBRequest<V[]>) : [...mem.values()]),
        put: async (value, key) => {
          if (await open()) await tx(storeName, 'readwrite', (s) => (def.keyPath ? s.put(value) : s.put(value, key)));
          else mem.set(keyOf(value, key), value);
        },
        delete: async (key) => {
          if (await open()) await tx(storeName, 'readwrite', (s) => s.delete(key));
          else mem.delete(key);
        },
      };
    },
  };
}
