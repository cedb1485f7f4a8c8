import { describe, expect, it } from 'vitest';
import {
  type ActivityRow,
  activity,
  awayReplyPattern,
  firstName,
  jobs,
  messageWorker,
  pause,
  people,
  sentIn,
  threadWith,
  until,
  withExtensionPage,
} from './sending-helpers.ts';
import { freshSession, QUICK_TIMING } from './sending-session.ts';
import { closedAfter } from './support/closed-after.ts';
import type { Session, SessionPage } from './support/session.ts';

// Suggest mode and the popup's insert, the limits that protect people (cooldown, stop words, hourly cap)
// and away switched off in the middle of typing, end to end in Chromium.

const keep = closedAfter<Session>();

/** Asks the X tab's content script, as the popup does for the active tab. */
function askXTab(page: SessionPage, type: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    async ([name, body]) => {
      const chrome = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(q: { url: string }): Promise<{ id: number }[]>;
              sendMessage(id: number, m: unknown): Promise<unknown>;
            };
          };
        }
      ).chrome;
      const [tab] = await chrome.tabs.query({ url: 'https://x.com/*' });
      return chrome.tabs.sendMessage(tab!.id, { type: name, payload: body });
    },
    [type, payload] as [string, unknown],
  );
}

const sentNow = async (s: Session) => (await s.fakeX.sent()).filter((m) => m.text !== 'An old message');

describe('suggest mode', () => {
  it('sends nothing; the suggestion goes into the composer on request and the user sends it', async () => {
    const [alice, bob] = people(2, 500);
    const s = await freshSession(keep, {
      people: [alice!, bob!],
      setup: { mode: 'suggest', ...QUICK_TIMING },
    });
    const thread = threadWith(alice!);
    await s.fakeX.receive({ thread, text: 'Hi! Quick question about the flat.' });
    const [suggestion] = await until('a suggestion', async () => {
      const rows = (await s.readExtensionStore('suggestions')) as { threadId: string; text: string }[];
      return rows.length > 0 && rows;
    });
    expect(suggestion).toMatchObject({
      threadId: thread,
      text: expect.stringMatching(awayReplyPattern(firstName(alice!))),
    });
    await pause(1500);
    expect(await sentNow(s)).toEqual([]);
    expect((await activity(s)).map((e) => e.kind)).toEqual(['suggested']);

    await withExtensionPage(s, async (page) => {
      expect(await askXTab(page, 'getOpenThread', {})).toEqual({ ok: false, problem: 'noOpenThread' });
      await s.fakeX.open(thread);
      expect(await askXTab(page, 'getOpenThread', {})).toEqual({
        ok: true,
        thread: {
          threadId: thread,
          threadKind: 'direct',
          contactHandle: alice!.handle,
          contactName: alice!.name,
          contactId: alice!.id,
        },
      });
      expect(await askXTab(page, 'insertReply', { threadId: threadWith(bob!), text: 'x' })).toEqual({
        ok: false,
        problem: 'threadMismatch',
      });
      expect(await askXTab(page, 'insertReply', { threadId: thread, text: suggestion!.text })).toEqual({
        ok: true,
      });
    });
    expect(await s.fakeX.composerState()).toBe(suggestion!.text);
    expect(await sentNow(s)).toEqual([]);
    // The user presses send.
    await s.page.click('button[data-testid="dm-composer-send-button"]');
    await until('the user’s send', async () => (await sentIn(s, thread)).some((m) => m.status === 'sent'));
    expect((await sentNow(s)).map((m) => [m.thread, m.text])).toEqual([[thread, suggestion!.text]]);
  });
});

describe('limits that protect people', () => {
  it('two DMs inside the cooldown get one reply; after a "stop" nothing more', async () => {
    const [alice, bob] = people(2, 600);
    const s = await freshSession(keep, { people: [alice!, bob!], setup: { mode: 'auto', ...QUICK_TIMING } });
    const aliceThread = threadWith(alice!);
    await s.fakeX.receive({ thread: aliceThread, text: 'Hello?' });
    await pause(150);
    await s.fakeX.receive({ thread: aliceThread, text: 'Anyone there?' });
    await until('the reply to Alice', async () =>
      (await sentIn(s, aliceThread)).some((m) => m.status === 'sent'),
    );
    await s.fakeX.receive({ thread: aliceThread, text: 'Thanks, talk later' });

    const bobThread = threadWith(bob!);
    await s.fakeX.receive({ thread: bobThread, text: 'Stop.' });
    await pause(800);
    await s.fakeX.receive({ thread: bobThread, text: 'Are you there?' });
    await until(
      'every message to be decided',
      async () => (await activity(s)).filter((e) => e.kind === 'skipped').length >= 4 && true,
    );
    await pause(2000);
    expect((await sentNow(s)).map((m) => m.thread)).toEqual([aliceThread]);
    const reasons = (await activity(s)).filter((e: ActivityRow) => e.kind === 'skipped').map((e) => e.reason);
    // The second DM came while our reply was on its way (cooldown); the third right after it, which is
    // also how an auto-responder answering ours would look (looksAutomatic wins, it is checked first).
    expect(reasons.sort()).toEqual(['cooldown', 'looksAutomatic', 'silenced', 'stopWord']);
    // Kept under Bob's X user id, read from his thread: a new handle would not lift it.
    const contacts = (await s.readExtensionStore('people')) as {
      key: string;
      handle: string;
      silencedAt: number | null;
    }[];
    const stored = contacts.find((c) => c.handle === bob!.handle);
    expect(stored?.silencedAt).toEqual(expect.any(Number));
    expect(stored?.key).toBe(bob!.id);
  });

  it('a burst of 200 DMs from 200 people within a minute: sends never exceed the hourly cap', async () => {
    const crowd = people(200, 1000);
    const s = await freshSession(keep, {
      people: crowd,
      config: { churnPerSecond: 0 },
      setup: { mode: 'auto', ...QUICK_TIMING, hourlyCap: 5 },
    });
    const threads = crowd.map((person) => threadWith(person));
    const started = Date.now();
    await s.page.evaluate(async (ids) => {
      const fakeX = (window as unknown as { fakeX: { receive(m: { thread: string; text: string }): string } })
        .fakeX;
      for (const [i, thread] of ids.entries()) {
        fakeX.receive({ thread, text: `Is the bike still for sale? (#${i})` });
        await new Promise((r) => setTimeout(r, 40));
      }
    }, threads);
    expect(Date.now() - started).toBeLessThan(60_000);
    const log = await until(
      'all 200 DMs decided',
      async () => {
        const rows = await activity(s);
        return rows.filter((e) => e.kind === 'scheduled' || e.kind === 'skipped').length >= 200 && rows;
      },
      60_000,
    );
    expect(log.filter((e) => e.kind === 'scheduled')).toHaveLength(5);
    expect(log.filter((e) => e.kind === 'skipped').map((e) => e.reason)).toEqual(
      Array(195).fill('hourlyCap'),
    );
    await until(
      'the five replies',
      async () => (await sentNow(s)).filter((m) => m.status === 'sent').length >= 5,
      60_000,
    );
    await pause(2000);
    const sent = await sentNow(s);
    expect(sent).toHaveLength(5);
    expect(new Set(sent.map((m) => m.thread)).size).toBe(5);
  });
});

describe('away switched off', () => {
  it('cancels every waiting job at once and removes the text being typed', async () => {
    const [alice, bob] = people(2, 700);
    const s = await freshSession(keep, {
      people: [alice!, bob!],
      setup: { mode: 'auto', minDelayMs: 3000, maxDelayMs: 5000, minGapMs: 0 },
    });
    await s.fakeX.receive({ thread: threadWith(alice!), text: 'Hello?' });
    await s.fakeX.receive({ thread: threadWith(bob!), text: 'Hi there' });
    // Both replies must be waiting (Bob's is decided about a second after Alice's) and Alice's being typed.
    await until('both replies scheduled', async () => (await jobs(s)).length === 2, 15_000);
    await until('typing to start', async () => (await s.fakeX.composerState()) !== '', 15_000);
    await withExtensionPage(s, (page) => messageWorker(page, 'setAway', { enabled: false, until: null }));
    await until('the typed text to be removed', async () => (await s.fakeX.composerState()) === '', 3_000);
    await pause(6000);
    expect(await sentNow(s)).toEqual([]);
    expect(await s.fakeX.composerState()).toBe('');
    expect((await jobs(s)).map((job) => job.state)).toEqual(['cancelled', 'cancelled']);
    const cancelled = (await activity(s)).filter((e) => e.kind === 'cancelled');
    expect(cancelled.map((e) => e.reason)).toEqual(['awayOff', 'awayOff']);
  });
});
