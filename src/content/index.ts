// Content script entry on x.com: detection starts here, idle until a chat page shows up; sending listens.
import { messageSender } from '../messaging/define.ts';
import { adapterStatus, DETECTION_PORT } from '../messaging/detection.ts';
import { extensionRuntime } from '../platform/extension-runtime.ts';
import { deliver } from './deliver.ts';
import { runDetection } from './detection-runner.ts';
import { DmReporter } from './report-port.ts';
import { startSending } from './sending-listener.ts';
import { realTimers } from './timers.ts';
import { answerViewerRequests } from './viewer-listener.ts';

const controller = new AbortController();
// Not webextension-polyfill: this script is loaded into every X page, and needs only these few calls.
const runtime = extensionRuntime();
const sendMessage = messageSender(runtime.sendMessage);
const options = { timers: realTimers, onGone: () => controller.abort() };

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

runDetection(controller.signal, {
  doc: document,
  win: window,
  now: () => Date.now(),
  timers: realTimers,
  report: (dm) => reporter.report(dm),
  reportStatus: (status) =>
    void deliver(() => sendMessage(adapterStatus, status), { ...options, what: 'the adapter status' }),
});

// Typing and sending replies (jobs from the worker) and the popup's composer requests.
startSending(controller.signal, {
  doc: document,
  win: window,
  now: () => Date.now(),
  timers: realTimers,
  runtime,
  onGone: options.onGone,
});

// Who is signed in, for the welcome page's "about you" step.
answerViewerRequests(controller.signal, document, runtime);
