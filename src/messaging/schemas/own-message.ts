import * as v from 'valibot';
import { MAX_ANSWERED_TEXT, MAX_ANSWERS } from '../own-message.ts';
import { messageIdSchema, threadIdSchema } from './ids.ts';

/** Checks an item of a detection batch that claims to be one of my messages (`isOwnReport`). */
export const ownMessageReportSchema = v.object({
  kind: v.literal('own'),
  threadId: threadIdSchema,
  messageId: messageIdSchema,
  text: v.pipe(v.string(), v.maxLength(10_000)),
  detectedAt: v.number(),
  live: v.boolean(),
  answers: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.maxLength(MAX_ANSWERS)),
  answeredTexts: v.optional(
    v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_ANSWERED_TEXT))), v.maxLength(MAX_ANSWERS)),
  ),
});
