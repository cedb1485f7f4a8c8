import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awayReplyPattern, firstName, people, sentIn, threadWith, until } from './sending-helpers.ts';
import { freshSession, QUICK_TIMING } from './sending-session.ts';
import { barGone, barShown, logged } from './suggestion-bar-pages.ts';
import { closedAfter } from './support/closed-after.ts';
import type { Session } from './support/session.ts';

// The suggestion bar in Firefox (the e2e build, `npm run build:e2e`), on the fake X in X's Dim theme:
// next to the composer, Insert from the keyboard without sending, Dismiss by click, gone when the
// markup check fails.

const [ALICE, BOB] = people(2);
const ALICE_THREAD = threadWith(ALICE!);
const BOB_THREAD = threadWith(BOB!);

let s: Session;
const keep = closedAfter<Session>(afterAll);

beforeAll(async () => {
  s = await freshSession(keep, {
    browser: 'firefox',
    people: [ALICE!, BOB!],
    setup: { mode: 'suggest', ...QUICK_TIMING },
    config: { theme: 'dim' },
  });
});

async function suggestionFor(thread: string, text: string) {
  await s.fakeX.open(thread);
  await s.fakeX.receive({ thread, text });
  await until('the suggestion to be stored', logged(s, 'suggested', thread));
  return barShown(s.page, `for ${thread}`);
}

describe('the suggestion bar in Firefox', () => {
  it('sits right above the composer in X’s dark theme and sends nothing by itself', async () => {
    const info = await suggestionFor(ALICE_THREAD, 'Hello, are you around this week?');
    expect(info.text).toMatch(awayReplyPattern(firstName(ALICE!)));
    expect(info.away).toBe('Away for X is on');
    expect(info.theme).toBe('dark');
    const { bar, composer } = info;
    expect(bar!.bottom).toBeLessThanOrEqual(composer!.top + 0.5);
    expect(composer!.top - bar!.bottom).toBeLessThanOrEqual(16);
    expect(Math.abs(bar!.left - composer!.left)).toBeLessThanOrEqual(1);

    expect(await sentIn(s, ALICE_THREAD)).toEqual([]);
  });

  it('Dismiss removes the suggestion (logged); the bar is gone when the markup check fails', async () => {
    await suggestionFor(BOB_THREAD, 'Can we talk tomorrow?');
    await s.page.click('button.dismiss');
    await barGone(s.page, 'after Dismiss');
    await until('the dismissal to be logged', logged(s, 'cancelled', BOB_THREAD));
    const stored = (await s.readExtensionStore('suggestions')) as Array<{ threadId: string }>;
    expect(stored.map((row) => row.threadId)).not.toContain(BOB_THREAD);

    // The Alice suggestion is still stored: open her conversation again in a fresh page, then break X.
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
