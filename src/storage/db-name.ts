/**
 * The database's name, on its own so that code which must not load Dexie (the popup's first paint reads
 * one row with plain IndexedDB) can name the database too.
 */
export const DB_NAME = 'away-for-x';
