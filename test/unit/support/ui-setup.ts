import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import en from '../../../public/_locales/en/messages.json';
import fr from '../../../public/_locales/fr/messages.json';
import { setUiDb } from '../../../src/shared/db.ts';
import { type MessageBundle, setBundle } from '../../../src/shared/i18n.ts';
import { type AwayDb, openDb } from '../../../src/storage/db.ts';

// Dexie's liveQuery does nothing unless Dexie found an IndexedDB when it loaded, which never happens here.
Dexie.dependencies.indexedDB ??= new IDBFactory();
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;

let counter = 0;

/** A database of its own for each test, installed as the pages' database. */
export function freshDb(): AwayDb {
  counter += 1;
  const db = openDb(`ui-test-${counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  setUiDb(db);
  return db;
}

export function useEnglish(): void {
  setBundle('en', en as MessageBundle);
}

export function useFrench(): void {
  setBundle('fr', fr as MessageBundle);
}

/** Lets Dexie's live queries and the promises behind them settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
