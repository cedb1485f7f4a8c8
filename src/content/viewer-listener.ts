import browser, { type Runtime } from 'webextension-polyfill';
import { MessageRouter } from '../messaging/router.ts';
import { getViewer, type ViewerAnswer } from '../messaging/viewer.ts';
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
export function answerViewerRequests(signal: AbortSignal, doc: Document): void {
  const router = new MessageRouter(browser.runtime.id).on(getViewer, () => answerViewer(doc));
  const listener = (message: unknown, sender: Runtime.MessageSender) => router.dispatch(message, sender);
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
