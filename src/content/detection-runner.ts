import type { IncomingDm } from '../core/types.ts';
import type { AdapterStatus } from '../messaging/detection.ts';
import type { OwnMessageReport } from '../messaging/own-message.ts';
import { isChatPage } from '../shared/chat-urls.ts';
import { ChatSession } from './chat-session.ts';
import { Detector } from './detector.ts';
import { watchNavigation } from './navigation.ts';
import type { Timers } from './timers.ts';

export interface DetectionDeps {
  doc: Document;
  win: Window;
  now(): number;
  timers: Timers;
  report(dm: IncomingDm): void;
  /** One of my own messages was seen in the open conversation (stepping aside). */
  reportOwn?(own: OwnMessageReport): void;
  reportStatus(status: AdapterStatus): void;
}

/**
 * Detection for the life of the page: idle (one navigation listener) outside chat, a `ChatSession` while
 * on chat pages. The detector outlives sessions, so going to /home and back to chat does not turn
 * messages already seen into new ones.
 */
export function runDetection(signal: AbortSignal, deps: DetectionDeps): void {
  const detector = new Detector({
    report: deps.report,
    now: deps.now,
    cookie: () => deps.doc.cookie,
    reportOwn: deps.reportOwn,
  });
  let session: { chat: ChatSession; controller: AbortController } | null = null;
  let reportedChat = false;

  const start = () => {
    const controller = new AbortController();
    const chat = new ChatSession(controller.signal, {
      doc: deps.doc,
      detector,
      nav,
      url: () => deps.win.location.href,
      now: deps.now,
      timers: deps.timers,
      reportStatus: (result, url) => {
        reportedChat = true;
        deps.reportStatus({ ...result, url });
      },
    });
    session = { chat, controller };
  };

  const onUrl = (url: string) => {
    if (isChatPage(url)) {
      if (session) session.chat.navigate(url);
      else start();
      return;
    }
    if (!session) return;
    session.controller.abort();
    session = null;
    // Nothing is expected outside chat: replace the last chat status so no stale warning stays shown.
    if (reportedChat) deps.reportStatus({ ok: true, variant: 'none', missing: [], url });
    reportedChat = false;
  };

  const nav = watchNavigation(signal, onUrl, deps.win, deps.timers);
  signal.addEventListener(
    'abort',
    () => {
      session?.controller.abort();
      session = null;
    },
    { once: true },
  );
  if (!signal.aborted && isChatPage(deps.win.location.href)) start();
}
