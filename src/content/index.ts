// Content script entry on x.com: detection starts here, idle until a chat page shows up; sending listens.
import { adapterStatus, dmDetected } from '../messaging/detection.ts';
import { sendMessage } from '../messaging/send.ts';
import { deliver } from './deliver.ts';
import { runDetection } from './detection-runner.ts';
import { startSending } from './sending-listener.ts';
import { realTimers } from './timers.ts';

const controller = new AbortController();
const options = { timers: realTimers, onGone: () => controller.abort() };

runDetection(controller.signal, {
  doc: document,
  win: window,
  now: () => Date.now(),
  timers: realTimers,
  report: (dm) => void deliver(() => sendMessage(dmDetected, dm), { ...options, what: 'a detected DM' }),
  reportStatus: (status) =>
    void deliver(() => sendMessage(adapterStatus, status), { ...options, what: 'the adapter status' }),
});

// Typing and sending replies (jobs from the worker) and the popup's composer requests.
startSending(controller.signal, {
  doc: document,
  win: window,
  now: () => Date.now(),
  timers: realTimers,
  onGone: options.onGone,
});
