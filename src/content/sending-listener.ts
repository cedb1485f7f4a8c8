import browser, { type Runtime } from 'webextension-polyfill';
import { getChatMarkup } from '../messaging/detection.ts';
import { MessageRouter } from '../messaging/router.ts';
import { sendMessage } from '../messaging/send.ts';
import { jobFinished, jobPause, jobStarted, runJob, typerReady } from '../messaging/sending.ts';
import { getOpenThread, insertReply } from '../messaging/ui.ts';
import { isChatPage } from '../shared/chat-urls.ts';
import { answerInsertReply, answerOpenThread } from './composer-requests.ts';
import { deliver } from './deliver.ts';
import { JobRunner } from './job-runner.ts';
import { answerChatMarkup } from './markup-request.ts';
import type { Timers } from './timers.ts';
import { watchUserActivity } from './user-activity.ts';
import { findChatRoot } from './x/chat-root.ts';
import { viewerIdFromCookie } from './x/identity.ts';

export interface SendingDeps {
  doc: Document;
  win: Window;
  now(): number;
  timers: Timers;
  /** The extension context is gone (update, uninstall): stop everything. */
  onGone(): void;
}

/**
 * The content script's answers to the worker (type and send a job) and to the popup (which thread is
 * open, put this text in the composer). Everything is released when `signal` aborts.
 */
export function startSending(signal: AbortSignal, deps: SendingDeps): void {
  const { doc, win, timers } = deps;
  const chatRoot = () => findChatRoot(doc)?.root ?? null;
  const runner = new JobRunner({
    page: {
      win,
      chatRoot,
      now: deps.now,
      activity: watchUserActivity(win, deps.now, signal),
      visible: () => doc.visibilityState === 'visible',
    },
    channel: {
      pause: (jobId, waitMs, final) => sendMessage(jobPause, { jobId, waitMs, final }),
      started: (jobId, ownRowsBefore) => sendMessage(jobStarted, { jobId, ownRowsBefore }),
      finished: (report) =>
        deliver(() => sendMessage(jobFinished, report), {
          timers,
          onGone: deps.onGone,
          what: 'a reply outcome',
        }),
    },
    sleep: (ms) => new Promise((resolve) => timers.setTimeout(resolve, ms)),
  });
  const router = new MessageRouter(browser.runtime.id)
    .on(runJob, (job) => runner.run(job))
    .on(insertReply, (request) => answerInsertReply(chatRoot(), win.location.href, request))
    .on(getOpenThread, () => answerOpenThread(chatRoot(), win.location.href, viewerIdFromCookie(doc.cookie)))
    .on(getChatMarkup, () => answerChatMarkup(doc, win.location.href));
  const listener = (message: unknown, sender: Runtime.MessageSender) => router.dispatch(message, sender);
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
  // A fresh chat page runs no job: leases this tab held (before a reload) can be handed out again now.
  if (isChatPage(win.location.href)) {
    void deliver(() => sendMessage(typerReady, {}), { timers, onGone: deps.onGone, what: 'typer start' });
  }
}
