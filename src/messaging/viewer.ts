import * as v from 'valibot';
import { defineMessage } from './define.ts';

/**
 * The welcome page asks an X tab who is signed in, to fill in "your handle" for the user. The content
 * script answers from the page (src/content/x/viewer.ts); the page checks the answer's shape again, since
 * the tab may run an older version of the extension or the answer may not come from it at all.
 */

export const viewerSchema = v.object({ handle: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_]{1,15}$/)) });

/** `notSignedIn`: the page shows no profile link (signed out, or not rendered yet). */
export type ViewerAnswer =
  | { ok: true; viewer: v.InferOutput<typeof viewerSchema> }
  | { ok: false; problem: 'notSignedIn' };

export const viewerAnswerSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), viewer: viewerSchema }),
  v.object({ ok: v.literal(false), problem: v.literal('notSignedIn') }),
]) satisfies v.GenericSchema<unknown, ViewerAnswer>;

/** Extension page → content script of an X tab: who is signed in there. */
export const getViewer = defineMessage<ViewerAnswer>()('getViewer', v.object({}));
