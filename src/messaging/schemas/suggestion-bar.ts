import * as v from 'valibot';
import { messageIdSchema, threadIdSchema } from './ids.ts';

/** What the worker checks of the messages of src/messaging/suggestion-bar.ts, and the bar's state. */

export const getBarStateSchema = v.object({ threadId: threadIdSchema });

/** The bar's words, in the extension's language (the page has no access to the chosen locale's texts). */
export const barTextsSchema = v.object({
  label: v.string(),
  title: v.string(),
  insert: v.string(),
  dismiss: v.string(),
  awayOn: v.string(),
  insertFailed: v.string(),
  lang: v.string(),
  dir: v.picklist(['ltr', 'rtl']),
});

export const barStateSchema = v.object({
  /** The reply prepared in suggest mode for this thread, if any. */
  suggestion: v.nullable(v.object({ messageId: messageIdSchema, text: v.string() })),
  /** The away switch is on (its "until" not passed). */
  awayOn: v.boolean(),
  texts: barTextsSchema,
});

export const dismissSuggestionSchema = v.object({ threadId: threadIdSchema, messageId: messageIdSchema });
