import { defineMessage, type PayloadOf } from './define.ts';
import type * as content from './schemas/content.ts';
import type * as schemas from './schemas/viewer.ts';

/**
 * The welcome page asks an X tab who is signed in, to fill in "your handle" for the user. The content
 * script answers from the page (src/content/x/viewer.ts); the page checks the answer's shape again
 * (`viewerAnswerSchema`), since the tab may run an older version of the extension or the answer may not
 * come from it at all.
 */

/** `notSignedIn`: the page shows no profile link (signed out, or not rendered yet). */
export type ViewerAnswer =
  | { ok: true; viewer: PayloadOf<typeof schemas.viewerSchema> }
  | { ok: false; problem: 'notSignedIn' };

/** Extension page → content script of an X tab: who is signed in there. */
export const getViewer = defineMessage<PayloadOf<typeof content.getViewerSchema>, ViewerAnswer>('getViewer');
