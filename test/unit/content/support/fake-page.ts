import { afterAll, vi } from 'vitest';
import {
  DEFAULT_CONFIG,
  type FakeXApi,
  type FakeXConfig,
  type Seed,
} from '../../../fixtures/fake-x/src/api.ts';

/**
 * Loads the fake X client (the one the e2e tests serve) into this happy-dom document, fresh each time:
 * new modules, empty document and account. The page's own timers are the test's timers.
 */
type Listener = [EventTarget, string, EventListenerOrEventListenerObject, unknown];
let pageListeners: Listener[] = [];

/**
 * The fake adds window and document listeners when it loads (link clicks, popstate). A fresh fake in the
 * same document must not share them with the previous one, whose handler would swallow every click.
 */
async function withTrackedListeners(load: () => Promise<unknown>): Promise<void> {
  for (const [target, type, listener, options] of pageListeners) {
    target.removeEventListener(type, listener, options as EventListenerOptions);
  }
  pageListeners = [];
  const targets: EventTarget[] = [window, document];
  const originals = targets.map((target) => target.addEventListener);
  targets.forEach((target, i) => {
    target.addEventListener = function (this: EventTarget, type, listener, options) {
      if (listener) pageListeners.push([target, type, listener, options]);
      originals[i]?.call(this, type, listener, options);
    };
  });
  try {
    await load();
  } finally {
    targets.forEach((target, i) => {
      target.addEventListener = originals[i] as EventTarget['addEventListener'];
    });
  }
}

// The fake's own timers (its lazy mount, a thread's history loading, a sent message turning "sent" and
// then "delivered", one send time each) must not fire after the test file's DOM environment is gone:
// every file that loads the fake waits them out before it ends.
let longestSendMs = DEFAULT_CONFIG.pendingMs;
afterAll(async () => {
  vi.useRealTimers();
  await new Promise((resolve) => setTimeout(resolve, Math.max(300, 2 * longestSendMs + 200)));
});

export async function loadFakeX(
  config: Partial<FakeXConfig> & { seed: Seed },
  path = '/i/chat',
): Promise<FakeXApi> {
  longestSendMs = Math.max(longestSendMs, config.pendingMs ?? DEFAULT_CONFIG.pendingMs);
  history.replaceState(null, '', path);
  document.head.replaceChildren();
  document.body.replaceChildren();
  localStorage.clear();
  const script = document.createElement('script');
  script.id = 'fakex-config';
  script.type = 'application/json';
  script.textContent = JSON.stringify({ churnPerSecond: 0, chatDelayMs: 20, ...config });
  document.head.append(script);
  vi.resetModules();
  await withTrackedListeners(() => import('../../../fixtures/fake-x/src/main.ts'));
  return (window as unknown as { fakeX: FakeXApi }).fakeX;
}

/** Waits until the fake's chat UI is mounted (its lazy bundle delay). */
export async function untilReady(fakeX: FakeXApi, advance: (ms: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 100 && !fakeX.ready(); i++) await advance(10);
  if (!fakeX.ready()) throw new Error('fake X never became ready');
}

/** Where the fake renders the chat UI in this document: the shadow root, or the document itself. */
export function chatRootOf(): ParentNode {
  const host = document.querySelector('[data-testid="xchatEmbedRoute"]');
  return host?.shadowRoot ?? document;
}

export const ALICE = { id: '2000', handle: 'alice', name: 'Alice Martin' };
export const BOB = { id: '3000', handle: 'bob', name: 'Bob, the Builder' };
export const CAROL = { id: '4000', handle: 'carol', name: 'Carol' };
export const ALICE_THREAD = '1000-2000';
export const BOB_THREAD = '1000-3000';
export const CAROL_REQUEST = '1000-4000';
export const GROUP = 'g777';

/** Alice (1:1 with history), Bob (1:1), a group with both, and a message request from Carol. */
export function standardSeed(): Seed {
  return {
    threads: [
      {
        with: [ALICE],
        history: [
          { from: 'alice', text: 'Hi there', id: 'a-old-1' },
          { from: 'me', text: 'Hello!', id: 'a-old-2' },
          { from: 'alice', text: 'See you tomorrow', id: 'a-old-3' },
        ],
      },
      { with: [BOB], history: [{ from: 'bob', text: 'Yo', id: 'b-old-1' }] },
      {
        kind: 'group',
        id: GROUP,
        name: 'Weekend, plans',
        with: [ALICE, BOB],
        history: [{ from: 'bob', text: 'Saturday?', id: 'g-old-1' }],
      },
      { kind: 'request', with: [CAROL], history: [{ from: 'carol', text: 'Quick question', id: 'c-old-1' }] },
    ],
  };
}
