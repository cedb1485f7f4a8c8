/**
 * The few `runtime` calls the content script makes, on Chrome's `chrome` and Firefox's `browser`, without
 * webextension-polyfill: the polyfill is ~3 kB gzipped of wrappers for APIs a content script never calls,
 * and the content script is loaded into every X page.
 *
 * It speaks the polyfill's wire format, because the worker and the extension pages still use it: on Chrome
 * a listener's rejection travels as `{ __mozWebExtensionPolyfillReject__, message }`, and a sender turns
 * that back into a rejection. Firefox's native `browser` rejects by itself.
 */

/** Who sent a message (the part of `runtime.MessageSender` the receivers read). */
export interface MessageSender {
  id?: string;
  tab?: { id?: number; url?: string };
  url?: string;
}

/** A listener answers with a promise (its result or rejection goes back), or undefined to let others answer. */
export type MessageListener = (message: unknown, sender: MessageSender) => Promise<unknown> | undefined;

export interface RuntimePort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface ExtensionRuntime {
  readonly id: string;
  /** Resolves with the answer (undefined when no listener answered), rejects with the listener's error. */
  sendMessage(message: unknown): Promise<unknown>;
  /** Adds a listener with the promise contract in both browsers; returns what removes it. */
  addMessageListener(listener: MessageListener): () => void;
  connect(name: string): RuntimePort;
}

type RawListener = (
  message: unknown,
  sender: MessageSender,
  sendResponse: (reply: unknown) => void,
) => unknown;

/** The shape of `chrome.runtime` and `browser.runtime` this file relies on. */
export interface RawRuntime {
  id: string;
  lastError?: { message?: string } | null;
  sendMessage(message: unknown, callback?: (reply: unknown) => void): Promise<unknown> | undefined;
  onMessage: { addListener(listener: RawListener): void; removeListener(listener: RawListener): void };
  connect(info: { name: string }): RuntimePort;
}

export interface ExtensionGlobals {
  browser?: { runtime?: RawRuntime };
  chrome?: { runtime?: RawRuntime };
}

const REJECT_MARK = '__mozWebExtensionPolyfillReject__';
/** What Chrome says when listeners exist but none answered; the polyfill resolves undefined then. */
const NO_ANSWER = 'The message port closed before a response was received.';

function rejectionIn(reply: unknown): Error | undefined {
  if (typeof reply !== 'object' || reply === null || !(REJECT_MARK in reply)) return undefined;
  return new Error(String((reply as { message?: unknown }).message));
}

/**
 * `browser` when it is a real extension API (Firefox; the same test as the polyfill's), else `chrome`.
 * Throws outside an extension.
 */
export function extensionRuntime(scope: ExtensionGlobals = globalThis as ExtensionGlobals): ExtensionRuntime {
  const native = scope.browser?.runtime;
  const promised = Boolean(native?.id);
  const raw = promised ? native : scope.chrome?.runtime;
  if (!raw?.id) throw new Error('Away for X: no extension runtime here');
  return {
    id: raw.id,
    sendMessage: (message) =>
      promised
        ? Promise.resolve(raw.sendMessage(message)).then((reply) => {
            const error = rejectionIn(reply);
            if (error) throw error;
            return reply;
          })
        : new Promise((resolve, reject) => {
            // The callback form, like the polyfill, so "nobody answered" reads as undefined, not an error.
            raw.sendMessage(message, (reply) => {
              const lastError = raw.lastError;
              if (lastError) {
                if (lastError.message === NO_ANSWER) resolve(undefined);
                else reject(new Error(lastError.message));
              } else {
                const error = rejectionIn(reply);
                if (error) reject(error);
                else resolve(reply);
              }
            });
          }),
    addMessageListener(listener) {
      // Firefox's `browser` takes the promise itself.
      const wrapped: RawListener = promised
        ? listener
        : (message, sender, sendResponse) => {
            const answer = listener(message, sender);
            if (!answer) return false;
            answer.then(sendResponse, (error: unknown) =>
              sendResponse({
                [REJECT_MARK]: true,
                message: error instanceof Error ? error.message : 'An unexpected error occurred',
              }),
            );
            // Keeps the channel open until sendResponse, which Chrome needs for an answer given later.
            return true;
          };
      raw.onMessage.addListener(wrapped);
      return () => raw.onMessage.removeListener(wrapped);
    },
    connect(name) {
      const port = raw.connect({ name });
      // Reading lastError marks a refused connection (worker starting, extension reloading) as handled.
      port.onDisconnect.addListener(() => void raw.lastError);
      return port;
    },
  };
}
