import * as v from 'valibot';
import { threadIdSchema } from './ids.ts';

/**
 * What the worker checks of the messages of src/messaging/ui.ts, and the popup of the X tab's answers (the
 * content script's checks are in content.ts).
 */

export const setAwaySchema = v.object({
  enabled: v.boolean(),
  /** When set, away ends by itself at this instant (epoch ms). Ignored when `enabled` is false. */
  until: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

export const openThreadSchema = v.object({
  threadId: threadIdSchema,
  threadKind: v.picklist(['direct', 'group', 'request']),
  /** Without the @. Empty for group threads. */
  contactHandle: v.pipe(v.string(), v.maxLength(50)),
  contactName: v.pipe(v.string(), v.maxLength(200)),
  /** X's numeric user id of the other person of a 1:1 (or request); '' for groups or when unknown. */
  contactId: v.optional(v.pipe(v.string(), v.regex(/^\d{0,25}$/)), ''),
});

/** Shapes of the successful answers, checked by the popup (the content script may be an older version). */
export const openThreadOkSchema = v.object({ ok: v.literal(true), thread: openThreadSchema });
export const insertReplyOkSchema = v.object({ ok: v.literal(true) });

export const refreshBadgeSchema = v.object({});
