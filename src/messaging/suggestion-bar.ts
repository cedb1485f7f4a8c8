import { defineMessage, type PayloadOf } from './define.ts';
import type * as content from './schemas/content.ts';
import type * as schemas from './schemas/suggestion-bar.ts';

/**
 * The in-page suggestion bar (content script) and the worker. The page cannot read the extension's
 * database (another origin), so it asks the worker for what the bar shows, and the worker tells X tabs
 * when that may have changed.
 */

export type BarTexts = PayloadOf<typeof schemas.barTextsSchema>;
export type BarState = PayloadOf<typeof schemas.barStateSchema>;

/** Page → worker: what the bar shows for the open thread. */
export const getBarState = defineMessage<PayloadOf<typeof schemas.getBarStateSchema>, BarState>(
  'getBarState',
);

/** Page → worker: the user dismissed this suggestion from the bar. True when it was still there. */
export const dismissSuggestion = defineMessage<PayloadOf<typeof schemas.dismissSuggestionSchema>, boolean>(
  'dismissSuggestion',
);

/** Worker → X tabs: suggestions or the away switch changed; a tab showing a bar asks again. */
export const barStateChanged = defineMessage<PayloadOf<typeof content.barStateChangedSchema>, void>(
  'barStateChanged',
);
