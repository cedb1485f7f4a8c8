/** The extension's Dexie database. */
export const EXTENSION_DB = 'away-for-x';

/**
 * Runs inside an extension context (worker or page): all records of one object store, with raw
 * IndexedDB so the test does not depend on the code under test. Never creates the database.
 */
export async function readStoreInPage([dbName, storeName]: [string, string]): Promise<unknown[]> {
  const databases = await indexedDB.databases();
  if (!databases.some((d) => d.name === dbName)) return [];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!db.objectStoreNames.contains(storeName)) return [];
    return await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}
