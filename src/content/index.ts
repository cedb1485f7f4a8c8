// Content script entry on x.com: detection starts here, idle until a chat page shows up; sending listens.
import { messageSender } from '../messaging/define.ts';
import { adapterStatus, DETECTION_PORT } from '../messaging/detection.ts';
import { MessageRouter } from '../messaging/router.ts';
import { barStateChangedSchema } from '../messaging/schemas/content.ts';
import { barStateChanged, dismissSuggestion, getBarState } from '../messaging/suggestion-bar.ts';
import { extensionRuntime } from '../platform/extension-runtime.ts';
import { answerInsertReply } from './composer-requests.ts';
import { deliver } from './deliver.ts';
import { runDetection } from './detection-runner.ts';
import { DmReporter } from './report-port.ts';
import { startSending } from './sending-listener.ts';
import { SuggestionBar } from './suggestion-bar.ts';
import { realTimers } from './timers.ts';
import { answerViewerRequests } from './viewer-listener.ts';
import { findChatRoot } from './x/chat-root.ts';

const controller = new AbortController();
// Not webextension-polyfill: this script is loaded into every X page, and needs only these few calls.
const runtime = extensionRuntime();
const sendMessage = messageSender(runtime.sendMessage);
const options = { timers: realTimers, onGone: () => controller.abort() };
// One router for every message this page answers (the worker's, the popup's, the welcome page's).
const router = new MessageRouter(runtime.id);
const removeListener = runtime.addMessageListener((message, sender) => router.dispatch(message, sender));
controller.signal.addEventListener('abort', removeListener, { once: true });

const reporter = new DmReporter(
  {
    connect: () => runtime.connect(DETECTION_PORT),
    timers: realTimers,
    now: () => Date.now(),
    onGone: options.onGone,
  },
  controller.signal,
);
// Reports wait a moment to share a post; a page being left must not take them along.
addEventListener('pagehide', () => reporter.flushNow(), { signal: controller.signal });

// Suggest mode: the open conversation's suggested reply, offered right above X's message box.
const chatRoot = () => findChatRoot(document)?.root ?? null;
const bar = new SuggestionBar(controller.signal, {
  doc: document,
  win: window,
  chatRoot,
  url: () => location.href,
  ask: (threadId) => sendMessage(getBarState, { threadId }),
  dismiss: (threadId, messageId) => sendMessage(dismissSuggestion, { threadId, messageId }),
  insert: (threadId, text) => answerInsertReply(chatRoot(), location.href, { threadId, text }),
});
router.on(barStateChanged, barStateChangedSchema, () => void bar.refresh());

runDetection(controller.signal, {
  doc: document,
  win: window,
  now: () => Date.now(),
  timers: realTimers,
  report: (dm) => reporter.report(dm),
  reportOwn: (own) => reporter.report(own),
  reportStatus: (status) => {
    bar.setMarkupOk(status.ok);
    void deliver(() => sendMessage(adapterStatus, status), { ...options, what: 'the adapter status' });
  },
});

// Typing and sending replies (jobs from the worker) and the popup's composer requests.
startSending(controller.signal, router, {
  doc: document,
  win: window,
  now: () => Date.now(),
  timers: realTimers,
  runtime,
  onGone: options.onGone,
});

// Who is signed in, for the welcome page's "about you" step.
answerViewerRequests(router, document);
