import { messageSender } from '../messaging/define.ts';
import { getChatMarkup } from '../messaging/detection.ts';
import type { MessageRouter } from '../messaging/router.ts';
import {
  getChatMarkupSchema,
  getOpenThreadSchema,
  insertReplySchema,
  runJobSchema,
} from '../messaging/schemas/content.ts';
import { jobFinished, jobPause, jobStarted, type RunJob, runJob, typerReady } from '../messaging/sending.ts';
import { getOpenThread, insertReply } from '../messaging/ui.ts';
import type { ExtensionRuntime } from '../platform/extension-runtime.ts';
import { isChatPage } from '../shared/chat-urls.ts';
import { answerInsertReply, answerOpenThread } from './composer-requests.ts';
import { deliver } from './deliver.ts';
import type { JobRunner, RunnerDeps } from './job-runner.ts';
import { answerChatMarkup } from './markup-request.ts';
import type { Timers } from './timers.ts';
import { injectedJobRunner } from './typer-slot.ts';
import { watchUserActivity } from './user-activity.ts';
import { findChatRoot } from './x/chat-root.ts';
import { viewerIdFromCookie } from './x/identity.ts';

export interface SendingDeps {
  doc: Document;
  win: Window;
  now(): number;
  timers: Timers;
  runtime: ExtensionRuntime;
  /** The extension context is gone (update, uninstall): stop everything. */
  onGone(): void;
}

/**
 * The content script's answers to the worker (type and send a job) and to the popup (which thread is
 * open, put this text in the composer), on the page's router. What it watches is released when `signal`
 * aborts.
 */
export function startSending(signal: AbortSignal, router: MessageRouter, deps: SendingDeps): void {
  const { doc, win, timers, runtime } = deps;
  const sendMessage = messageSender(runtime.sendMessage);
  const chatRoot = () => findChatRoot(doc)?.root ?? null;
  const runnerDeps: RunnerDeps = {
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
  };
  // Created at the first job: the worker injects the typer right before it asks for one.
  let runner: JobRunner | null = null;
  const run = (job: RunJob) => {
    const Runner = injectedJobRunner();
    // The worker answers a refusal by releasing the job for another tab or a later try.
    if (!Runner) throw new Error('Away for X: the typer is not loaded in this page');
    runner ??= new Runner(runnerDeps);
    return runner.run(job);
  };

  router
    .on(runJob, runJobSchema, run)
    .on(insertReply, insertReplySchema, (request) =>
      answerInsertReply(chatRoot(), win.location.href, request),
    )
    .on(getOpenThread, getOpenThreadSchema, () =>
      answerOpenThread(chatRoot(), win.location.href, viewerIdFromCookie(doc.cookie)),
    )
    .on(getChatMarkup, getChatMarkupSchema, () => answerChatMarkup(doc, win.location.href));
  // A fresh chat page runs no job: leases this tab held (before a reload) can be handed out again now.
  if (isChatPage(win.location.href)) {
    void deliver(() => sendMessage(typerReady, {}), { timers, onGone: deps.onGone, what: 'typer start' });
  }
}
