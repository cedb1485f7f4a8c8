import { LOCALES } from './locales.ts';
import { matchesTemplate } from './template-match.ts';
import { containsPhrase, foldedLettersOnly, foldedWords, startsAt } from './text-normalize.ts';

/**
 * Loop breaking. Two responders facing each other must stop after one message each, so anything that
 * looks machine-written is not answered. Erring towards "automatic" only costs one unanswered DM.
 * These signals name the reason early; the guarantee itself does not rest on them (a responder can wait
 * longer than any window and write like a person): limits.ts sends one automatic message per
 * conversation each time away is switched on.
 */

/** A message arriving this soon after our automatic reply in the same thread is a bot answering it. */
export const ECHO_WINDOW_MS = 10_000;

/** Neutral marker used when no localised label is given; also always recognised in incoming text. */
export const AUTO_REPLY_LABEL = '[auto-reply]';

/** What auto-responders write, in every shipped language; matched as whole words like stop words. */
export const AUTO_REPLY_PHRASES: readonly string[] = LOCALES.flatMap((locale) => locale.loopPhrases);

/** What people write to make us stop, in every shipped language: words or phrases (see `LocaleInfo`). */
export const STOP_WORDS: readonly string[] = LOCALES.flatMap((locale) => locale.stopWords);

/** Phrases split into words, by their first word: a message is read once, whatever the number of phrases. */
function byFirstWord(phrases: readonly string[]): ReadonlyMap<string, string[][]> {
  const index = new Map<string, string[][]>();
  for (const words of phrases.map(foldedWords)) {
    const [first] = words;
    if (first !== undefined) index.set(first, [...(index.get(first) ?? []), words]);
  }
  return index;
}

function containsAny(words: readonly string[], index: ReadonlyMap<string, string[][]>): boolean {
  return words.some((word, at) => index.get(word)?.some((phrase) => startsAt(words, phrase, at)) === true);
}

const PHRASE_INDEX = byFirstWord(AUTO_REPLY_PHRASES);
const STOP_INDEX = byFirstWord(STOP_WORDS);

/**
 * True when the text holds a stop word as a whole word ("Stop!", "ARRÊTE", "please unsubscribe me"), not
 * inside another word ("stopped", "nonstop"), or a stop phrase as whole words in a row ("no me escribas
 * más"). A stray match only silences automatic replies to that person, which the user can undo; missing a
 * real "stop" would keep writing to someone who said no.
 */
export function isStopWord(text: string): boolean {
  return containsAny(foldedWords(text), STOP_INDEX);
}

export interface OwnReply {
  at: number;
  /** What we sent, when known: an exact echo of it is automatic too. */
  text?: string;
}

export interface LoopContext {
  /** When the incoming message was detected. */
  detectedAt: number;
  /** Labels our automatic messages may carry (localised ones); `AUTO_REPLY_LABEL` is always included. */
  labels: readonly string[];
  /** Bodies of our templates: their renderings coming back are automatic. */
  templateBodies: readonly string[];
  /** Our automatic replies in this thread. */
  ownReplies: readonly OwnReply[];
}

export type AutomaticSignal = 'timing' | 'label' | 'phrase' | 'echo' | 'template';

/** Which sign of automation the message shows first, cheapest check first; null when it looks human. */
export function automaticSignal(text: string, context: LoopContext): AutomaticSignal | null {
  const { detectedAt } = context;
  if (context.ownReplies.some((r) => r.at <= detectedAt && detectedAt - r.at <= ECHO_WINDOW_MS)) {
    return 'timing';
  }
  const words = foldedWords(text);
  const labels = [AUTO_REPLY_LABEL, ...context.labels].map(foldedWords);
  if (labels.some((label) => containsPhrase(words, label))) return 'label';
  if (containsAny(words, PHRASE_INDEX)) return 'phrase';
  const letters = foldedLettersOnly(text);
  if (
    letters.length > 0 &&
    context.ownReplies.some((r) => r.text !== undefined && foldedLettersOnly(r.text) === letters)
  ) {
    return 'echo';
  }
  if (context.templateBodies.some((body) => matchesTemplate(text, body))) return 'template';
  return null;
}

export function looksAutomatic(text: string, context: LoopContext): boolean {
  return automaticSignal(text, context) !== null;
}
