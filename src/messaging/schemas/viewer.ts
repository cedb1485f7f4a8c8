import * as v from 'valibot';
import type { ViewerAnswer } from '../viewer.ts';

/** What the welcome page checks of an X tab's answer to getViewer (the content script's check: content.ts). */

export const viewerSchema = v.object({ handle: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_]{1,15}$/)) });

/** The answer, checked again by the page: the tab may run an older version, or not be ours at all. */
export const viewerAnswerSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), viewer: viewerSchema }),
  v.object({ ok: v.literal(false), problem: v.literal('notSignedIn') }),
]) satisfies v.GenericSchema<unknown, ViewerAnswer>;
