import * as v from 'valibot';
import type { OwnMessage } from '../core/step-aside.ts';

/** The most of their messages one report of mine lists (X keeps a few dozen rows on screen). */
export const MAX_ANSWERS = 50;
/** Enough of each answered message to recognise its inbox preview. */
export const MAX_ANSWERED_TEXT = 500;

/**
 * Content script → worker, in the same batches as incoming DMs (DETECTION_PORT), so it gets the same
 * delivery guarantees: one of my own messages seen in a conversation. `kind: 'own'` tells it apart.
 */
export const ownMessageReportSchema = v.object({
  kind: v.literal('own'),
  threadId: v.pipe(v.string(), v.regex(/^(?:\d+-\d+|g\d+)$/)),
  messageId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  text: v.pipe(v.string(), v.maxLength(10_000)),
  detectedAt: v.number(),
  live: v.boolean(),
  answers: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.maxLength(MAX_ANSWERS)),
  answeredTexts: v.optional(
    v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_ANSWERED_TEXT))), v.maxLength(MAX_ANSWERS)),
  ),
});

export type OwnMessageReport = OwnMessage & { kind: 'own' };

/** Whether an item of a detection batch claims to be one of my messages (then this schema checks it). */
export function isOwnReport(item: unknown): boolean {
  return typeof item === 'object' && item !== null && (item as { kind?: unknown }).kind === 'own';
}
