// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/i/chat"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeXConfig } from '../../fixtures/fake-x/src/api.ts';
import { ALICE_THREAD, BOB_THREAD, loadFakeX, standardSeed, untilReady } from './support/fake-page.ts';
import { startDetection } from './support/start-detection.ts';

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const running: AbortController[] = [];

/** Client-side navigation as X does it, seen by the fake (popstate) and by detection (URL poll). */
async function go(path: string) {
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
  await advance(10);
}

async function start(path: string, config: Partial<Omit<FakeXConfig, 'seed'>> = {}) {
  const fakeX = await loadFakeX({ seed: standardSeed(), ...config }, path);
  const { reports, statuses, controller } = startDetection(running);
  return { fakeX, reports, statuses, controller };
}

let observe: ReturnType<typeof vi.spyOn>;
let disconnect: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  observe = vi.spyOn(MutationObserver.prototype, 'observe');
  disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
});
afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('detection runner', () => {
  it('finds a shadow root attached late and reports a healthy self-check', async () => {
    const { fakeX, reports, statuses } = await start(`/i/chat/${ALICE_THREAD}`, { chatDelayMs: 800 });
    await untilReady(fakeX, advance);
    await advance(3000);
    expect(statuses).toEqual([{ ok: true, variant: 'shadow', missing: [], url: location.href }]);
    fakeX.receive({ thread: ALICE_THREAD, text: 'late but seen' });
    await advance(10);
    expect(reports.map((r) => r.text)).toEqual(['late but seen']);
  });

  it('reports a broken page within a few seconds, and does not cry wolf over a brief gap', async () => {
    const { fakeX, statuses } = await start(`/i/chat/${ALICE_THREAD}`);
    await untilReady(fakeX, advance);
    await advance(3000);
    expect(statuses.map((s) => s.ok)).toEqual([true]);
    // The conversation panel disappears for a moment (X re-rendering), then comes back.
    const panel = document
      .querySelector('[data-testid="xchatEmbedRoute"]')
      ?.shadowRoot?.querySelector('[data-testid="dm-conversation-panel"]');
    const parent = panel?.parentElement;
    panel?.remove();
    await advance(2500);
    if (panel) parent?.append(panel);
    await advance(6000);
    expect(statuses.map((s) => s.ok)).toEqual([true]);
    fakeX.breakMarkup();
    await advance(6000);
    expect(statuses.at(-1)).toEqual({
      ok: false,
      variant: 'shadow',
      missing: ['conversationPanel', 'messageList', 'composer'],
      url: location.href,
    });
  });

  it('reports the chat root missing when X renamed everything before load', async () => {
    const { fakeX, statuses } = await start('/i/chat', { brokenMarkup: true });
    await untilReady(fakeX, advance);
    await advance(6000);
    expect(statuses).toEqual([{ ok: false, variant: 'none', missing: ['chatRoot'], url: location.href }]);
  });

  it('stays idle outside chat, starts on navigation to chat, and releases everything on leaving', async () => {
    const { fakeX, reports, statuses } = await start('/home');
    await untilReady(fakeX, advance);
    await advance(3000);
    expect(observe).not.toHaveBeenCalled();
    await go(`/i/chat/${ALICE_THREAD}`);
    await advance(3000);
    expect(observe).toHaveBeenCalled();
    expect(statuses.map((s) => s.ok)).toEqual([true]);
    fakeX.receive({ thread: ALICE_THREAD, text: 'one' });
    await advance(10);
    await go('/home');
    await advance(1500);
    expect(disconnect.mock.calls.length).toBeGreaterThanOrEqual(observe.mock.calls.length);
    expect(statuses.at(-1)).toEqual({ ok: true, variant: 'none', missing: [], url: 'https://x.com/home' });
    fakeX.receive({ thread: BOB_THREAD, text: 'not watched' });
    await advance(3000);
    expect(reports.map((r) => r.text)).toEqual(['one']);
  });

  it('on abort, disconnects every observer and reports nothing more', async () => {
    const { fakeX, reports, controller } = await start(`/i/chat/${ALICE_THREAD}`, { variant: 'light' });
    await untilReady(fakeX, advance);
    await advance(500);
    expect(observe).toHaveBeenCalled();
    controller.abort();
    const observers = new Set(observe.mock.contexts);
    const released = new Set(disconnect.mock.contexts);
    for (const observer of observers) expect(released.has(observer)).toBe(true);
    fakeX.receive({ thread: ALICE_THREAD, text: 'after abort' });
    fakeX.receive({ thread: BOB_THREAD, text: 'after abort too' });
    await advance(5000);
    expect(reports).toEqual([]);
  });
});
