import { LOCALES } from './locales.ts';
import { isAway } from './schedule.ts';
import { containsPhrase, foldedWords } from './text-normalize.ts';
import type { Decision, IncomingDm, Rule, Settings } from './types.ts';

/**
 * Letting urgent people through (issue 12 §3). While away, with the feature on, a message from a VIP or
 * with an urgent word is left for the user to answer (no automatic reply unless a rule explicitly takes
 * urgent messages, `Rule.answerUrgent`) and raises a desktop notification, at most one per conversation
 * per hour. Pure: the worker owns the notification state and passes the time in.
 */

/** Why a message counts as urgent. */
export type Urgency = 'vip' | 'word';

/** At most one notification per conversation in this span. */
export const URGENT_ALERT_GAP_MS = 60 * 60_000;

/** The urgent words every shipped language brings (locales.ts), matched in every language at once. */
export const BUILT_IN_URGENT_WORDS: readonly string[] = LOCALES.flatMap((locale) => locale.urgentWords);

const BUILT_IN_PHRASES = BUILT_IN_URGENT_WORDS.map(foldedWords);

const bareHandle = (handle: string) => handle.trim().replace(/^@/, '').toLowerCase();

/**
 * The first urgent word found in the text (the user's own words, then every language's), as whole words
 * ignoring case and accents like stop words: "URGENT!" and "c'est urgent" count, "urgently-needed" counts
 * for `urgently`, "insurgent" does not.
 */
export function urgentWordIn(text: string, ownWords: readonly string[]): string | null {
  const words = foldedWords(text);
  for (const word of ownWords) {
    if (containsPhrase(words, foldedWords(word))) return word;
  }
  const at = BUILT_IN_PHRASES.findIndex((phrase) => containsPhrase(words, phrase));
  return at >= 0 ? (BUILT_IN_URGENT_WORDS[at] ?? null) : null;
}

/** Why this message is urgent, or null: the feature is off, or neither its sender nor its words are. */
export function urgencyOf(dm: IncomingDm, settings: Settings): Urgency | null {
  if (!settings.urgentAlerts) return null;
  const sender = bareHandle(dm.senderHandle);
  if (settings.vipList.some((handle) => bareHandle(handle) === sender)) return 'vip';
  return urgentWordIn(dm.text, settings.urgentWords) === null ? null : 'word';
}

/** A rule the user explicitly allowed to answer VIPs and urgent messages. */
export function answersUrgent(rule: Rule): boolean {
  return rule.answerUrgent === true;
}

/** True when a notification may be shown for a conversation last notified at `lastAt` (null: never). */
export function alertDue(lastAt: number | null, now: number): boolean {
  // A time in the future is a clock that went back: treat it as stale rather than silencing for ever.
  return lastAt === null || lastAt > now || now - lastAt >= URGENT_ALERT_GAP_MS;
}

/**
 * Whether the user should be told of this message now that it was decided, and why: it was held as
 * urgent, or it is urgent and a rule that answers urgent messages took it. Null for everything else (away
 * off or present, a stop, history, a message that looks automatic…), which decide judged before urgency.
 */
export function alertFor(
  dm: IncomingDm,
  settings: Settings,
  decision: Decision,
  now: number,
): Urgency | null {
  if (decision.kind === 'skip') {
    return decision.reason === 'urgent' && (decision.detail === 'vip' || decision.detail === 'word')
      ? decision.detail
      : null;
  }
  return isAway(settings.schedule, now) ? urgencyOf(dm, settings) : null;
}
