import * as v from 'valibot';
import { defineMessage } from './define.ts';

/**
 * The in-page suggestion bar (content script) and the worker. The page cannot read the extension's
 * database (another origin), so it asks the worker for what the bar shows, and the worker tells X tabs
 * when that may have changed.
 */

const threadIdSchema = v.pipe(v.string(), v.regex(/^(?:\d+-\d+|g\d+)$/));
const messageIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const barStateRequestSchema = v.object({ threadId: threadIdSchema });

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
export type BarTexts = v.InferOutput<typeof barTextsSchema>;

export const barStateSchema = v.object({
  /** The reply prepared in suggest mode for this thread, if any. */
  suggestion: v.nullable(v.object({ messageId: messageIdSchema, text: v.string() })),
  /** The away switch is on (its "until" not passed). */
  awayOn: v.boolean(),
  texts: barTextsSchema,
});
export type BarState = v.InferOutput<typeof barStateSchema>;

/** Page → worker: what the bar shows for the open thread. */
export const getBarState = defineMessage<BarState>()('getBarState', barStateRequestSchema);

/** Page → worker: the user dismissed this suggestion from the bar. True when it was still there. */
export const dismissSuggestion = defineMessage<boolean>()(
  'dismissSuggestion',
  v.object({ threadId: threadIdSchema, messageId: messageIdSchema }),
);

/** Worker → X tabs: suggestions or the away switch changed; a tab showing a bar asks again. */
export const barStateChanged = defineMessage<void>()('barStateChanged', v.object({}));
