// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/i/chat"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeXApi, FakeXConfig, MarkupVariant } from '../../fixtures/fake-x/src/api.ts';
import {
  ALICE,
  ALICE_THREAD,
  BOB_THREAD,
  GROUP,
  loadFakeX,
  standardSeed,
  untilReady,
} from './support/fake-page.ts';
import { startDetection } from './support/start-detection.ts';

/**
 * Detection on the fake's evidence variant and on the forms where evidence is split (MARKUP.md), as the
 * content script runs it: each test names the issue item it covers.
 */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const OPENED = 300;
const running: AbortController[] = [];

async function page(path: string, config: Partial<Omit<FakeXConfig, 'seed'>> = {}) {
  const fakeX = await loadFakeX({ seed: standardSeed(), ...config }, path);
  const started = startDetection(running);
  await untilReady(fakeX, advance);
  await advance(500);
  return { fakeX, ...started };
}

async function receive(fakeX: FakeXApi, input: Parameters<FakeXApi['receive']>[0]) {
  const id = fakeX.receive(input);
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

describe('inbox descriptions as X writes them (item 2)', () => {
  it('one message is one detection, while X rewrites its time every minute for an hour', async () => {
    const { fakeX, reports } = await page(`/i/chat/${ALICE_THREAD}`);
    await receive(fakeX, { thread: BOB_THREAD, text: 'Ping, from Bob' });
    for (let minute = 0; minute < 60; minute++) {
      fakeX.advanceClock(60_000);
      await advance(30_000);
    }
    expect(reports.map((r) => [r.source, r.text, r.timeLabel])).toEqual([['inbox', 'Ping, from Bob', 'Now']]);
  });

  it.each(['item', 'link'] as const)('reads the description on the %s (item 10)', async (on) => {
    const { fakeX, reports, statuses } = await page('/i/chat', { markup: { descriptionOn: on } });
    await receive(fakeX, { thread: BOB_THREAD, text: 'Hello' });
    expect(reports).toMatchObject([
      { senderHandle: 'bob', senderName: 'Bob, the Builder', senderId: '3000' },
    ]);
    await advance(5000);
    expect(statuses.at(-1)).toMatchObject({ ok: true, missing: [] });
  });

  it('an attachment alone is reported with empty text (the description has no text part)', async () => {
    const { fakeX, reports } = await page('/i/chat');
    await receive(fakeX, { thread: BOB_THREAD, text: '', media: 'photo' });
    expect(reports).toMatchObject([{ threadId: BOB_THREAD, text: '', senderHandle: 'bob', source: 'inbox' }]);
  });
});

describe('rows of the open thread (items 4, 5)', () => {
  const variants: Partial<MarkupVariant>[] = [
    {},
    { statusOnTheirRows: true },
    { textSpan: false },
    { statusNames: 'short' },
    { systemRows: 'item' },
  ];
  it.each(variants)('reports their text, media and replies, never X notices: %o', async (markup) => {
    const { fakeX, reports, statuses } = await page(`/i/chat/${GROUP}`, { markup });
    await receive(fakeX, { thread: GROUP, text: 'Alice was added', system: true });
    const quoted = await receive(fakeX, { thread: GROUP, text: 'Saturday, 10:00?', from: 'bob' });
    await receive(fakeX, {
      thread: GROUP,
      text: 'Yes 👍 see https://example.com/a/very/long/path',
      from: 'alice',
      replyTo: quoted,
    });
    await receive(fakeX, { thread: GROUP, text: '', media: 'photo', from: 'alice' });
    expect(reports.map((r) => [r.senderHandle, r.text])).toEqual([
      ['bob', 'Saturday, 10:00?'],
      // X shows the link shortened: the text is read as shown.
      ['alice', 'Yes 👍 see example.com/a/very/long…'],
      ['alice', ''],
    ]);
    await advance(5000);
    // X's notice has no direction class: that is not a markup change.
    expect(statuses.at(-1)).toMatchObject({ ok: true, missing: [] });
  });
});

describe('a first message into an open, empty conversation (item 11)', () => {
  const NEWCOMER = { id: '5000', handle: 'newcomer', name: 'New Comer' };

  it('is reported once X shows the conversation loaded and empty', async () => {
    const { fakeX, reports } = await page('/i/chat');
    const thread = fakeX.addThread({ with: [NEWCOMER] });
    fakeX.open(thread);
    await advance(OPENED + 2000);
    const id = await receive(fakeX, { thread, text: 'Hi, first time here' });
    expect(reports).toMatchObject([
      { messageId: id, source: 'thread', senderId: '5000', text: 'Hi, first time here' },
    ]);
  });

  it('arriving while X loads the history of a conversation opened from the inbox, it is still new', async () => {
    const { fakeX, reports } = await page('/i/chat', { historyDelayMs: 1500 });
    const thread = fakeX.addThread({ with: [NEWCOMER], history: [{ from: 'newcomer', text: 'old one' }] });
    await advance(10);
    void fakeX.open(thread);
    await advance(100);
    const id = await receive(fakeX, { thread, text: 'arrived during loading' });
    await advance(3000);
    // The inbox showed "old one" as the newest message when the conversation was opened: what follows
    // it in the history that loads came later.
    expect(reports.filter((r) => r.source === 'thread')).toMatchObject([
      { messageId: id, text: 'arrived during loading' },
    ]);
  });

  it('the same when the page loads on the conversation: the inbox’s first look tells what was there', async () => {
    const thread = '1000-5000';
    const seed = standardSeed();
    seed.threads.push({ with: [NEWCOMER], history: [{ from: 'newcomer', text: 'old one' }] });
    const fakeX = await loadFakeX({ seed, historyDelayMs: 1500 }, `/i/chat/${thread}`);
    const { reports } = startDetection(running);
    await untilReady(fakeX, advance);
    await advance(100);
    const id = await receive(fakeX, { thread, text: 'arrived during loading' });
    await advance(3000);
    expect(reports.filter((r) => r.source === 'thread').map((r) => r.messageId)).toEqual([id]);
    // Opened again later: nothing new, nothing reported.
    void fakeX.open(ALICE_THREAD);
    await advance(OPENED + 1500);
    void fakeX.open(thread);
    await advance(OPENED + 1500);
    expect(reports.filter((r) => r.source === 'thread').map((r) => r.messageId)).toEqual([id]);
  });
});

describe('the header (item 3)', () => {
  it.each(['absolute', 'relative'] as const)(
    'gives the contact handle from a %s profile link',
    async (link) => {
      const { fakeX, reports } = await page(`/i/chat/${ALICE_THREAD}`, { markup: { headerLink: link } });
      await receive(fakeX, { thread: ALICE_THREAD, text: 'Hi' });
      expect(reports).toMatchObject([{ senderHandle: 'alice', senderName: ALICE.name, senderId: '2000' }]);
    },
  );
});

describe('the passcode (item 6)', () => {
  it.each(['route', 'inPlace'] as const)(
    'locked on the %s: reported as locked, not as a markup change',
    async (mode) => {
      const { statuses } = await page('/i/chat', { locked: mode });
      await advance(6000);
      const last = statuses.at(-1);
      expect(last).toMatchObject({ ok: false, locked: true, missing: [] });
      expect(last?.url).toContain(mode === 'route' ? '/i/chat/pin' : '/i/chat');
    },
  );

  it('goes back to ok once unlocked', async () => {
    const { fakeX, statuses } = await page('/i/chat', { locked: 'inPlace' });
    await advance(6000);
    fakeX.unlock();
    await advance(6000);
    expect(statuses.at(-1)).toMatchObject({ ok: true, missing: [] });
    expect(statuses.at(-1)?.locked).toBeUndefined();
  });
});

describe('message requests in the "other" folder (item 7)', () => {
  const SPAMMY = { id: '6000', handle: 'maybe_spam', name: 'Maybe Spam' };

  it('are listed, opened, reported as requests, and checked with X’s request prompt', async () => {
    const { fakeX, reports, statuses } = await page('/i/chat/requests/other');
    const thread = fakeX.addThread({ kind: 'request', requestFolder: 'other', with: [SPAMMY] });
    await advance(10);
    await receive(fakeX, { thread, text: 'Hello from elsewhere' });
    expect(reports).toMatchObject([
      { threadId: thread, threadKind: 'request', senderId: '6000', source: 'inbox' },
    ]);
    fakeX.open(thread);
    await advance(OPENED);
    expect(location.pathname).toBe(`/i/chat/requests/other/${thread}`);
    await receive(fakeX, { thread, text: 'Are you there?' });
    expect(reports.at(-1)).toMatchObject({
      threadKind: 'request',
      source: 'thread',
      senderHandle: 'maybe_spam',
    });
    await advance(5000);
    expect(statuses.at(-1)).toMatchObject({ ok: true, missing: [] });
    // Accepted: X moves it to the inbox, with a composer instead of the prompt.
    fakeX.acceptRequest(thread);
    await advance(OPENED);
    expect(location.pathname).toBe(`/i/chat/${thread}`);
    await advance(5000);
    expect(statuses.at(-1)).toMatchObject({ ok: true, missing: [] });
  });
});
