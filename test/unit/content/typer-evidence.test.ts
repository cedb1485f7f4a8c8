// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/i/chat"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runTyper, type TyperDeps } from '../../../src/content/typer.ts';
import { findChatRoot } from '../../../src/content/x/chat-root.ts';
import { appendText } from '../../../src/content/x/composer.ts';
import { splitChunks } from '../../../src/core/humanize.ts';
import type { RunJob } from '../../../src/messaging/sending.ts';
import type { FakeXApi, MarkupVariant } from '../../fixtures/fake-x/src/api.ts';
import { ALICE, ALICE_THREAD, loadFakeX, untilReady } from './support/fake-page.ts';

/** The typer on the composer and rows as X shows them (MARKUP.md "Composer", "Send status", "Text"). */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

async function page(markup: Partial<MarkupVariant> = {}, path = '/i/chat'): Promise<FakeXApi> {
  const seed = {
    threads: [{ with: [ALICE], history: [{ from: 'alice', text: 'Are you there?', minutesAgo: 5 }] }],
  };
  const fakeX = await loadFakeX({ seed, pendingMs: 150, markup }, path);
  await untilReady(fakeX, advance);
  return fakeX;
}

function job(text: string, overrides: Partial<RunJob> = {}): RunJob {
  const chunks = splitChunks(text);
  return {
    jobId: 'job-1',
    threadId: ALICE_THREAD,
    text,
    chunks,
    keyDelaysMs: chunks.map(() => 30),
    typingStartAt: Date.now() + 200,
    seenOwnRows: null,
    ...overrides,
  };
}

function deps(): TyperDeps {
  return {
    win: window,
    chatRoot: () => findChatRoot(document)?.root ?? null,
    now: () => Date.now(),
    activity: { lastInputAt: () => 0 },
    visible: () => true,
    pause: async (ms) => {
      await advance(ms);
      return true;
    },
    started: async () => true,
  };
}

function rowOf(id: string): Element {
  const row = findChatRoot(document)?.root.querySelector(`[data-dm-message-row="${id}"]`);
  if (!row) throw new Error(`no row ${id}`);
  return row;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-07-14T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the composer has no send button while empty (item 1)', () => {
  it.each(['voice', 'none', 'disabledSend'] as const)(
    'with %s right of an empty composer: types, waits for the send button, sends once',
    async (emptyComposer) => {
      const fakeX = await page({ emptyComposer });
      const outcome = await runTyper(job('Back on Monday, talk soon'), deps());
      expect(outcome.outcome).toBe('sent');
      expect(fakeX.sent().map((m) => m.text)).toEqual(['Back on Monday, talk soon']);
      expect(fakeX.composerState()).toBe('');
    },
  );
});

describe('our message as X shows it (items 4 and 8)', () => {
  it.each([
    ['a shortened link', 'Details: https://example.com/a/very/long/path/to/somewhere?x=1 thanks'],
    ['emoji drawn as images', 'Thanks 🙏 back soon 🎉'],
    ['whitespace collapsed', 'Back   on\tMonday  '],
    ['a line break kept', 'Line one\nline two'],
  ])('is confirmed with %s, and sent once', async (_, text) => {
    const fakeX = await page();
    const outcome = await runTyper(job(text), deps());
    expect(outcome.outcome).toBe('sent');
    expect(fakeX.sent()).toHaveLength(1);
    // A retry (the worker never heard back) finds it instead of sending again.
    const again = await runTyper(job(text, { seenOwnRows: [] }), deps());
    expect(again).toEqual({ outcome: 'alreadySent', rowId: fakeX.sent()[0]?.id });
    expect(fakeX.sent()).toHaveLength(1);
  });

  it('a retry never types a second copy when a new own row cannot be matched to our text (a card)', async () => {
    const fakeX = await page({}, `/i/chat/${ALICE_THREAD}`);
    await advance(500);
    // The first attempt was cut short after pressing send; X then showed our link as a card, no text.
    fakeX.setSendBehaviour({ pendingMs: 10 });
    const root = findChatRoot(document)?.root as ParentNode;
    appendText(root.querySelector('textarea') as HTMLTextAreaElement, 'https://example.com/offer');
    (root.querySelector('[data-testid="dm-composer-send-button"]') as HTMLButtonElement).click();
    await advance(500);
    const [first] = fakeX.sent();
    rowOf(first?.id ?? '')
      .querySelector('[data-testid^="message-text-"]')
      ?.replaceChildren('Example offer card');
    const outcome = await runTyper(job('https://example.com/offer', { seenOwnRows: [] }), deps());
    expect(outcome).toEqual({ outcome: 'failed', code: 'notConfirmed' });
    expect(fakeX.sent()).toHaveLength(1);
  });

  it('an unknown send status never counts as sent, and is never typed again', async () => {
    const fakeX = await page({}, `/i/chat/${ALICE_THREAD}`);
    fakeX.setSendBehaviour({ pendingMs: 60_000 });
    expect(await runTyper(job('Hello there'), deps())).toEqual({ outcome: 'failed', code: 'notConfirmed' });
    const [first] = fakeX.sent();
    rowOf(first?.id ?? '').setAttribute('data-send-status', 'queued-for-later');
    const retry = await runTyper(job('Hello there', { seenOwnRows: [] }), deps());
    expect(retry).toEqual({ outcome: 'failed', code: 'notConfirmed' });
    expect(fakeX.sent()).toHaveLength(1);
  });

  it.each([
    ['delivered', 'alreadySent'],
    ['read', 'alreadySent'],
    // Failed for good: the retry types it again.
    ['error', 'sent'],
  ])('reads the status "%s" as X reports it', async (status, expected) => {
    const fakeX = await page({}, `/i/chat/${ALICE_THREAD}`);
    fakeX.setSendBehaviour({ pendingMs: 60_000 });
    await runTyper(job('Status check'), deps());
    const [first] = fakeX.sent();
    rowOf(first?.id ?? '').setAttribute('data-send-status', status);
    fakeX.setSendBehaviour({ pendingMs: 150 });
    const retry = await runTyper(job('Status check', { seenOwnRows: [] }), deps());
    expect(retry.outcome === 'failed' ? retry.code : retry.outcome).toBe(expected);
  });
});

describe('the planned moment', () => {
  it('is kept when the conversation takes a while to open (X loads its history first)', async () => {
    const seed = {
      threads: [{ with: [ALICE], history: [{ from: 'alice', text: 'Are you there?', minutesAgo: 5 }] }],
    };
    const fakeX = await loadFakeX({ seed, pendingMs: 150, historyDelayMs: 400 }, '/i/chat');
    await untilReady(fakeX, advance);
    // Typing was due to start before the history shows: the typing that is left is squeezed.
    const text = 'Back on Monday, talk to you then. Have a good weekend!';
    const base = job(text);
    const plan = { ...base, keyDelaysMs: base.chunks.map(() => 150), typingStartAt: Date.now() + 100 };
    expect(plan.keyDelaysMs.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
    const outcome = await runTyper(plan, deps());
    expect(outcome.outcome).toBe('sent');
    const total = plan.keyDelaysMs.reduce((a, b) => a + b, 0);
    expect(fakeX.sent()[0]?.at).toBe(plan.typingStartAt + total);
  });
});
