// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/i/chat"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runTyper, type TyperDeps } from '../../../src/content/typer.ts';
import { findChatRoot } from '../../../src/content/x/chat-root.ts';
import { splitChunks } from '../../../src/core/humanize.ts';
import type { RunJob } from '../../../src/messaging/sending.ts';
import type { FakeXApi, Seed } from '../../fixtures/fake-x/src/api.ts';
import { ALICE, ALICE_THREAD, BOB, BOB_THREAD, loadFakeX, untilReady } from './support/fake-page.ts';

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const TEXT = "Hi Alice, thanks for your message! I'm away and will reply soon.";

function seed(aliceHistory: Seed['threads'][number]['history'] = []): Seed {
  return {
    threads: [
      {
        with: [ALICE],
        history: [{ from: 'alice', text: 'Are you there?', minutesAgo: 5 }, ...(aliceHistory ?? [])],
      },
      { with: [BOB], history: [{ from: 'bob', text: 'Yo', minutesAgo: 50 }] },
    ],
  };
}

async function page(path = '/i/chat', history?: Seed['threads'][number]['history']): Promise<FakeXApi> {
  const fakeX = await loadFakeX({ seed: seed(history), variant: 'shadow', pendingMs: 150 }, path);
  await untilReady(fakeX, advance);
  return fakeX;
}

function job(overrides: Partial<RunJob> = {}): RunJob {
  const text = overrides.text ?? TEXT;
  const chunks = splitChunks(text);
  return {
    jobId: 'job-1',
    threadId: ALICE_THREAD,
    text,
    chunks,
    keyDelaysMs: chunks.map(() => 40),
    typingStartAt: Date.now() + 200,
    seenOwnRows: null,
    ...overrides,
  };
}

interface Harness {
  deps: TyperDeps;
  pauses: number[];
  started: string[][];
  /** Called before each pause returns; return false to make the worker say stop. */
  onPause: (index: number) => boolean | undefined;
  lastInputAt: number;
}

function harness(): Harness {
  const h: Harness = {
    pauses: [],
    started: [],
    onPause: () => true,
    lastInputAt: 0,
    deps: {
      win: window,
      chatRoot: () => findChatRoot(document)?.root ?? null,
      now: () => Date.now(),
      activity: { lastInputAt: () => h.lastInputAt },
      visible: () => true,
      pause: async (ms) => {
        h.pauses.push(ms);
        await advance(ms);
        return h.onPause(h.pauses.length) !== false;
      },
      started: async (rows) => {
        h.started.push(rows);
        return true;
      },
    },
  };
  return h;
}

function composer(): HTMLTextAreaElement {
  const root = findChatRoot(document)?.root;
  const textarea = root?.querySelector('textarea');
  if (!(textarea instanceof HTMLTextAreaElement)) throw new Error('no composer');
  return textarea;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-07-14T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('typer: the way there', () => {
  it('opens the thread from the inbox with a click, types the plan and sends once, on the planned time', async () => {
    const fakeX = await page('/i/chat');
    const h = harness();
    const plan = job();
    const outcome = await runTyper(plan, h.deps);

    const sent = fakeX.sent();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ thread: ALICE_THREAD, text: TEXT, status: 'sent' });
    expect(outcome).toEqual({ outcome: 'sent', rowId: sent[0]!.id, pressedAt: sent[0]!.at });
    expect(location.pathname).toBe(`/i/chat/${ALICE_THREAD}`);
    // Pressed on the planned moment: first chunk at typingStartAt, then the sum of the delays.
    const total = plan.keyDelaysMs.reduce((a, b) => a + b, 0);
    expect(sent[0]!.at).toBe(plan.typingStartAt + total);
    expect(h.started).toEqual([[]]);
    expect(fakeX.composerState()).toBe('');
  });

  it('typing that starts late (the thread was slow to open, the worker woke late) catches up: sent on the planned moment', async () => {
    const fakeX = await page('/i/chat');
    const plan = job({ keyDelaysMs: splitChunks(TEXT).map(() => 120), typingStartAt: Date.now() - 400 });
    await runTyper(plan, harness().deps);
    const total = plan.keyDelaysMs.reduce((a, b) => a + b, 0);
    expect(fakeX.sent()[0]!.at).toBe(plan.typingStartAt + total);
  });

  it('catches up by typing at most 2.5 times faster than planned: later than that, it sends as soon as it can', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`);
    const plan = job({
      keyDelaysMs: [
        100,
        ...splitChunks(TEXT)
          .slice(1)
          .map(() => 0),
      ],
      typingStartAt: Date.now() - 60_000,
    });
    const begun = Date.now();
    await runTyper(plan, harness().deps);
    expect(fakeX.sent()[0]!.at - begun).toBeGreaterThanOrEqual(40);
    expect(fakeX.sent()[0]!.at - begun).toBeLessThan(200);
  });

  it('keeps line breaks without pressing Enter (which would send each line)', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`);
    const text = 'First line\nsecond line\n\nlast line';
    const outcome = await runTyper(job({ text }), harness().deps);
    expect(outcome.outcome).toBe('sent');
    expect(fakeX.sent().map((m) => m.text)).toEqual([text]);
  });

  it('types the whole text at once when the chunks do not add up to it', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`);
    await runTyper(job({ chunks: ['something ', 'else'], keyDelaysMs: [10, 10] }), harness().deps);
    expect(fakeX.sent().map((m) => m.text)).toEqual([TEXT]);
  });

  it('postpones when the thread is not in the inbox, and when it never loads', async () => {
    const fakeX = await page('/i/chat');
    expect(await runTyper(job({ threadId: '1000-9999' }), harness().deps)).toEqual({
      outcome: 'postponed',
      code: 'threadNotListed',
    });
    expect(fakeX.sent()).toEqual([]);
  });
});

describe('typer: never in the user’s way', () => {
  it('leaves a composer with the user’s draft alone', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`);
    const textarea = composer();
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(textarea, 'my draft');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    expect(fakeX.composerState()).toBe('my draft');
    expect(await runTyper(job(), harness().deps)).toEqual({ outcome: 'postponed', code: 'userBusy' });
    expect(fakeX.composerState()).toBe('my draft');
    expect(fakeX.sent()).toEqual([]);
  });

  it('does not type while the user presses keys in the composer, even with it empty', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`);
    composer().focus();
    const h = harness();
    h.lastInputAt = Date.now() - 500;
    expect(await runTyper(job(), h.deps)).toEqual({ outcome: 'postponed', code: 'userBusy' });
    expect(fakeX.sent()).toEqual([]);
  });

  it('takes focus alone for what it is: X focuses the composer itself when a conversation opens (item 9)', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`);
    // The fake, like X, focused the message box on opening; nobody pressed anything since.
    expect((composer().getRootNode() as ShadowRoot).activeElement).toBe(composer());
    const outcome = await runTyper(job(), harness().deps);
    expect(outcome.outcome).toBe('sent');
    expect(fakeX.sent().map((m) => m.text)).toEqual([TEXT]);
  });

  it('does not take over a page the user clicked in a moment ago (not even to open the thread)', async () => {
    const fakeX = await page('/i/chat');
    const h = harness();
    h.lastInputAt = Date.now() - 1000;
    expect(await runTyper(job(), h.deps)).toEqual({ outcome: 'postponed', code: 'userBusy' });
    expect(location.pathname).toBe('/i/chat');
    expect(fakeX.sent()).toEqual([]);
  });

  it('stops when the user opens another thread mid-typing: nothing lands in the wrong composer', async () => {
    const fakeX = await page('/i/chat');
    const h = harness();
    h.onPause = (n) => {
      // A few chunks in, the user clicks Bob's conversation.
      if (n === 4) fakeX.open(BOB_THREAD);
      return true;
    };
    const outcome = await runTyper(job(), h.deps);
    expect(outcome).toEqual({ outcome: 'postponed', code: 'threadMismatch' });
    expect(location.pathname).toBe(`/i/chat/${BOB_THREAD}`);
    expect(fakeX.composerState()).toBe('');
    expect(composer().value).toBe('');
    expect(fakeX.sent()).toEqual([]);
  });

  it('stops when the user types into the composer mid-typing, keeping their text', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`);
    const h = harness();
    h.onPause = (n) => {
      if (n === 4) {
        const textarea = composer();
        const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
        setter.call(textarea, `${textarea.value}typed by me`);
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
      }
      return true;
    };
    expect(await runTyper(job(), h.deps)).toEqual({ outcome: 'postponed', code: 'userBusy' });
    expect(fakeX.composerState()).toMatch(/typed by me$/);
    expect(fakeX.sent()).toEqual([]);
  });

  it('removes what it typed when the worker says stop (away switched off)', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`);
    const h = harness();
    h.onPause = (n) => n < 6;
    expect(await runTyper(job(), h.deps)).toEqual({ outcome: 'stopped' });
    expect(fakeX.composerState()).toBe('');
    expect(fakeX.sent()).toEqual([]);
  });

  it('types nothing when the worker refuses the start', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`);
    const h = harness();
    h.deps.started = async () => false;
    expect(await runTyper(job(), h.deps)).toEqual({ outcome: 'stopped' });
    expect(fakeX.composerState()).toBe('');
    expect(fakeX.sent()).toEqual([]);
  });
});

describe('typer: exactly once across attempts', () => {
  it('after an interrupted attempt, finds our sent row and does not send again', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`, [
      { from: 'me', text: TEXT, minutesAgo: 0, id: 'ours' },
    ]);
    const h = harness();
    expect(await runTyper(job({ seenOwnRows: [] }), h.deps)).toEqual({
      outcome: 'alreadySent',
      rowId: 'ours',
    });
    expect(h.started).toEqual([]);
    expect(fakeX.sent()).toHaveLength(1);
  });

  it('an identical older message that was there before the first attempt is not ours: it sends', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`, [
      { from: 'me', text: TEXT, minutesAgo: 3, id: 'older' },
    ]);
    const h = harness();
    const outcome = await runTyper(job({ seenOwnRows: ['older'] }), h.deps);
    expect(outcome.outcome).toBe('sent');
    expect(h.started).toEqual([['older']]);
    expect(fakeX.sent().map((m) => m.text)).toEqual([TEXT, TEXT]);
  });

  it('a first attempt also counts identical rows already there as not ours', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`, [
      { from: 'me', text: TEXT, minutesAgo: 3, id: 'older' },
    ]);
    const outcome = await runTyper(job(), harness().deps);
    expect(outcome).toEqual({
      outcome: 'sent',
      rowId: expect.not.stringMatching(/^older$/),
      pressedAt: expect.any(Number),
    });
    expect(fakeX.sent()).toHaveLength(2);
  });

  it('clears its own leftover text (a draft kept across a reload) before typing again', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`);
    const textarea = composer();
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(
      textarea,
      'Hi Alice, than',
    );
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    const outcome = await runTyper(job({ seenOwnRows: [] }), harness().deps);
    expect(outcome.outcome).toBe('sent');
    expect(fakeX.sent().map((m) => m.text)).toEqual([TEXT]);
  });

  it('reports a failed send (X marked the row failed)', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`);
    fakeX.setSendBehaviour({ fail: true });
    expect(await runTyper(job(), harness().deps)).toEqual({ outcome: 'failed', code: 'sendFailed' });
    expect(fakeX.sent().map((m) => m.status)).toEqual(['failed']);
  });

  it('reports an unconfirmed send when the row stays pending', async () => {
    const fakeX = await page(`/i/chat/${ALICE_THREAD}`);
    fakeX.setSendBehaviour({ pendingMs: 60_000 });
    expect(await runTyper(job(), harness().deps)).toEqual({ outcome: 'failed', code: 'notConfirmed' });
    // The next attempt sees the row still pending: it types no second copy and waits for the next one.
    const h = harness();
    expect(await runTyper(job({ seenOwnRows: [] }), h.deps)).toEqual({
      outcome: 'failed',
      code: 'notConfirmed',
    });
    expect(h.started).toEqual([]);
    await advance(30_000);
    expect(await runTyper(job({ seenOwnRows: [] }), h.deps)).toEqual({
      outcome: 'alreadySent',
      rowId: expect.any(String),
    });
    expect(fakeX.sent()).toHaveLength(1);
  });
});
