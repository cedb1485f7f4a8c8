import { describe, expect, it } from 'vitest';
import type { Seed } from '../fixtures/fake-x/src/api.ts';
import { messageWorker } from './sending-helpers.ts';
import { closedAfter } from './support/closed-after.ts';
import { openSession, type Session, type SessionPage } from './support/session.ts';
import { until } from './support/until.ts';

// Detection end to end: the built extension on the fake X client, what the worker stored read back from
// IndexedDB, and the adapter status asked from the worker as the popup would.

const ALICE = { id: '2000', handle: 'alice', name: 'Alice Martin' };
const BOB = { id: '3000', handle: 'bob', name: 'Bob Stone' };
const ALICE_THREAD = '1000-2000';
const BOB_THREAD = '1000-3000';

const seed: Seed = {
  threads: [
    {
      with: [ALICE],
      history: [
        { from: 'alice', text: 'Old hello' },
        { from: 'me', text: 'Old reply' },
        { from: 'alice', text: 'Old question' },
      ],
    },
    // Unread at load: what the inbox shows first is history too.
    { with: [BOB], unread: true, history: [{ from: 'bob', text: 'Earlier, unanswered' }] },
  ],
};

interface Stored {
  messageId: string;
  threadId: string;
  threadKind: string;
  senderHandle: string;
  senderName: string;
  text: string;
  timeLabel: string;
  detectedAt: number;
  source: string;
  supersedes?: string;
}

interface StatusRecord {
  tabId: number;
  status: { ok: boolean; variant: string; missing: string[]; url: string };
}

/** How long a DM may take from the page to the database. */
const DETECTION_MS = 8000;

const incoming = async (s: Session) => (await s.readExtensionStore('incoming')) as Stored[];

/** Waits until a stored DM has this text, and returns every stored DM at that moment. */
async function storedWith(s: Session, text: string): Promise<Stored[]> {
  return until(
    `"${text}" to be stored`,
    async () => {
      const all = await incoming(s);
      return all.some((dm) => dm.text === text) && all;
    },
    DETECTION_MS,
  );
}

/** The worker's adapter statuses, asked from an extension page through the typed message. */
const statuses = async (page: SessionPage) =>
  (await messageWorker(page, 'getAdapterStatuses', {})) as StatusRecord[];

async function chatStatus(page: SessionPage, ok: boolean): Promise<StatusRecord['status']> {
  const record = await until(
    `an adapter status with ok=${ok}`,
    async () => (await statuses(page)).find((r) => r.status.ok === ok && r.status.variant !== 'none'),
    DETECTION_MS,
  );
  return record.status;
}

const keep = closedAfter<Session>();

const runs = [
  { browser: 'chromium', variant: 'shadow' },
  { browser: 'chromium', variant: 'light' },
  { browser: 'firefox', variant: 'shadow' },
] as const;

describe.each(runs)('detection in $browser, $variant variant', ({ browser, variant }) => {
  it('stores each new incoming DM once, and nothing else; a broken page turns the status red', async () => {
    const s = keep(
      await openSession({
        browser,
        variant,
        state: seed,
        path: '/home',
        config: { maxRows: 5, pendingMs: 150 },
      }),
    );
    // Into chat the way people get there: X's own links, client-side navigation, no page load.
    await s.page.click('a[data-testid="AppTabBar_DirectMessage_Link"]');
    await s.fakeX.open(ALICE_THREAD);
    expect(await s.page.url()).toBe(`https://x.com/i/chat/${ALICE_THREAD}`);
    const extension = await s.extensionPage('src/options/index.html');
    const healthy = await chatStatus(extension, true);
    expect(healthy).toEqual({
      ok: true,
      variant,
      missing: [],
      url: expect.stringMatching(/^https:\/\/x\.com\/i\/chat/),
    });
    // Preloaded history, in the open thread and in the inbox, is never stored.
    expect(await incoming(s)).toEqual([]);

    // 1. A DM in the open thread: stored once, with every field.
    const hostile = 'Are you around? <img src=x onerror="document.title=1">';
    const firstId = await s.fakeX.receive({ thread: ALICE_THREAD, text: hostile });
    const [first] = await storedWith(s, hostile);
    expect(first).toEqual({
      messageId: firstId,
      threadId: ALICE_THREAD,
      threadKind: 'direct',
      // X's user id of Alice: the thread id's other half, the viewer's own read from X's twid cookie.
      senderId: '2000',
      senderHandle: 'alice',
      senderName: 'Alice Martin',
      text: hostile,
      timeLabel: expect.stringMatching(/^\d{1,2}:\d{2}\s?[AP]M$/),
      detectedAt: expect.any(Number),
      source: 'thread',
    });

    // 2. My own message, a re-render, then more DMs than the thread keeps rows for (old rows trimmed).
    await s.page.click('textarea[data-testid="dm-composer-textarea"]');
    await s.page.type('On my way');
    await s.page.press('Enter');
    await until(
      'my message to be sent',
      async () => (await s.fakeX.sent()).some((m) => m.text === 'On my way' && m.status === 'sent'),
      DETECTION_MS,
    );
    await s.fakeX.rerender();
    for (const text of ['two', 'three', 'four', 'five', 'six']) {
      await s.fakeX.receive({ thread: ALICE_THREAD, text });
    }
    let all = await storedWith(s, 'six');
    expect(all.map((dm) => dm.text).sort()).toEqual([hostile, 'five', 'four', 'six', 'three', 'two'].sort());

    // 3. A DM in another thread: seen in the inbox.
    await s.fakeX.receive({ thread: BOB_THREAD, text: 'Ping from Bob' });
    all = await storedWith(s, 'Ping from Bob');
    expect(all.find((dm) => dm.threadId === BOB_THREAD)).toMatchObject({
      messageId: expect.stringMatching(/^inbox:/),
      threadKind: 'direct',
      senderHandle: 'bob',
      senderName: 'Bob Stone',
      text: 'Ping from Bob',
      source: 'inbox',
    });

    // 4. Opening Bob's thread and coming back to Alice's re-shows known rows: nothing new is stored.
    await s.fakeX.open(BOB_THREAD);
    await s.fakeX.open(ALICE_THREAD);
    await s.fakeX.rerender(ALICE_THREAD);
    const lastId = await s.fakeX.receive({ thread: ALICE_THREAD, text: 'After coming back' });
    all = await storedWith(s, 'After coming back');
    expect(all).toHaveLength(8);
    expect(all.find((dm) => dm.text === 'After coming back')).toMatchObject({
      messageId: lastId,
      source: 'thread',
    });
    expect(new Set(all.map((dm) => `${dm.threadId}/${dm.messageId}`)).size).toBe(8);

    // 5. X renames its test ids: the self-check fails and the worker knows.
    await s.fakeX.breakMarkup();
    const broken = await chatStatus(extension, false);
    expect(broken.missing.length).toBeGreaterThan(0);
    // Local only: the page (and the content script in it) asked for nothing outside x.com.
    expect(s.externalRequests().filter((r) => r.source === 'page')).toEqual([]);
  });
});
