import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { ActivityEntry, Contact, Rule, SendJob, ThreadState } from '../core/types.ts';
import { DB_NAME } from './db-name.ts';
import type { DigestRow } from './digests.ts';
import type {
  LedgerEntry,
  SettingsRow,
  StoredIncoming,
  StoredTemplate,
  Suggestion,
  UndecidedDm,
} from './rows.ts';
import { STORES_V1, STORES_V2, STORES_V3, STORES_V4, upgradeToV2, upgradeToV4 } from './schema.ts';

export { DB_NAME };

/** Compound primary key of `incoming` and `ledger`. */
export type MessageKey = [threadId: string, messageId: string];

/** The extension's one database. Every context opens it by name; only the worker writes in normal use. */
export class AwayDb extends Dexie {
  settings!: Table<SettingsRow, string>;
  rules!: Table<Rule, string>;
  templates!: Table<StoredTemplate, string>;
  /** Contacts, keyed by X's user id or `@handle` (schema version 4). */
  people!: Table<Contact, string>;
  threads!: Table<ThreadState, string>;
  incoming!: Table<StoredIncoming, MessageKey>;
  ledger!: Table<LedgerEntry, MessageKey>;
  jobs!: Table<SendJob, string>;
  activity!: Table<ActivityEntry, number>;
  suggestions!: Table<Suggestion, string>;
  undecided!: Table<UndecidedDm, MessageKey>;
  digests!: Table<DigestRow, string>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2).upgrade(upgradeToV2);
    this.version(3).stores(STORES_V3);
    this.version(4).stores(STORES_V4).upgrade(upgradeToV4);
  }
}

/**
 * Opens (lazily, on first query) the database. Tests pass a fresh name per test, and may pass
 * `{ indexedDB, IDBKeyRange }` from fake-indexeddb instead of relying on globals.
 */
export function openDb(name: string = DB_NAME, options?: DexieOptions): AwayDb {
  return new AwayDb(name, options);
}
