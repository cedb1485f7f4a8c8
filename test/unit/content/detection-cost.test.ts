// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/i/chat"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Seed, SeedThread } from '../../fixtures/fake-x/src/api.ts';
import { chatRootOf, loadFakeX, untilReady } from './support/fake-page.ts';
import { startDetection } from './support/start-detection.ts';

// What detection costs the page, counted in DOM work on the fake client: an inbox re-sort parses only
// the row that changed, the open thread's header is read once, and the observer watches little.

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const running: AbortController[] = [];
const OPEN = '1000-2000';

/** A busy inbox: 40 conversations, the first one open. */
function busySeed(): Seed {
  const threads: SeedThread[] = Array.from({ length: 40 }, (_, i) => ({
    with: [{ id: String(2000 + i), handle: `contact${i}`, name: `Contact ${i}` }],
    history: [{ from: `contact${i}`, text: `hello ${i}`, minutesAgo: 10 + i }],
  }));
  return { threads };
}

async function start() {
  const fakeX = await loadFakeX({ seed: busySeed() }, `/i/chat/${OPEN}`);
  const { reports } = startDetection(running);
  await untilReady(fakeX, advance);
  await advance(500);
  return { fakeX, reports };
}

/** Calls of `querySelector` (on elements and on the shadow root) with a selector containing `part`. */
function countQueries(part: string): () => number {
  const spies = [
    vi.spyOn(Element.prototype, 'querySelector'),
    vi.spyOn(ShadowRoot.prototype, 'querySelector'),
  ];
  return () =>
    spies.reduce(
      (sum, spy) => sum + spy.mock.calls.filter(([selector]) => selector.includes(part)).length,
      0,
    );
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('detection cost on a busy page', () => {
  it('an inbox re-sort parses the row that changed, not every row X re-rendered', async () => {
    const { fakeX, reports } = await start();
    // Parsing a row is what looks for its unread dot.
    const parses = countQueries('icon-circle-fill');
    // The bottom conversation gets a message: it moves to the top and X re-renders every row in between.
    fakeX.receive({ thread: '1000-2039', text: 'from the bottom' });
    await advance(10);
    expect(reports.map((r) => [r.threadId, r.text])).toEqual([['1000-2039', 'from the bottom']]);
    expect(parses()).toBe(1);
  });

  it('reads the open thread once for many messages, and again when its header changes', async () => {
    const { fakeX, reports } = await start();
    const panelLookups = countQueries('dm-conversation-panel');
    for (const text of ['one', 'two', 'three', 'four']) {
      fakeX.receive({ thread: OPEN, text });
      await advance(10);
    }
    expect(reports.map((r) => r.senderName)).toEqual(['Contact 0', 'Contact 0', 'Contact 0', 'Contact 0']);
    expect(panelLookups()).toBeLessThanOrEqual(1);
    // X renders a new display name in the header: the next message carries it.
    const name = chatRootOf().querySelector('[data-testid="dm-conversation-username"]') as Element;
    name.textContent = 'Contact Zero';
    fakeX.receive({ thread: OPEN, text: 'five' });
    await advance(10);
    expect(reports.at(-1)?.senderName).toBe('Contact Zero');
  });

  it('observes the chat root for rows and two attributes only, not for text edits', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    await start();
    const onRoot = observe.mock.calls.filter(([target]) => target === chatRootOf());
    expect(onRoot).toHaveLength(1);
    const options = onRoot[0]?.[1];
    expect(options?.characterData).toBeFalsy();
    expect(options?.childList).toBe(true);
    expect([...(options?.attributeFilter ?? [])].sort()).toEqual(['aria-description', 'data-icon']);
  });
});
