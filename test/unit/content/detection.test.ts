// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/i/chat"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeXApi, FakeXConfig } from '../../fixtures/fake-x/src/api.ts';
import {
  ALICE_THREAD,
  BOB_THREAD,
  CAROL_REQUEST,
  GROUP,
  loadFakeX,
  standardSeed,
  untilReady,
} from './support/fake-page.ts';
import { startDetection } from './support/start-detection.ts';

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
/** Long enough for a conversation to open: X shows its spinner, then the history (historyDelayMs). */
const OPENED = 300;
const running: AbortController[] = [];

async function page(path: string, config: Partial<Omit<FakeXConfig, 'seed'>> = {}) {
  const fakeX = await loadFakeX({ seed: standardSeed(), ...config }, path);
  const { reports, statuses, controller } = startDetection(running);
  await untilReady(fakeX, advance);
  await advance(500);
  return { fakeX, reports, statuses, controller };
}

async function receive(fakeX: FakeXApi, thread: string, text: string, from?: string) {
  const id = fakeX.receive({ thread, text, ...(from ? { from } : {}) });
  await advance(10);
  return id;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  vi.useRealTimers();
});

describe.each(['shadow', 'light'] as const)('detection in the %s variant', (variant) => {
  it('reports a message received in the open thread once, with every field', async () => {
    vi.setSystemTime(new Date('2026-07-14T10:00:00Z'));
    const { fakeX, reports } = await page(`/i/chat/${ALICE_THREAD}`, { variant });
    const receivedAt = Date.now();
    const id = await receive(fakeX, ALICE_THREAD, 'Are you there? <img src=x onerror=alert(1)>');
    expect(reports).toEqual([
      {
        messageId: id,
        threadId: ALICE_THREAD,
        threadKind: 'direct',
        senderId: '2000',
        senderHandle: 'alice',
        senderName: 'Alice Martin',
        text: 'Are you there? <img src=x onerror=alert(1)>',
        timeLabel: expect.stringMatching(/^\d{1,2}:\d{2}\s?[AP]M$/),
        detectedAt: receivedAt,
        source: 'thread',
      },
    ]);
  });

  it('does not report history, own messages, re-renders or trimmed rows', async () => {
    const { fakeX, reports } = await page(`/i/chat/${ALICE_THREAD}`, { variant, maxRows: 3, pendingMs: 50 });
    fakeX.rerender();
    await advance(10);
    // Own message: typed and sent through the fake's composer.
    const root = document.querySelector('[data-testid="xchatEmbedRoute"]')?.shadowRoot ?? document;
    const form = root.querySelector('form') as HTMLFormElement;
    const textarea = root.querySelector('textarea') as HTMLTextAreaElement;
    textarea.focus();
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(textarea, 'Mine');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    form.requestSubmit();
    await advance(200);
    expect(fakeX.sent().map((s) => s.text)).toContain('Mine');
    // Three new messages with maxRows 3: the older rows are trimmed as the new ones come.
    await receive(fakeX, ALICE_THREAD, 'one');
    await receive(fakeX, ALICE_THREAD, 'two');
    fakeX.rerender(ALICE_THREAD);
    await advance(10);
    expect(reports.map((r) => r.text)).toEqual(['one', 'two']);
  });

  it('reports a message of another thread from the inbox, once', async () => {
    const { fakeX, reports } = await page(`/i/chat/${ALICE_THREAD}`, { variant });
    await receive(fakeX, BOB_THREAD, 'Ping from Bob');
    fakeX.rerender();
    await advance(10);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      messageId: expect.stringMatching(/^inbox:[0-9a-z]+$/),
      threadId: BOB_THREAD,
      threadKind: 'direct',
      senderId: '3000',
      senderHandle: 'bob',
      senderName: 'Bob, the Builder',
      text: 'Ping from Bob',
      timeLabel: 'Now',
      source: 'inbox',
    });
  });

  it('switches the open thread on SPA navigation, without reporting what the new thread shows', async () => {
    const { fakeX, reports } = await page('/i/chat', { variant });
    fakeX.open(BOB_THREAD);
    await advance(OPENED);
    expect(location.pathname).toBe(`/i/chat/${BOB_THREAD}`);
    const id = await receive(fakeX, BOB_THREAD, 'In the open thread now');
    expect(reports.map((r) => [r.messageId, r.source])).toEqual([[id, 'thread']]);
  });

  it('reports only what arrived while a thread was closed when it is reopened', async () => {
    const { fakeX, reports } = await page(`/i/chat/${ALICE_THREAD}`, { variant });
    fakeX.open(BOB_THREAD);
    await advance(OPENED);
    fakeX.open(ALICE_THREAD);
    await advance(OPENED);
    expect(reports).toEqual([]);
    fakeX.open(BOB_THREAD);
    await advance(OPENED);
    const id = await receive(fakeX, ALICE_THREAD, 'While you were in Bob');
    fakeX.open(ALICE_THREAD);
    await advance(OPENED);
    // Seen first as an inbox preview, then as the real row: storage links the two sightings.
    expect(reports.map((r) => [r.source, r.text])).toEqual([
      ['inbox', 'While you were in Bob'],
      ['thread', 'While you were in Bob'],
    ]);
    expect(reports[1]?.messageId).toBe(id);
  });

  it('reads the sender of a group message from its row', async () => {
    const { fakeX, reports } = await page(`/i/chat/${GROUP}`, { variant });
    await receive(fakeX, GROUP, 'Count me in', 'alice');
    expect(reports).toMatchObject([
      {
        threadId: GROUP,
        threadKind: 'group',
        senderHandle: 'alice',
        senderName: 'Alice Martin',
        source: 'thread',
      },
    ]);
  });

  it('reports a message request as such', async () => {
    const { fakeX, reports } = await page('/i/chat/requests', { variant });
    await receive(fakeX, CAROL_REQUEST, 'Hello?');
    expect(reports).toMatchObject([{ threadId: CAROL_REQUEST, threadKind: 'request', source: 'inbox' }]);
  });
});
