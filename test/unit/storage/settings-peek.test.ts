import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import { openDb } from '../../../src/storage/db.ts';
import { SETTINGS_KEY } from '../../../src/storage/rows.ts';
import { getSettings, putSettings } from '../../../src/storage/settings.ts';
import { peekSettings } from '../../../src/storage/settings-peek.ts';

const env = { timeZone: 'Europe/Paris' };
const NAME = 'peek-test';

function profile() {
  const indexedDB = new IDBFactory();
  return { indexedDB, db: openDb(NAME, { indexedDB, IDBKeyRange }) };
}

describe('peekSettings: the settings row without Dexie', () => {
  it('reads what Dexie stored, as getSettings does', async () => {
    const { indexedDB, db } = profile();
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.schedule.awayEnabled = true;
    settings.uiLocale = 'fr';
    await putSettings(db, settings);
    const peeked = await peekSettings(indexedDB, env, NAME);
    expect(peeked?.schedule.awayEnabled).toBe(true);
    expect(peeked?.uiLocale).toBe('fr');
    expect(peeked).toEqual(await getSettings(db, env));
    db.close();
  });

  it('repairs a corrupted row field by field, exactly like getSettings', async () => {
    const { indexedDB, db } = profile();
    await db.settings.put({
      key: SETTINGS_KEY,
      value: {
        ...DEFAULT_SETTINGS,
        myName: 42,
        schedule: { ...DEFAULT_SETTINGS.schedule, awayEnabled: true },
      },
    });
    const peeked = await peekSettings(indexedDB, env, NAME);
    expect(peeked).toEqual(await getSettings(db, env));
    expect(peeked?.myName).toBe(DEFAULT_SETTINGS.myName);
    expect(peeked?.schedule.awayEnabled).toBe(true);
    db.close();
  });

  it('gives the defaults when the database exists but was not seeded yet', async () => {
    const { indexedDB, db } = profile();
    await db.open();
    expect(await peekSettings(indexedDB, env, NAME)).toEqual(await getSettings(db, env));
    db.close();
  });

  it('answers null without creating a database that does not exist, so Dexie creates it whole', async () => {
    const indexedDB = new IDBFactory();
    expect(await peekSettings(indexedDB, env, NAME)).toBeNull();
    expect(await indexedDB.databases()).toEqual([]);
    const db = openDb(NAME, { indexedDB, IDBKeyRange });
    await putSettings(db, structuredClone(DEFAULT_SETTINGS));
    expect(db.tables.map((table) => table.name)).toContain('incoming');
    db.close();
  });

  it('answers null for a database without a settings table', async () => {
    const indexedDB = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('other');
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    expect(await peekSettings(indexedDB, env, NAME)).toBeNull();
  });

  it('closes its connection, so a schema upgrade is never blocked by the popup', async () => {
    const { indexedDB, db } = profile();
    await db.open();
    db.close();
    await peekSettings(indexedDB, env, NAME);
    const upgraded = await new Promise<number>((resolve, reject) => {
      const req = indexedDB.open(NAME, 1000);
      req.onblocked = () => reject(new Error('blocked by an open connection'));
      req.onsuccess = () => {
        req.result.close();
        resolve(req.result.version);
      };
      req.onerror = () => reject(req.error);
    });
    expect(upgraded).toBe(1000);
  });
});
