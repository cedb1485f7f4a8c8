/**
 * The product's vocabulary, shared by every context. Pure data: no browser API, no DOM.
 * Times are epoch milliseconds unless a name says otherwise.
 */

import type { LanguagePick } from './language-choice.ts';
import type { LocaleCode } from './locales.ts';

/** 1:1 chat, group chat, or a message request from someone the user does not follow. */
export type ThreadKind = 'direct' | 'group' | 'request';

/** Where on X's page the message was seen. */
export type DetectionSource = 'thread' | 'inbox';

/** One incoming message as the content script saw it: facts only, no judgement. */
export interface IncomingDm {
  /** The row's uuid in an open thread; for an inbox preview, `inbox:<hash>` until the thread is opened. */
  messageId: string;
  /** Canonical thread id as in X's URL: `<lowId>-<highId>` for 1:1 chats, `g<digits>` for groups. */
  threadId: string;
  threadKind: ThreadKind;
  /**
   * X's numeric user id of the sender: stable, unlike handle and name. '' when unknown (group messages,
   * or the viewer's own id could not be read to tell the two ids of a 1:1 thread apart).
   */
  senderId: string;
  /** Sender's @handle without the `@`. */
  senderHandle: string;
  senderName: string;
  text: string;
  /** The time label X shows next to the message (e.g. "10:42 AM"), as displayed. */
  timeLabel: string;
  /** When the content script first saw it. */
  detectedAt: number;
  source: DetectionSource;
}

export type ReplyMode = 'suggest' | 'auto';

export type TriggerKind = 'any' | 'keywords' | 'regex' | 'firstContact';

export interface Trigger {
  kind: TriggerKind;
  /** For `keywords`: whole words or phrases, matched ignoring case and accents. */
  keywords?: string[];
  /** For `regex`: source without slashes; flags are always `iu`. */
  pattern?: string;
}

export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  /** Lower runs first; the first matching enabled rule wins. */
  priority: number;
  trigger: Trigger;
  mode: ReplyMode;
  /** `away`: only while the away schedule says away; `always`: also while present. */
  when: 'away' | 'always';
  /** The default template: used when the message's language has no template of its own below. */
  templateId: string;
  /**
   * "Reply only if I haven't answered within N minutes": an automatic reply waits this long before it
   * is typed, and my own message in the conversation meanwhile cancels it. 0 or absent: no wait.
   */
  graceMinutes?: number;
  /**
   * Optional: one template per language of locales.ts, used when the message is reliably detected as
   * written in that language (language-choice.ts). Absent or empty: always `templateId`.
   */
  languageTemplates?: Partial<Record<LocaleCode, string>>;
  /**
   * While away, VIPs and messages with an urgent word are left to the user (`urgent` skip) unless the
   * rule says it answers them too. Absent means no.
   */
  answerUrgent?: boolean;
}

export interface Template {
  id: string;
  name: string;
  /** Text with `{variables}` and `{a|b|c}` variations. */
  body: string;
  /** Language of the text (a code of locales.ts), used for `{date}` / `{time}` and the auto-reply label. */
  locale: LocaleCode;
  /** Offered in the popup's quick replies. */
  quickReply: boolean;
}

/** Weekly hours during which the user counts as away. Days: 0 = Sunday … 6 = Saturday. */
export interface WeeklySlot {
  day: number;
  /** Minutes since local midnight, start inclusive, end exclusive; end may be 1440. */
  startMinute: number;
  endMinute: number;
}

export interface DateRange {
  /** Local dates `YYYY-MM-DD`, both inclusive. */
  from: string;
  to: string;
  label?: string;
}

export interface Schedule {
  /** The one-click switch. Off means nothing automatic happens at all. */
  awayEnabled: boolean;
  /** When set, away ends by itself at this instant. */
  awayUntil: number | null;
  /** When true, away only counts during `weekly` slots or `holidays` (and the switch is on). */
  useWeekly: boolean;
  weekly: WeeklySlot[];
  holidays: DateRange[];
  /** IANA time zone, e.g. `Europe/Paris`. */
  timeZone: string;
  /** When away was last switched on; messages older than this are history. */
  awaySince: number | null;
}

export interface Limits {
  /** Per-contact cooldown between two automatic messages, ms. Default 4 days. */
  contactCooldownMs: number;
  /** Minimum gap between any two automatic sends, ms. Default 20 s. */
  minGapMs: number;
  hourlyCap: number;
  /** Never above X's reported 500 DMs/day. */
  dailyCap: number;
}

export interface Timing {
  /** Bounds of the whole delay from detection to send, ms. */
  minDelayMs: number;
  maxDelayMs: number;
}

export interface Settings {
  schedule: Schedule;
  limits: Limits;
  timing: Timing;
  /** Default mode of new rules; auto needs `autoSendAcknowledged`. */
  defaultMode: ReplyMode;
  /** The user read and accepted the warning that X treats automation as a suspension risk. */
  autoSendAcknowledged: boolean;
  /** Append a visible "[auto-reply]" label to automatic messages. */
  addAutoReplyLabel: boolean;
  answerGroups: boolean;
  answerRequests: boolean;
  /** Handles (without @), lower case. When non-empty only these are answered. */
  allowList: string[];
  denyList: string[];
  /** The user's own display name, for `{my_name}`. */
  myName: string;
  /** The user's own handle, to never answer oneself. */
  myHandle: string;
  /** `auto` follows the browser's language; else a code of locales.ts. */
  uiLocale: 'auto' | LocaleCode;
  /**
   * Let urgent people through (core/urgent.ts): while away, VIPs and messages with an urgent word get no
   * automatic reply (unless a rule's `answerUrgent`) and raise a desktop notification. Turned on only once
   * the browser granted the optional notifications permission.
   */
  urgentAlerts: boolean;
  /** Handles (without @), lower case. */
  vipList: string[];
  /** The user's own urgent words, added to every shipped language's (locales.ts `urgentWords`). */
  urgentWords: string[];
}

/** A person who wrote, or was silenced by hand. Stored under `key` (contact-key.ts). */
export interface Contact {
  /** X's user id when known, else `@handle`: a rename keeps the cooldown, the silence and the lists. */
  key: string;
  /** X's user id, '' when it was never seen. */
  id: string;
  /** The latest handle seen, lower case: display data. */
  handle: string;
  /** Every handle seen for this person, lower case: the deny and allow lists match any of them. */
  handles: string[];
  name: string;
  firstSeenAt: number;
  /** Last automatic message we sent them. */
  lastRepliedAt: number | null;
  /** Set when they used a stop word; cleared only by the user. */
  silencedAt: number | null;
}

export interface ThreadState {
  threadId: string;
  /** When the extension first saw this thread: anything earlier is history. */
  firstSeenAt: number;
  /** When they last wrote. */
  lastIncomingAt: number | null;
  /** When we last sent an automatic message here. */
  lastAutoReplyAt: number | null;
  /** When my own message (not one of our automatic replies) was last seen here. */
  lastOwnAt?: number;
}

/** Why `decide` chose not to answer. Every code has an English and French text in _locales. */
export type SkipReason =
  | 'awayOff'
  | 'outsideSchedule'
  | 'history'
  | 'ownMessage'
  | 'groupThread'
  | 'requestThread'
  | 'denyListed'
  | 'notAllowListed'
  | 'stopWord'
  | 'silenced'
  | 'looksAutomatic'
  | 'cooldown'
  | 'alreadyAnswered'
  | 'minGap'
  | 'hourlyCap'
  | 'dailyCap'
  | 'noRuleMatched'
  /** A VIP or an urgent word while away: left for the user, who was notified (`detail`: `vip` / `word`). */
  | 'urgent'
  /**
   * The first rule reached is refused by today's checks (`validateRule`), e.g. a regex trigger stored by
   * an older version that the linear-time engine cannot run; `detail` is its id.
   */
  | 'ruleRefused'
  /** The matching rule's template was deleted. */
  | 'templateMissing'
  /** The matching rule's template does not pass validateTemplate. */
  | 'templateInvalid'
  /**
   * Not from `decide`: the worker was stopped between storing the DM and deciding it, and by its next
   * wake the DM was too old to answer as if on time (background/undecided.ts).
   */
  | 'decisionInterrupted'
  /** Not from `decide`: my own message appeared in the conversation after theirs (core/step-aside.ts). */
  | 'answeredYourself';

export interface TimingPlan {
  /** Reading the message. */
  readMs: number;
  /** Thinking before the first key. */
  thinkMs: number;
  /** Delay before each chunk of text is typed; `chunks[i]` is typed after `keyDelaysMs[i]`. */
  chunks: string[];
  keyDelaysMs: number[];
  /** readMs + thinkMs + sum(keyDelaysMs), within the user's bounds. */
  totalMs: number;
}

export type Decision =
  | {
      kind: 'reply';
      ruleId: string;
      templateId: string;
      text: string;
      mode: ReplyMode;
      timing: TimingPlan;
      /** Why this template among the rule's languages (language-choice.ts). */
      language?: LanguagePick;
    }
  | {
      kind: 'skip';
      reason: SkipReason;
      /** A code refining the reason (e.g. which loop signal, which rule), never prose. */
      detail?: string;
      /** For limits that expire by themselves (min gap, caps): when deciding again could succeed. */
      retryAt?: number;
    };

export type JobState = 'pending' | 'typing' | 'sent' | 'failed' | 'cancelled' | 'expired';

/** One automatic reply on its way. Its ledger key is (threadId, messageId). */
export interface SendJob {
  id: string;
  threadId: string;
  messageId: string;
  contactHandle: string;
  /** The contact the reply counts against (contact-key.ts); absent on jobs stored before version 4. */
  contactKey?: string;
  text: string;
  timing: TimingPlan;
  dueAt: number;
  state: JobState;
  attempts: number;
  createdAt: number;
  /** Tab that holds the lease, and until when. */
  leaseTabId: number | null;
  leaseUntil: number | null;
  error?: string;
  /** When the job gives up waiting (no usable chat tab, user always busy) and is logged as expired. */
  expiresAt?: number;
  /** When our row reached "sent": the caps and cooldowns count from here. */
  sentAt?: number;
  /**
   * Own rows with this text that were in the thread before we first typed. Set once typing starts, so a
   * later attempt (after a reload or a failure) can tell our sent row from an older identical one.
   */
  seenOwnRows?: string[];
  /** While the rule's grace period runs (until this instant) nothing is typed; my own reply cancels it. */
  graceUntil?: number;
}

export type ActivityKind =
  | 'detected'
  | 'skipped'
  | 'suggested'
  | 'scheduled'
  | 'sent'
  | 'failed'
  | 'cancelled';

export interface ActivityEntry {
  id?: number;
  at: number;
  kind: ActivityKind;
  threadId: string;
  messageId: string;
  contactHandle: string;
  /** Skip reason code, or error text for failures. */
  reason?: SkipReason | string;
  /** The incoming text (shortened) or our reply. Always text, never HTML. */
  text?: string;
}
