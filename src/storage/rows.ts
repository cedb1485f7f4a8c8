/**
 * Shapes of the rows the database stores, where they differ from the shared vocabulary in core/types.ts.
 */
import type { IncomingDm, Template } from '../core/types.ts';

export const SETTINGS_KEY = 'settings';

/**
 * The settings live in one row. `value` is typed unknown on purpose: it is whatever an older version or a
 * corrupted profile left there, and only `getSettings` (which validates) turns it into `Settings`.
 */
export interface SettingsRow {
  key: typeof SETTINGS_KEY;
  value: unknown;
}

/**
 * A detected DM. An inbox preview and the thread message it previewed are one message seen twice: the
 * second one seen is stored too (so seeing it a third time is a no-op) and both rows point at each other.
 */
export interface StoredIncoming extends IncomingDm {
  /** Set on the later-seen row: the messageId of the row it duplicates. */
  supersedes?: string;
  /** Set on the earlier-seen row: the messageId of the row that duplicated it. */
  supersededBy?: string;
}

/** A DM stored as new whose decision has not been logged yet (schema version 3). */
export interface UndecidedDm {
  threadId: string;
  messageId: string;
  detectedAt: number;
}

export type LedgerState = 'reserved' | 'sent' | 'failed';

/** The exactly-once record: one row per (threadId, messageId) ever answered or being answered. */
export interface LedgerEntry {
  threadId: string;
  messageId: string;
  jobId: string;
  state: LedgerState;
  reservedAt: number;
  updatedAt: number;
}

/** Templates carry their place in the user's list (added in schema version 2). */
export interface StoredTemplate extends Template {
  position: number;
}

/** The reply prepared for a thread in suggest mode, shown until the user sends, edits or dismisses it. */
export interface Suggestion {
  threadId: string;
  /** The incoming message it answers. */
  messageId: string;
  text: string;
  ruleId: string;
  templateId: string;
  createdAt: number;
}
