import * as v from 'valibot';
import type { IncomingDm } from '../core/types.ts';
import {
  type AdapterStatus,
  type AdapterStatusRecord,
  adapterStatus,
  DETECTION_PORT,
  type DmAck,
  getAdapterStatuses,
} from '../messaging/detection.ts';
import { isOwnReport, type OwnMessageReport } from '../messaging/own-message.ts';
import type { MessageRouter, SenderInfo } from '../messaging/router.ts';
import {
  adapterStatusSchema,
  dmBatchSchema,
  getAdapterStatusesSchema,
  incomingDmSchema,
} from '../messaging/schemas/detection.ts';
import { ownMessageReportSchema } from '../messaging/schemas/own-message.ts';
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

/** The part of `runtime.Port` the worker uses. */
export interface DetectionPort {
  name: string;
  sender?: SenderInfo;
  postMessage(message: DmAck): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** `runtime.onConnect`, and this extension's id: only its own content scripts may report. */
export interface DetectionPorts {
  onConnect: { addListener(listener: (port: DetectionPort) => void): void };
  ownId: string;
}

export interface DetectionDeps {
  db: () => AwayDb;
  statuses: AdapterStatusStore;
  /** A DM stored as new goes on to the decision (sending.ts). */
  onNewDm?: (dm: IncomingDm) => Promise<void>;
  /** One of my own messages was seen (own-messages.ts). */
  onOwnMessage?: (own: OwnMessageReport) => Promise<void>;
  /** Where pages open their detection port; without it only the status messages are served. */
  ports?: DetectionPorts;
  /** How long acknowledgements are gathered before one post to the page (default ACK_DELAY_MS). */
  ackDelayMs?: number;
}

/**
 * The page waits for acknowledgements only to know what to post again after a break, so they are sent
 * in bulk: one post every few seconds at most instead of one per DM, each of which would cost the page's
 * main thread a callback. Well under the page's ACK_TIMEOUT_MS.
 */
export const ACK_DELAY_MS = 3000;

/**
 * Stores a detected DM, which keeps each message once (re-renders, reloads, two tabs and batches posted
 * again all bring the same one). `stored: true` means the message is new; only then may a decision follow.
 * A failing decision is logged, not thrown: the DM is stored and a second delivery would not retry it.
 */
export async function storeDetected(deps: DetectionDeps, dm: IncomingDm): Promise<{ stored: boolean }> {
  const stored = await recordIncoming(deps.db(), dm);
  if (stored) {
    await deps.onNewDm?.(dm).catch((error: unknown) => {
      console.error('Away for X: deciding on a detected DM failed', error);
    });
  }
  return { stored };
}

/** Serves one page's detection port: batches in the order posted, acknowledgements gathered. */
function serveDetectionPort(port: DetectionPort, deps: DetectionDeps): void {
  let chain = Promise.resolve();
  let acked: number[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let open = true;
  const flushAcks = () => {
    timer = null;
    if (!open || acked.length === 0) return;
    const message: DmAck = { acked };
    acked = [];
    try {
      port.postMessage(message);
    } catch {
      // The page went away meanwhile: it posts its unacknowledged batches again on its next port.
    }
  };
  const handle = async (message: unknown) => {
    const parsed = v.safeParse(dmBatchSchema, message);
    // Without a sequence number there is nothing to acknowledge: the page's watchdog posts it again.
    if (!parsed.success) return console.warn('Away for X: refused a malformed detection batch');
    const batch = parsed.output;
    for (const raw of batch.dms) {
      if (isOwnReport(raw)) {
        const own = v.safeParse(ownMessageReportSchema, raw);
        if (own.success) await deps.onOwnMessage?.(own.output);
        else console.warn(`Away for X: refused an own message: ${issueText(own.issues)}`);
        continue;
      }
      const dm = v.safeParse(incomingDmSchema, raw);
      if (dm.success) await storeDetected(deps, dm.output);
      else console.warn(`Away for X: refused a detected DM: ${issueText(dm.issues)}`);
    }
    // Only now: a storage error above leaves the batch unacknowledged, so the page posts it again.
    acked.push(batch.seq);
    timer ??= setTimeout(flushAcks, deps.ackDelayMs ?? ACK_DELAY_MS);
  };
  port.onMessage.addListener((message) => {
    chain = chain
      .then(() => handle(message))
      .catch((error: unknown) => console.error('Away for X: storing detected DMs failed', error));
  });
  port.onDisconnect.addListener(() => {
    open = false;
    if (timer !== null) clearTimeout(timer);
  });
}

function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const where = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
  return `${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`;
}

/**
 * Detected DMs arrive on each page's detection port (see DETECTION_PORT); adapter statuses and the
 * popup's question about them are ordinary messages.
 */
export function registerDetection(router: MessageRouter, deps: DetectionDeps): void {
  deps.ports?.onConnect.addListener((port) => {
    if (port.name !== DETECTION_PORT) return;
    // Only this extension's own content scripts; anything else is cut off before it is read.
    if (port.sender?.id !== deps.ports?.ownId) return port.disconnect();
    serveDetectionPort(port, deps);
  });
  router
    .on(adapterStatus, adapterStatusSchema, async (status, sender) => {
      const tabId = sender.tab?.id;
      // Only a content script in a tab sends this; a status without a tab has nowhere to be shown.
      if (tabId === undefined) throw new Error('adapterStatus needs a sender tab');
      await deps.statuses.put(tabId, status);
    })
    .on(getAdapterStatuses, getAdapterStatusesSchema, () => deps.statuses.list());
}
