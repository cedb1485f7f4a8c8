import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awayReplyPattern, firstName, pause, people, sentIn, threadWith, until } from './sending-helpers.ts';
import { freshSession, QUICK_TIMING } from './sending-session.ts';
import {
  type BarInfo,
  barGone,
  barShown,
  focusComposer,
  logged,
  readBar,
  suggestionFor,
} from './suggestion-bar-pages.ts';
import { closedAfter } from './support/closed-after.ts';
import type { Session } from './support/session.ts';
import { tabUntil } from './ui-pages.ts';

// The suggestion bar in Firefox (the e2e build, `npm run build:e2e`), on the fake X in X's Dim theme:
// next to the composer, Insert from the keyboard (Tab, then Space or Enter) and by click without
// sending, Dismiss by click, gone when the markup check fails.

const [ALICE, BOB, CAROL, DAVE] = people(4);
const ALICE_THREAD = threadWith(ALICE!);
const BOB_THREAD = threadWith(BOB!);
const CAROL_THREAD = threadWith(CAROL!);
const DAVE_THREAD = threadWith(DAVE!);

let s: Session;
const keep = closedAfter<Session>(afterAll);

beforeAll(async () => {
  s = await freshSession(keep, {
    browser: 'firefox',
    people: [ALICE!, BOB!, CAROL!, DAVE!],
    setup: { mode: 'suggest', ...QUICK_TIMING },
    config: { theme: 'dim' },
  });
});

/** Inserting fills X's message box with the suggestion, takes the bar away and sends nothing. */
async function insertedWithoutSending(info: BarInfo, thread: string, how: string): Promise<void> {
  await until('the text in the composer', async () => (await s.fakeX.composerState()) === info.text).catch(
    async (error: Error) => {
      const now = await s.page.evaluate(readBar, undefined);
      throw new Error(
        `${error.message} (${how}); composer "${await s.fakeX.composerState()}", bar ${JSON.stringify(now)}`,
      );
    },
  );
  await barGone(s.page, `after ${how}`);
  await pause(1000);
  expect(await sentIn(s, thread)).toEqual([]);
}

/** From X's message box, as a keyboard user: Tab to Insert, then `key`. */
async function insertFromKeyboard(key: ' ' | 'Enter'): Promise<void> {
  expect(await s.page.evaluate(focusComposer, undefined)).toBe(true);
  // Firefox activates a focused button on Space or Enter only in a document that has the focus: without
  // it the keys below would prove nothing about the bar.
  expect(await s.page.evaluate(() => document.hasFocus(), undefined)).toBe(true);
  await tabUntil(
    s.page,
    () => {
      const host = document.getElementById('afx-suggestion-bar');
      return document.activeElement === host && host?.shadowRoot?.activeElement?.textContent === 'Insert';
    },
    'the bar’s Insert button',
  );
  await s.page.press(key);
}

describe('the suggestion bar in Firefox', () => {
  it('sits right above the composer in X’s dark theme; Tab reaches Insert and Space fills the composer without sending', async () => {
    const info = await suggestionFor(s, ALICE_THREAD, 'Hello, are you around this week?');
    expect(info.text).toMatch(awayReplyPattern(firstName(ALICE!)));
    expect(info.away).toBe('Away for X is on');
    expect(info.theme).toBe('dark');
    const { bar, composer } = info;
    expect(bar!.bottom).toBeLessThanOrEqual(composer!.top + 0.5);
    expect(composer!.top - bar!.bottom).toBeLessThanOrEqual(16);
    expect(Math.abs(bar!.left - composer!.left)).toBeLessThanOrEqual(1);
    expect(await sentIn(s, ALICE_THREAD)).toEqual([]);

    // Space by its character (Puppeteer's WebDriver BiDi keyboard), as in the popup's Firefox test.
    await insertFromKeyboard(' ');
    await insertedWithoutSending(info, ALICE_THREAD, 'Space on Insert');
  });

  it('Enter on Insert fills the composer without sending', async () => {
    const info = await suggestionFor(s, CAROL_THREAD, 'Are you free on Friday?');
    await insertFromKeyboard('Enter');
    await insertedWithoutSending(info, CAROL_THREAD, 'Enter on Insert');
  });

  it('a mouse click on Insert fills the composer without sending', async () => {
    const info = await suggestionFor(s, DAVE_THREAD, 'Did you see my last message?');
    await s.page.click('button.insert');
    await insertedWithoutSending(info, DAVE_THREAD, 'a click on Insert');
  });

  it('Dismiss removes the suggestion (logged); the bar is gone when the markup check fails', async () => {
    await suggestionFor(s, BOB_THREAD, 'Can we talk tomorrow?');
    await s.page.click('button.dismiss');
    await barGone(s.page, 'after Dismiss');
    await until('the dismissal to be logged', logged(s, 'cancelled', BOB_THREAD));
    const stored = (await s.readExtensionStore('suggestions')) as Array<{ threadId: string }>;
    expect(stored.map((row) => row.threadId)).not.toContain(BOB_THREAD);

    // The Alice suggestion is still stored (inserting is not sending): open her conversation again in a
    // fresh page, then break X.
    await s.page.reload();
    await s.page.waitFor(
      () => (window as unknown as { fakeX?: { ready(): boolean } }).fakeX?.ready(),
      undefined,
    );
    await s.fakeX.open(ALICE_THREAD);
    await barShown(s.page, 'again after a reload');
    await s.fakeX.breakMarkup();
    await barGone(s.page, 'when the markup check fails');
  });
});
