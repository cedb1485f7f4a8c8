import * as v from 'valibot';
import type { IncomingDm } from '../core/types.ts';
import {
  type AdapterStatus,
  type AdapterStatusRecord,
  adapterStatus,
  adapterStatusSchema,
  dmDetected,
  getAdapterStatuses,
} from '../messaging/detection.ts';
import type { MessageRouter } from '../messaging/router.ts';
import type { AwayDb } from '../storage/db.ts';
import { recordIncoming } from '../storage/incoming.ts';

/** The part of `storage.session` (or `storage.local`) the status store uses. */
export interface KeyValueArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

/** A stand-in for `storage.session` where a browser lacks it: lives as long as the worker does. */
export function memoryArea(): KeyValueArea {
  const items = new Map<string, unknown>();
  return {
    get: async (key) =>
      Object.fromEntries(key === null ? items : items.has(key) ? [[key, items.get(key)]] : []),
    set: async (entries) => {
      for (const [key, value] of Object.entries(entries)) items.set(key, structuredClone(value));
    },
    remove: async (key) => {
      items.delete(key);
    },
  };
}

const KEY_PREFIX = 'adapterStatus:';

const recordSchema = v.object({
  tabId: v.pipe(v.number(), v.integer()),
  at: v.number(),
  status: adapterStatusSchema,
});

/**
 * Latest adapter status per tab. Kept in session storage, not in a module variable, because the worker is
 * stopped and restarted at will and the popup asks later.
 */
export class AdapterStatusStore {
  constructor(
    private readonly area: KeyValueArea,
    private readonly now: () => number,
  ) {}

  async put(tabId: number, status: AdapterStatus): Promise<void> {
    const record: AdapterStatusRecord = { tabId, at: this.now(), status };
    await this.area.set({ [KEY_PREFIX + tabId]: record });
  }

  async drop(tabId: number): Promise<void> {
    await this.area.remove(KEY_PREFIX + tabId);
  }

  /** Every stored record that is still well-formed; anything else (an older shape) is ignored. */
  async list(): Promise<AdapterStatusRecord[]> {
    const items = await this.area.get(null);
    const records: AdapterStatusRecord[] = [];
    for (const [key, value] of Object.entries(items)) {
      if (!key.startsWith(KEY_PREFIX)) continue;
      const parsed = v.safeParse(recordSchema, value);
      if (parsed.success) records.push(parsed.output);
    }
    return records.sort((a, b) => a.tabId - b.tabId);
  }
}

export interface DetectionDeps {
  db: () => AwayDb;
  statuses: AdapterStatusStore;
  /** A DM stored as new goes on to the decision (sending.ts); answered after it, so the worker stays awake. */
  onNewDm?: (dm: IncomingDm) => Promise<void>;
}

/**
 * Detected DMs go to storage, which keeps each message once (re-renders, reloads and two tabs send the
 * same one again). `stored: true` means the message is new; only then may a decision follow.
 */
export function registerDetection(router: MessageRouter, deps: DetectionDeps): void {
  router
    .on(dmDetected, async (dm) => {
      const stored = await recordIncoming(deps.db(), dm);
      if (stored) await deps.onNewDm?.(dm);
      return { stored };
    })
    .on(adapterStatus, async (status, sender) => {
      const tabId = sender.tab?.id;
      // Only a content script in a tab sends this; a status without a tab has nowhere to be shown.
      if (tabId === undefined) throw new Error('adapterStatus needs a sender tab');
      await deps.statuses.put(tabId, status);
    })
    .on(getAdapterStatuses, () => deps.statuses.list());
}
