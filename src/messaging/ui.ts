import type { Schedule } from '../core/types.ts';
import { defineMessage, type PayloadOf } from './define.ts';
import type * as content from './schemas/content.ts';
import type * as schemas from './schemas/ui.ts';

/**
 * Messages the popup and options page send. Everything they can do by reading or writing the database
 * themselves, they do directly; these are the things that need the worker (badge, jobs) or an X tab.
 */

export type SetAwayPayload = PayloadOf<typeof schemas.setAwaySchema>;

/**
 * Popup → worker: switch away on or off. The worker writes the settings, refreshes the badge and, when
 * away goes off, cancels pending jobs (invariant 6). Answers the schedule as stored.
 */
export const setAway = defineMessage<SetAwayPayload, { schedule: Schedule }>('setAway');

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

export type InsertReplyAnswer = { ok: true } | { ok: false; problem: TabProblem };

/**
 * Popup → content script of the active X tab: put this text in the composer of the open thread. The user
 * presses send; nothing is sent by this message.
 */
export const insertReply = defineMessage<PayloadOf<typeof content.insertReplySchema>, InsertReplyAnswer>(
  'insertReply',
);

export type OpenThread = PayloadOf<typeof schemas.openThreadSchema>;
export type OpenThreadAnswer = { ok: true; thread: OpenThread } | { ok: false; problem: TabProblem };

/** Popup → content script of the active X tab: which conversation is open, and with whom. */
export const getOpenThread = defineMessage<PayloadOf<typeof content.getOpenThreadSchema>, OpenThreadAnswer>(
  'getOpenThread',
);

/**
 * Extension page → worker: settings changed (schedule, language…), repaint the toolbar button now. The
 * worker also follows the database itself, but only while it is awake; this wakes it.
 */
export const refreshBadge = defineMessage<PayloadOf<typeof schemas.refreshBadgeSchema>, void>('refreshBadge');
