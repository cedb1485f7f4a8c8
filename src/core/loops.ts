import { LOCALES } from './locales.ts';
import { matchesTemplate } from './template-match.ts';
import { containsPhrase, foldedLettersOnly, foldedWords } from './text-normalize.ts';

/**
 * Loop breaking. Two responders facing each other must stop after one message each, so anything that
 * looks machine-written is not answered. Erring towards "automatic" only costs one unanswered DM.
 */

/** A message arriving this soon after our automatic reply in the same thread is a bot answering it. */
export const ECHO_WINDOW_MS = 10_000;

/** Neutral marker used when no localised label is given; also always recognised in incoming text. */
export const AUTO_REPLY_LABEL = '[auto-reply]';

/** Phrases auto-responders use, in every shipped language, matched as whole words ignoring case and accents. */
export const AUTO_REPLY_PHRASES: readonly string[] = LOCALES.flatMap((locale) => locale.loopPhrases);

/** What people write to make us stop, in every shipped language: words or phrases (see `LocaleInfo`). */
export const STOP_WORDS: readonly string[] = LOCALES.flatMap((locale) => locale.stopWords);

const PHRASE_WORDS = AUTO_REPLY_PHRASES.map(foldedWords);
const STOP_PHRASES = STOP_WORDS.map(foldedWords);

/**
 * True when the text holds a stop word as a whole word ("Stop!", "ARRÊTE", "please unsubscribe me"), not
 * inside another word ("stopped", "nonstop"), or a stop phrase as whole words in a row ("no me escribas
 * más"). A stray match only silences automatic replies to that person, which the user can undo; missing a
 * real "stop" would keep writing to someone who said no.
 */
export function isStopWord(text: string): boolean {
  const words = foldedWords(text);
  return STOP_PHRASES.some((phrase) => containsPhrase(words, phrase));
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
  if (PHRASE_WORDS.some((phrase) => containsPhrase(words, phrase))) return 'phrase';
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
