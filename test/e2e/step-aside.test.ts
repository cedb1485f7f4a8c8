import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activity,
  awayReplyPattern,
  firstName,
  jobs,
  messageWorker,
  people,
  sentIn,
  threadWith,
  until,
} from './sending-helpers.ts';
import { freshSession, QUICK_TIMING } from './sending-session.ts';
import { answeredYourself } from './step-aside-scenario.ts';
import { closedAfter } from './support/closed-after.ts';
import type { Session } from './support/session.ts';
import { badgeTitleIs, popupSays } from './ui-pages.ts';

// Stepping aside and telling what happened, in Chromium with the built extension on the fake X: my reply
// from another device cancels the reply waiting in its grace period; the popup counts a grace period down
// and "send now" ends it; when away ends, the popup opens on the digest and the tooltip sums it up.

const POPUP = 'src/popup/index.html';
const [ALICE, BOB, CAROL] = people(3, 700);
let s: Session;
const keep = closedAfter<Session>(afterAll);

beforeAll(async () => {
  s = await freshSession(keep, {
    people: [ALICE!, BOB!, CAROL!],
    setup: { mode: 'auto', ...QUICK_TIMING, graceMinutes: 5 },
  });
});

describe('step aside when I answer', () => {
  it('my reply from my phone cancels the reply waiting in its grace period, logged "you answered yourself"', async () => {
    await answeredYourself(s, ALICE!);
  });

  it('the popup counts the grace period down; "send now" sends it after the usual checks', async () => {
    const thread = threadWith(BOB!);
    await s.fakeX.open(thread);
    await new Promise((resolve) => setTimeout(resolve, 800));
    await s.fakeX.receive({ thread, text: 'Hello, quick question' });
    await until('the reply waiting in its grace period', async () =>
      (await jobs(s)).some((row) => row.threadId === thread && row.state === 'pending'),
    );
    const popup = await s.extensionPage(POPUP);
    await popupSays(popup, 'waits for your own answer: 4:');
    const label = `Send the reply to @${BOB!.handle} now`;
    await popup.waitFor((name) => document.querySelector(`button[aria-label="${name}"]`) !== null, label);
    // Keyboard: focus the button and press Enter.
    await popup.evaluate((name) => {
      (document.querySelector(`button[aria-label="${name}"]`) as HTMLButtonElement).focus();
    }, label);
    await popup.press('Enter');
    await popupSays(popup, 'The reply goes out now');
    await popup.close();
    const [sent] = await until('the reply sent', async () => {
      const records = (await sentIn(s, thread)).filter(
        (r) => r.text !== 'An old message' && r.status === 'sent',
      );
      return records.length > 0 && records;
    });
    expect(sent?.text).toMatch(awayReplyPattern(firstName(BOB!)));
    // Our own reply appearing in the open conversation is not "you answered yourself".
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const log = (await activity(s)).filter((entry) => entry.threadId === thread);
    expect(log.map((entry) => entry.kind)).toEqual(['scheduled', 'sent']);
  });
});

describe('tell me what happened', () => {
  it('when away ends the popup opens on the digest, with links, and the tooltip sums it up', async () => {
    const thread = threadWith(CAROL!);
    await s.fakeX.openInbox();
    await s.fakeX.receive({ thread, text: 'Call me when you can' });
    await until('Carol’s reply waiting', async () =>
      (await jobs(s)).some((row) => row.threadId === thread && row.state === 'pending'),
    );
    const popup = await s.extensionPage(POPUP);
    await messageWorker(popup, 'setAway', { enabled: false, until: null });
    await badgeTitleIs(popup, 'Away for X — Not away — 1 replied, 2 waiting for you');
    await popup.close();
    const again = await s.extensionPage(POPUP);
    await popupSays(again, 'While you were away');
    await popupSays(again, '1 replied, 2 waiting for you');
    const links = await again.evaluate(
      () =>
        [...document.querySelectorAll('a[href^="https://x.com/i/chat/"]')].map((a) => a.getAttribute('href')),
      undefined,
    );
    expect(links.sort()).toEqual(
      [threadWith(ALICE!), threadWith(BOB!), threadWith(CAROL!)]
        .map((id) => `https://x.com/i/chat/${id}`)
        .sort(),
    );
    // Carol's reply was cancelled when away went off; Alice answered herself: nobody but Bob got one.
    await popupSays(again, 'No reply: you answered yourself');
    await again.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Dismiss');
      button?.click();
    }, undefined);
    await again.waitFor(() => !document.body.textContent?.includes('While you were away'), undefined);
    await badgeTitleIs(again, 'Away for X — Not away');
    await again.close();
  });
});

describe('step aside when I answered from my phone while X showed the inbox', () => {
  it('the reply first seen as an inbox preview is cancelled when its tab opens the conversation to type', async () => {
    const [ERIN] = people(1, 790);
    const t = await freshSession(keep, {
      people: [ERIN!],
      setup: { mode: 'auto', ...QUICK_TIMING, graceMinutes: 5 },
    });
    const thread = threadWith(ERIN!);
    await t.fakeX.openInbox();
    await t.fakeX.receive({ thread, text: 'Did you get my parcel?' });
    const [job] = await until('the reply waiting in its grace period', async () => {
      const waiting = (await jobs(t)).filter((row) => row.threadId === thread && row.state === 'pending');
      return waiting.length > 0 && waiting;
    });
    const mine = await t.fakeX.replyFromOtherDevice({ thread, text: 'Yes, thank you!' });
    // The grace period ends early: the tab opens the conversation to type, and sees my answer there.
    const page = await t.extensionPage(POPUP);
    expect(await messageWorker(page, 'sendReplyNow', { jobId: job!.id })).toBe(true);
    await page.close();
    await until('the reply cancelled', async () =>
      (await jobs(t)).some((row) => row.id === job!.id && row.state === 'cancelled'),
    );
    const log = (await activity(t)).filter((entry) => entry.threadId === thread);
    expect(log.map((entry) => [entry.kind, entry.reason ?? ''])).toEqual([
      ['scheduled', ''],
      ['cancelled', 'answeredYourself'],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await sentIn(t, thread)).filter((r) => r.text !== 'An old message').map((r) => r.id)).toEqual([
      mine,
    ]);
  });
});
