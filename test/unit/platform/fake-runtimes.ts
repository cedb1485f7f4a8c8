/**
 * Two fakes of the extension messaging a content script talks over, each with its browser's contract:
 * - Chrome's `chrome`: callbacks and `runtime.lastError`; a listener answers only through `sendResponse`,
 *   and only later when it returned `true` (a returned Promise is ignored, the channel closes).
 * - Firefox's `browser`: promises; a listener answers by returning a Promise (its rejection reaches the
 *   sender as an error), or through `sendResponse` after returning `true`.
 * Each has a page end (the content script's `runtime`) and a worker end (`runtime` and `tabs.sendMessage`).
 */

export const EXTENSION_ID = 'ext-test-id';
export const NO_ANSWER = 'The message port closed before a response was received.';
export const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

type Listener = (message: unknown, sender: object, sendResponse: (reply: unknown) => void) => unknown;

class Listeners {
  readonly list: Listener[] = [];
  addListener = (listener: Listener) => void this.list.push(listener);
  removeListener = (listener: Listener) => {
    const at = this.list.indexOf(listener);
    if (at >= 0) this.list.splice(at, 1);
  };
}

interface Outcome {
  reply?: unknown;
  error?: string;
}

/** Chrome's rules: only sendResponse answers; a listener keeps the channel open by returning true. */
function chromeDeliver(to: Listeners, message: unknown, sender: object): Promise<Outcome> {
  return new Promise((done) => {
    queueMicrotask(() => {
      if (to.list.length === 0) return done({ error: NO_RECEIVER });
      let answered = false;
      let waiting = false;
      const sendResponse = (reply: unknown) => {
        if (answered) return;
        answered = true;
        done({ reply: structuredClone(reply) });
      };
      for (const listener of [...to.list])
        if (listener(message, sender, sendResponse) === true) waiting = true;
      if (!answered && !waiting) done({ error: NO_ANSWER });
    });
  });
}

/** Firefox's rules: the first Promise returned (or sendResponse after `true`) answers. */
function firefoxDeliver(to: Listeners, message: unknown, sender: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    queueMicrotask(() => {
      if (to.list.length === 0) return reject(new Error(NO_RECEIVER));
      let waiting = false;
      const sendResponse = (reply: unknown) => resolve(structuredClone(reply));
      for (const listener of [...to.list]) {
        const result = listener(message, sender, sendResponse);
        if (result instanceof Promise) {
          result.then(
            (reply) => resolve(structuredClone(reply)),
            (error: unknown) => reject(new Error(error instanceof Error ? error.message : String(error))),
          );
          return;
        }
        if (result === true) waiting = true;
      }
      if (!waiting) resolve(undefined);
    });
  });
}

export function fakeChrome() {
  const toPage = new Listeners();
  const toWorker = new Listeners();
  const sender = { id: EXTENSION_ID };
  const withCallback =
    (outcome: Promise<Outcome>, owner: { lastError?: { message: string } | null }) =>
    (callback: (reply: unknown) => void) =>
      void outcome.then(({ reply, error }) => {
        owner.lastError = error ? { message: error } : null;
        callback(reply);
        owner.lastError = null;
      });
  const pageRuntime = {
    id: EXTENSION_ID,
    lastError: null as { message: string } | null,
    onMessage: toPage,
    sendMessage: (message: unknown, callback?: (reply: unknown) => void) => {
      if (!callback) throw new Error('this fake knows the callback form only');
      withCallback(chromeDeliver(toWorker, message, { ...sender, tab: { id: 7 } }), pageRuntime)(callback);
      return undefined;
    },
    connect: (info: { name: string }) => ({
      name: info.name,
      postMessage() {},
      disconnect() {},
      onMessage: new Listeners(),
      onDisconnect: new Listeners(),
    }),
  };
  const workerRuntime = {
    id: EXTENSION_ID,
    lastError: null as { message: string } | null,
    onMessage: toWorker,
  };
  const worker = {
    runtime: workerRuntime,
    tabs: {
      sendMessage: (_tabId: number, message: unknown, callback: (reply: unknown) => void) =>
        withCallback(chromeDeliver(toPage, message, sender), workerRuntime)(callback),
    },
  };
  const reset = () => {
    toPage.list.length = 0;
    toWorker.list.length = 0;
  };
  return { page: { chrome: { runtime: pageRuntime } }, worker, reset };
}

export function fakeFirefox() {
  const toPage = new Listeners();
  const toWorker = new Listeners();
  const sender = { id: EXTENSION_ID };
  const pageRuntime = {
    id: EXTENSION_ID,
    lastError: null,
    onMessage: toPage,
    sendMessage: (message: unknown) => firefoxDeliver(toWorker, message, { ...sender, tab: { id: 7 } }),
    connect: (info: { name: string }) => ({
      name: info.name,
      postMessage() {},
      disconnect() {},
      onMessage: new Listeners(),
      onDisconnect: new Listeners(),
    }),
  };
  const worker = {
    runtime: { id: EXTENSION_ID, onMessage: toWorker },
    tabs: { sendMessage: (_tabId: number, message: unknown) => firefoxDeliver(toPage, message, sender) },
  };
  const reset = () => {
    toPage.list.length = 0;
    toWorker.list.length = 0;
  };
  return { page: { browser: { runtime: pageRuntime } }, worker, reset };
}
