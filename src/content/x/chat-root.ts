import { realTimers, type Timers } from '../timers.ts';
import { conversationPanel, embedHost, inboxPanel, primaryColumn, requestsPanel } from './selectors.ts';

export type ChatVariant = 'shadow' | 'light';

/** Where the chat UI lives: the root to query and observe, and the element that must stay connected. */
export interface ChatRoot {
  variant: ChatVariant;
  /** The open shadow root (2026 X) or a light-DOM element containing the chat (late 2025). */
  root: ShadowRoot | Element;
  /** The shadow host, or the light root itself: when it leaves the document, the root is gone. */
  anchor: Element;
}

const landmarks = `${inboxPanel}, ${requestsPanel}, ${conversationPanel}`;

/**
 * Finds the chat root once, without waiting. A shadow host whose shadow root is not attached yet (or is
 * closed) gives null: the caller waits and asks again, since `attachShadow` fires no mutation.
 */
export function findChatRoot(doc: Document): ChatRoot | null {
  const host = doc.querySelector(embedHost);
  if (host) return host.shadowRoot ? { variant: 'shadow', root: host.shadowRoot, anchor: host } : null;
  const landmark = doc.querySelector(landmarks);
  if (!landmark) return null;
  // Observe the column the chat is mounted in, not the page: X's timeline churns in another column.
  const root = landmark.closest(primaryColumn) ?? landmark.parentElement ?? landmark;
  return { variant: 'light', root, anchor: root };
}

/** Polling delays: fast at first (the chat renders ~0.3 s after load), then slower, then give up. */
export const ROOT_POLL_DELAYS_MS = [0, 50, 100, 150, 250, 400, 600, 1000, 1500, 2000] as const;
const ROOT_POLL_MAX_MS = 60_000;
const ROOT_POLL_SLOW_MS = 2000;

/**
 * Waits for the chat root with bounded polling and backoff. Polling is the only way to notice
 * `attachShadow` on an existing host, and it stays cheap: one `querySelector` per tick, nothing per mutation.
 * Resolves null when aborted or after a minute without a chat (the self-check reports that case).
 */
export function waitForChatRoot(
  doc: Document,
  signal: AbortSignal,
  timers: Timers = realTimers,
): Promise<ChatRoot | null> {
  return new Promise((resolve) => {
    let waited = 0;
    let attempt = 0;
    let handle: unknown;
    const finish = (found: ChatRoot | null) => {
      signal.removeEventListener('abort', onAbort);
      timers.clearTimeout(handle);
      resolve(found);
    };
    const onAbort = () => finish(null);
    const tick = () => {
      const found = findChatRoot(doc);
      if (found) return finish(found);
      const delay = ROOT_POLL_DELAYS_MS[++attempt] ?? ROOT_POLL_SLOW_MS;
      waited += delay;
      if (waited > ROOT_POLL_MAX_MS) return finish(null);
      handle = timers.setTimeout(tick, delay);
    };
    if (signal.aborted) return resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    tick();
  });
}
