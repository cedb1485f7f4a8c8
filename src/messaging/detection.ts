import * as v from 'valibot';
import type { IncomingDm } from '../core/types.ts';
import { defineMessage } from './define.ts';
import type { OwnMessageReport } from './own-message.ts';

const MAX_TEXT = 10_000;

export const incomingDmSchema = v.object({
  messageId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  threadId: v.pipe(v.string(), v.regex(/^(?:\d+-\d+|g\d+)$/)),
  threadKind: v.picklist(['direct', 'group', 'request']),
  senderHandle: v.pipe(v.string(), v.maxLength(50)),
  senderName: v.pipe(v.string(), v.maxLength(200)),
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  timeLabel: v.pipe(v.string(), v.maxLength(100)),
  detectedAt: v.number(),
  source: v.picklist(['thread', 'inbox']),
}) satisfies v.GenericSchema<unknown, IncomingDm>;

/**
 * Content script → worker: new incoming messages travel on one long-lived port per page (named this),
 * not one `runtime.sendMessage` each, which costs the page ~0.7 ms of main thread per message in Chrome.
 * Each post is a batch with a sequence number; the worker answers with the numbers it has handled, and
 * the page posts again whatever was not acknowledged when the port breaks (the worker was stopped). The
 * worker stores each message once, so a batch seen twice does no harm.
 */
export const DETECTION_PORT = 'afx-detection';

/** The most messages one post carries; the page splits larger bursts. */
export const MAX_BATCH = 100;

/** Page → worker on the detection port. DMs are checked one by one, so one bad DM does not sink the rest. */
export const dmBatchSchema = v.object({
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  dms: v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(MAX_BATCH)),
});
export type DmBatch = { seq: number; dms: (IncomingDm | OwnMessageReport)[] };

/** Worker → page on the detection port: these batches are handled (stored, or refused for good). */
export interface DmAck {
  acked: number[];
}

/**
 * The sequence numbers in an acknowledgement, or null when the message is not one. Checked by hand: it
 * comes from this extension's own worker, and the page runs this for every acknowledgement.
 */
export function readDmAck(message: unknown): number[] | null {
  const acked = (message as Partial<DmAck> | null)?.acked;
  return Array.isArray(acked) && acked.every(Number.isInteger) ? acked : null;
}

export const adapterStatusSchema = v.object({
  ok: v.boolean(),
  /** Which UI the adapter recognised: Chat in a shadow root, in the light DOM, or none. */
  variant: v.picklist(['shadow', 'light', 'none']),
  /** Landmarks that were expected on this page but not found. */
  missing: v.array(v.string()),
  url: v.string(),
});
export type AdapterStatus = v.InferOutput<typeof adapterStatusSchema>;

/** Content script → worker: result of the adapter's self-check on a chat page. */
export const adapterStatus = defineMessage<void>()('adapterStatus', adapterStatusSchema);

/** What the worker keeps of the latest self-check of one tab. */
export interface AdapterStatusRecord {
  tabId: number;
  /** When the worker received it (epoch ms). */
  at: number;
  status: AdapterStatus;
}

/**
 * Popup → worker: the latest adapter status of every X tab that reported one (closed tabs are dropped).
 * The popup shows a warning for the active tab when its status is not ok (invariant 8).
 */
export const getAdapterStatuses = defineMessage<AdapterStatusRecord[]>()('getAdapterStatuses', v.object({}));
