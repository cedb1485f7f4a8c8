import * as v from 'valibot';
import type { IncomingDm } from '../../core/types.ts';
import { MAX_BATCH, MAX_CHAT_MARKUP } from '../detection.ts';
import { messageIdSchema, threadIdSchema } from './ids.ts';

/** What the worker and the popup check of the messages of src/messaging/detection.ts. */

const MAX_TEXT = 10_000;

export const incomingDmSchema = v.object({
  messageId: messageIdSchema,
  threadId: threadIdSchema,
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

/** Page → worker on the detection port. DMs are checked one by one, so one bad DM does not sink the rest. */
export const dmBatchSchema = v.object({
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  dms: v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(MAX_BATCH)),
});

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

export const getAdapterStatusesSchema = v.object({});

/** The successful answer to getChatMarkup, checked by the popup (the tab may run an older version). */
export const chatMarkupOkSchema = v.object({
  ok: v.literal(true),
  /** The chat's HTML with its open shadow roots (src/content/x/chat-markup.ts): never shown as is. */
  markup: v.pipe(v.string(), v.maxLength(MAX_CHAT_MARKUP)),
  url: v.string(),
  check: v.object({ ok: v.boolean(), missing: v.array(v.string()), locked: v.optional(v.boolean()) }),
});
