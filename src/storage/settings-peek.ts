import type { Settings } from '../core/types.ts';
import { DB_NAME } from './db-name.ts';
import { SETTINGS_KEY, type SettingsRow } from './rows.ts';
import { defaultSettings, type Environment } from './settings-defaults.ts';
import { readSettings } from './settings-read.ts';

/** The object store Dexie keeps the settings row in (schema.ts: `settings: 'key'`). */
const SETTINGS_STORE = 'settings';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Opens the database at whatever version it has, without creating it: a missing database would otherwise
 * be created empty at version 1, and Dexie would then have to treat it as an old schema.
 */
function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name);
    let missing = false;
    req.onupgradeneeded = () => {
      missing = true;
      req.transaction?.abort();
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = (event) => {
      if (!missing) return reject(req.error);
      // The abort is ours: no database yet. Handled, so it does not surface as an uncaught error.
      event.preventDefault();
      resolve(null);
    };
    req.onblocked = () => reject(new Error(`${name}: open blocked`));
  });
}

/**
 * The stored settings read with plain IndexedDB, for the popup's first paint: Dexie is most of the
 * popup's code, and loading it first made the Away switch wait (bench/popup.ts). Validated exactly as
 * `getSettings` does. Null when it cannot tell (no database yet, no settings table, an error): the caller
 * then waits for Dexie. The connection is closed at once so it never holds up a schema upgrade.
 */
export async function peekSettings(
  factory: IDBFactory,
  env: Environment,
  name: string = DB_NAME,
): Promise<Settings | null> {
  const db = await openExisting(factory, name);
  if (!db) return null;
  try {
    if (!db.objectStoreNames.contains(SETTINGS_STORE)) return null;
    const store = db.transaction(SETTINGS_STORE, 'readonly').objectStore(SETTINGS_STORE);
    const row = (await request(store.get(SETTINGS_KEY))) as SettingsRow | undefined;
    return readSettings(row?.value, defaultSettings(env));
  } finally {
    db.close();
  }
}
