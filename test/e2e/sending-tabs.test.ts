import { describe, expect, it } from 'vitest';
import { launchSending, type SendingBrowser } from './sending-browser.ts';
import {
  awayReplyPattern,
  firstName,
  MANY_CAPS as MANY,
  pause,
  people,
  seedWith,
  threadWith,
  until,
} from './sending-helpers.ts';
import { gotoX } from './support/chromium-pages.ts';
import { closedAfter } from './support/closed-after.ts';

// Which X tab types: the pinned chat tab auto mode keeps, never a tab whose page failed its self-check.

const keep = closedAfter<SendingBrowser>();

describe('the chat tab auto mode keeps', () => {
  it('is opened pinned in the background when auto mode is switched on, and replies go out from it', async () => {
    const [alice] = people(1, 450);
    const b = keep(await launchSending(seedWith([alice!])));
    await b.configure({ mode: 'auto', minDelayMs: 300, maxDelayMs: 1200, ...MANY, pinChatTabs: false });
    const kept = await until('the extension’s chat tab', async () =>
      b.context.pages().find((page) => page !== b.page && !page.url().startsWith('chrome-extension:')),
    );
    // Playwright routes a tab an extension opened only from its second load on: the first one raced the
    // routing and hit the network fence. Loading it again is the test's business, not the extension's.
    await until('the tab’s first load to end', async () => kept.url() !== 'about:blank');
    await gotoX(kept);
    const tabs = await (async () => {
      const page = await b.extensionPage();
      try {
        await until('both X tabs to pass their self-check', async () => {
          const records = (await page.evaluate(() =>
            (
              globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
            ).chrome.runtime.sendMessage({ type: 'getAdapterStatuses', payload: {} }),
          )) as { status: { ok: boolean } }[];
          return records.filter((r) => r.status.ok).length >= 2;
        });
        return (await page.evaluate(() =>
          (
            globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<unknown> } } }
          ).chrome.tabs.query({
            url: 'https://x.com/*',
          }),
        )) as { pinned: boolean; active: boolean; url: string }[];
      } finally {
        await page.close();
      }
    })();
    expect(tabs.filter((tab) => tab.pinned)).toEqual([
      expect.objectContaining({ active: false, url: 'https://x.com/i/chat' }),
    ]);

    await b.page.bringToFront();
    const thread = threadWith(alice!);
    await b.fakeX().receive({ thread, text: 'Hello?' });
    const reply = await until('the reply', async () =>
      (await b.fakeX().sent()).find((m) => m.thread === thread && m.status === 'sent'),
    );
    expect(reply.text).toMatch(awayReplyPattern(firstName(alice!)));
    // Typed in the kept tab: it opened the thread there; the user's tab stayed where it was.
    expect(kept.url()).toBe(`https://x.com/i/chat/${thread}`);
    expect(b.page.url()).toBe('https://x.com/i/chat');
    await pause(1500);
    expect((await b.fakeX().sent()).filter((m) => m.thread === thread)).toHaveLength(1);
  });
});

describe('self-check', () => {
  it('a tab whose page no longer looks like X’s chat gets no job: the reply goes out from a healthy tab', async () => {
    const [alice] = people(1, 470);
    const b = keep(await launchSending(seedWith([alice!])));
    // The first tab is pinned (preferred for jobs); the second is an ordinary tab.
    await b.configure({ mode: 'auto', minDelayMs: 300, maxDelayMs: 1200, ...MANY });
    const healthy = await b.newXPage('/i/chat');
    // X "changes its markup" in the preferred tab only.
    await b.fakeX().breakMarkup();
    const page = await b.extensionPage();
    try {
      await until(
        'one tab failing and one passing its self-check',
        async () => {
          const records = (await page.evaluate(() =>
            (
              globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
            ).chrome.runtime.sendMessage({ type: 'getAdapterStatuses', payload: {} }),
          )) as { status: { ok: boolean; variant: string } }[];
          const chat = records.filter((r) => r.status.variant !== 'none');
          return chat.some((r) => !r.status.ok) && chat.some((r) => r.status.ok);
        },
        20_000,
      );
    } finally {
      await page.close();
    }
    const thread = threadWith(alice!);
    await b.fakeX(healthy).receive({ thread, text: 'Hello?' });
    const reply = await until('the reply', async () =>
      (await b.fakeX(healthy).sent()).find((m) => m.thread === thread && m.status === 'sent'),
    );
    expect(reply.text).toMatch(awayReplyPattern(firstName(alice!)));
    expect(healthy.url()).toBe(`https://x.com/i/chat/${thread}`);
    expect(b.page.url()).toBe('https://x.com/i/chat');
  });
});
