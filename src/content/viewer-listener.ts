import { MessageRouter } from '../messaging/router.ts';
import { getViewerSchema } from '../messaging/schemas/content.ts';
import { getViewer, type ViewerAnswer } from '../messaging/viewer.ts';
import type { ExtensionRuntime } from '../platform/extension-runtime.ts';
import { readViewer } from './x/viewer.ts';

/** Who is signed in on this page, as the welcome page asks for it. */
export function answerViewer(doc: Document): ViewerAnswer {
  const viewer = readViewer(doc);
  return viewer ? { ok: true, viewer } : { ok: false, problem: 'notSignedIn' };
}

/**
 * Answers `getViewer` from this extension's pages (the router checks the sender and the payload) until
 * `signal` aborts. Its own listener: messages it does not know are left to the others.
 */
export function answerViewerRequests(signal: AbortSignal, doc: Document, runtime: ExtensionRuntime): void {
  const router = new MessageRouter(runtime.id).on(getViewer, getViewerSchema, () => answerViewer(doc));
  const remove = runtime.addMessageListener((message, sender) => router.dispatch(message, sender));
  signal.addEventListener('abort', remove, { once: true });
}
