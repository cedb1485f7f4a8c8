import * as v from 'valibot';
import type { IncomingDm } from '../core/types.ts';
import { defineMessage } from './define.ts';
import type { TabProblem } from './ui.ts';

const MAX_TEXT = 10_000;

export const incomingDmSchema = v.object({
  messageId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  threadId: v.pipe(v.string(), v.regex(/^(?:\d+-\d+|g\d+)$/)),
  threadKind: v.picklist(['direct', 'group', 'request']),
  // Optional on the wire: a content script of an older version does not send it.
  senderId: v.optional(v.pipe(v.string(), v.regex(/^\d{0,25}$/)), ''),
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
export type DmBatch = { seq: number; dms: IncomingDm[] };

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
  /** X Chat shows its passcode screen: paused until the person unlocks it (not a markup change). */
  locked: v.optional(v.boolean()),
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

/** The most chat markup a tab answers (the page's HTML; a few hundred kB whatever the inbox's size). */
export const MAX_CHAT_MARKUP = 4_000_000;

const chatMarkupSchema = v.object({
  ok: v.literal(true),
  /** The chat's HTML with its open shadow roots (src/content/x/chat-markup.ts): never shown as is. */
  markup: v.pipe(v.string(), v.maxLength(MAX_CHAT_MARKUP)),
  url: v.string(),
  check: v.object({ ok: v.boolean(), missing: v.array(v.string()), locked: v.optional(v.boolean()) }),
});
export type ChatMarkup = v.InferOutput<typeof chatMarkupSchema>;
export type ChatMarkupAnswer = ChatMarkup | { ok: false; problem: TabProblem };

/**
 * Popup → content script of the X tab: the chat's markup and the self-check's verdict, from which the
 * popup makes an anonymised markup report (src/content/x/markup-report.ts) for the user to paste into a
 * bug report when the self-check fails. The markup itself never leaves the extension.
 */
export const getChatMarkup = defineMessage<ChatMarkupAnswer>()('getChatMarkup', v.object({}));
export const chatMarkupOkSchema = chatMarkupSchema;
