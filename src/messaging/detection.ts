import type { IncomingDm } from '../core/types.ts';
import { defineMessage, type PayloadOf } from './define.ts';
import type { OwnMessageReport } from './own-message.ts';
import type * as content from './schemas/content.ts';
import type * as schemas from './schemas/detection.ts';
import type { TabProblem } from './ui.ts';

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

/** Page → worker on the detection port (checked with `dmBatchSchema`, then each DM on its own). */
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

export type AdapterStatus = PayloadOf<typeof schemas.adapterStatusSchema>;

/** Content script → worker: result of the adapter's self-check on a chat page. */
export const adapterStatus = defineMessage<AdapterStatus, void>('adapterStatus');

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
export const getAdapterStatuses = defineMessage<
  PayloadOf<typeof schemas.getAdapterStatusesSchema>,
  AdapterStatusRecord[]
>('getAdapterStatuses');

/** The most chat markup a tab answers (the page's HTML; a few hundred kB whatever the inbox's size). */
export const MAX_CHAT_MARKUP = 4_000_000;

export type ChatMarkup = PayloadOf<typeof schemas.chatMarkupOkSchema>;
export type ChatMarkupAnswer = ChatMarkup | { ok: false; problem: TabProblem };

/**
 * Popup → content script of the X tab: the chat's markup and the self-check's verdict, from which the
 * popup makes an anonymised markup report (src/content/x/markup-report.ts) for the user to paste into a
 * bug report when the self-check fails. The markup itself never leaves the extension.
 */
export const getChatMarkup = defineMessage<PayloadOf<typeof content.getChatMarkupSchema>, ChatMarkupAnswer>(
  'getChatMarkup',
);
