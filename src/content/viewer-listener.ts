import type { MessageRouter } from '../messaging/router.ts';
import { getViewerSchema } from '../messaging/schemas/content.ts';
import { getViewer, type ViewerAnswer } from '../messaging/viewer.ts';
import { readViewer } from './x/viewer.ts';

/** Who is signed in on this page, as the welcome page asks for it. */
export function answerViewer(doc: Document): ViewerAnswer {
  const viewer = readViewer(doc);
  return viewer ? { ok: true, viewer } : { ok: false, problem: 'notSignedIn' };
}

/** Answers `getViewer` from this extension's pages (the router checks the sender and the payload). */
export function answerViewerRequests(router: MessageRouter, doc: Document): void {
  router.on(getViewer, getViewerSchema, () => answerViewer(doc));
}
