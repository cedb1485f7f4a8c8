import * as v from 'valibot';
import type { Schedule } from '../core/types.ts';
import { defineMessage } from './define.ts';

/**
 * Messages the popup and options page send. Everything they can do by reading or writing the database
 * themselves, they do directly; these are the things that need the worker (badge, jobs) or an X tab.
 */

const threadIdSchema = v.pipe(v.string(), v.regex(/^(?:\d+-\d+|g\d+)$/));
const MAX_REPLY = 10_000;

export const setAwaySchema = v.object({
  enabled: v.boolean(),
  /** When set, away ends by itself at this instant (epoch ms). Ignored when `enabled` is false. */
  until: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
export type SetAwayPayload = v.InferOutput<typeof setAwaySchema>;

/**
 * Popup → worker: switch away on or off. The worker writes the settings, refreshes the badge and, when
 * away goes off, cancels pending jobs (invariant 6). Answers the schedule as stored.
 */
export const setAway = defineMessage<{ schedule: Schedule }>()('setAway', setAwaySchema);

/** Why an X tab could not do what the popup asked. The popup shows each in words (`tabProblem_<code>`). */
export type TabProblem =
  /** The active tab is not x.com / chat.x.com. */
  | 'noXTab'
  /** The tab is on X but its content script did not answer (page still loading, or opened before install). */
  | 'noAnswer'
  /** No conversation is open in that tab. */
  | 'noOpenThread'
  /** The open conversation is not the one the reply was meant for. */
  | 'threadMismatch'
  /** X's composer could not be found or did not take the text. */
  | 'noComposer';

export const insertReplySchema = v.object({
  /** The thread the text is meant for; the content script refuses if another one is open. */
  threadId: v.optional(threadIdSchema),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_REPLY)),
});
export type InsertReplyAnswer = { ok: true } | { ok: false; problem: TabProblem };

/**
 * Popup → content script of the active X tab: put this text in the composer of the open thread. The user
 * presses send; nothing is sent by this message.
 */
export const insertReply = defineMessage<InsertReplyAnswer>()('insertReply', insertReplySchema);

export const openThreadSchema = v.object({
  threadId: threadIdSchema,
  threadKind: v.picklist(['direct', 'group', 'request']),
  /** Without the @. Empty for group threads. */
  contactHandle: v.pipe(v.string(), v.maxLength(50)),
  contactName: v.pipe(v.string(), v.maxLength(200)),
  /** X's numeric user id of the other person of a 1:1 (or request); '' for groups or when unknown. */
  contactId: v.optional(v.pipe(v.string(), v.regex(/^\d{0,25}$/)), ''),
});
export type OpenThread = v.InferOutput<typeof openThreadSchema>;
export type OpenThreadAnswer = { ok: true; thread: OpenThread } | { ok: false; problem: TabProblem };

/** Popup → content script of the active X tab: which conversation is open, and with whom. */
export const getOpenThread = defineMessage<OpenThreadAnswer>()('getOpenThread', v.object({}));

/** Shapes of the successful answers, checked by the popup (the content script may be an older version). */
export const openThreadOkSchema = v.object({ ok: v.literal(true), thread: openThreadSchema });
export const insertReplyOkSchema = v.object({ ok: v.literal(true) });

/**
 * Extension page → worker: settings changed (schedule, language…), repaint the toolbar button now. The
 * worker also follows the database itself, but only while it is awake; this wakes it.
 */
export const refreshBadge = defineMessage<void>()('refreshBadge', v.object({}));
