import type { OwnMessage } from '../core/step-aside.ts';

/** The most of their messages one report of mine lists (X keeps a few dozen rows on screen). */
export const MAX_ANSWERS = 50;
/** Enough of each answered message to recognise its inbox preview. */
export const MAX_ANSWERED_TEXT = 500;

/**
 * Content script → worker, in the same batches as incoming DMs (DETECTION_PORT), so it gets the same
 * delivery guarantees: one of my own messages seen in a conversation. `kind: 'own'` tells it apart; the
 * worker checks it with `ownMessageReportSchema` (src/messaging/schemas/own-message.ts).
 */
export type OwnMessageReport = OwnMessage & { kind: 'own' };

/** Whether an item of a detection batch claims to be one of my messages (then its schema checks it). */
export function isOwnReport(item: unknown): boolean {
  return typeof item === 'object' && item !== null && (item as { kind?: unknown }).kind === 'own';
}
