/**
 * Attachment bytes of drafts, kept in IndexedDB (photos are too big for localStorage), so a draft
 * resumed after closing the app still has its photos. Falls back to memory when IndexedDB is missing.
 */
const DB_NAME = 'motcua-files';
const STORE = 'files';
const memory = new Map<string, Blob>();
let opening: Promise<IDBDatabase | null> | undefined;

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

function run<T>(
  mode: IDBTransactionMode,
  fn: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve) => {
        if (!db) return resolve(undefined);
        try {
          const request = fn(db.transaction(STORE, mode).objectStore(STORE));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => resolve(undefined);
        } catch {
          resolve(undefined);
        }
      }),
  );
}

export async function putFile(key: string, blob: Blob): Promise<void> {
  memory.set(key, blob);
  await run('readwrite', (s) => s.put(blob, key));
}

export async function getFile(key: string): Promise<Blob | undefined> {
  return memory.get(key) ?? ((await run<Blob>('readonly', (s) => s.get(key))) as Blob | undefined);
}

export async function deleteFile(key: string): Promise<void> {
  memory.delete(key);
  await run('readwrite', (s) => s.delete(key));
}
