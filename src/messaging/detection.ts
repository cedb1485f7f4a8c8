import * as v from 'valibot';
import type { IncomingDm } from '../core/types.ts';
import { defineMessage } from './define.ts';

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

/** Content script → worker: a new incoming message was seen. */
export const dmDetected = defineMessage<{ stored: boolean }>()('dmDetected', incomingDmSchema);

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
