import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_BAR_WIDTH_PX } from '../../src/content/bar-position.ts';
import { awayReplyPattern, firstName, pause, people, sentIn, threadWith, until } from './sending-helpers.ts';
import { freshSession, QUICK_TIMING } from './sending-session.ts';
import {
  type BarInfo,
  barAxe,
  barFocus,
  barGone,
  focusComposer,
  logged,
  readBar,
  suggestionFor,
} from './suggestion-bar-pages.ts';
import { closedAfter } from './support/closed-after.ts';
import type { Session } from './support/session.ts';
import { tabUntil } from './ui-pages.ts';

// The suggestion bar in X's page, in Chromium with the built extension on the fake X: suggest mode, away
// on. A DM in the open conversation gets a suggestion; the bar offers it right above the message box.

const [ALICE, BOB, CAROL] = people(3);
const ALICE_THREAD = threadWith(ALICE!);
const BOB_THREAD = threadWith(BOB!);
const CAROL_THREAD = threadWith(CAROL!);

let s: Session;
const keep = closedAfter<Session>(afterAll);

beforeAll(async () => {
  s = await freshSession(keep, {
    people: [ALICE!, BOB!, CAROL!],
    setup: { mode: 'suggest', ...QUICK_TIMING },
  });
});

/**
 * Right above the composer: its bottom edge a few pixels over the composer's top, starting where it starts,
 * as wide or at least MIN_BAR_WIDTH_PX (the window is wide enough here), no overlap.
 */
function expectAboveComposer(info: BarInfo): void {
  const { bar, composer } = info;
  expect(bar).not.toBeNull();
  expect(composer).not.toBeNull();
  expect(bar!.bottom).toBeLessThanOrEqual(composer!.top + 0.5);
  expect(composer!.top - bar!.bottom).toBeLessThanOrEqual(16);
  expect(Math.abs(bar!.left - composer!.left)).toBeLessThanOrEqual(1);
  const right = Math.max(composer!.right, composer!.left + MIN_BAR_WIDTH_PX);
  expect(Math.abs(bar!.right - right)).toBeLessThanOrEqual(1);
  expect(bar!.bottom - bar!.top).toBeGreaterThan(10);
}

describe('the suggestion bar in Chromium', () => {
  it('appears right above the composer, follows it, is reached with Tab, and Insert fills the composer without sending', async () => {
    const info = await suggestionFor(s, ALICE_THREAD, 'Hello, are you around this week?');
    expect(info.text).toMatch(awayReplyPattern(firstName(ALICE!)));
    expect(info.away).toBe('Away for X is on');
    expect([info.insert, info.dismiss]).toEqual(['Insert', 'Dismiss']);
    expect(info.theme).toBe('light');
    expectAboveComposer(info);

    // X's message box grows as the user writes several lines, and the page scrolls: the bar stays right
    // above the box, never over it.
    const grown = await s.page.evaluate(() => {
      const embed = document.querySelector('[data-testid="xchatEmbedRoute"]');
      const textarea = (embed?.shadowRoot ?? document).querySelector<HTMLTextAreaElement>(
        'textarea[data-testid="dm-composer-textarea"]',
      );
      if (!textarea) return false;
      textarea.style.height = `${textarea.getBoundingClientRect().height + 80}px`;
      document.body.style.paddingBottom = '1200px';
      // A little: the bar hides (rather than cover the text) when no room is left above the box.
      window.scrollBy(0, 40);
      return window.scrollY > 0;
    }, undefined);
    expect(grown).toBe(true);
    const moved = await until('the bar to follow the composer', async () => {
      const now = await s.page.evaluate(readBar, undefined);
      return (
        now.composer!.top !== info.composer!.top &&
        now.bar !== null &&
        now.bar.bottom !== info.bar!.bottom &&
        now
      );
    }).catch(async (error: Error) => {
      const now = await s.page.evaluate(readBar, undefined);
      throw new Error(`${error.message}; before ${JSON.stringify(info)}, now ${JSON.stringify(now)}`);
    });
    expectAboveComposer(moved);
    await s.page.evaluate(() => {
      document.body.style.paddingBottom = '';
      window.scrollTo(0, 0);
    }, undefined);

    expect(await s.page.evaluate(focusComposer, undefined)).toBe(true);
    await tabUntil(
      s.page,
      () => {
        const host = document.getElementById('afx-suggestion-bar');
        return document.activeElement === host && host?.shadowRoot?.activeElement?.textContent === 'Insert';
      },
      'the bar’s Insert button',
    );
    // The focus ring is visible (the browser draws :focus-visible after a Tab).
    const ring = await s.page.evaluate(() => {
      const button = document.getElementById('afx-suggestion-bar')?.shadowRoot?.activeElement;
      return button ? getComputedStyle(button).outlineStyle : '';
    }, undefined);
    expect(ring).toBe('solid');
    await s.page.press('Enter');
    await until('the text in the composer', async () => (await s.fakeX.composerState()) === info.text);
    await barGone(s.page, 'after Insert');
    // Inserting is not sending.
    await pause(1000);
    expect(await sentIn(s, ALICE_THREAD)).toEqual([]);
    // The suggestion stays listed in the popup.
    const stored = (await s.readExtensionStore('suggestions')) as Array<{ threadId: string }>;
    expect(stored.map((row) => row.threadId)).toContain(ALICE_THREAD);
  });

  it('Escape dismisses: the bar goes, the suggestion is removed through its owner and logged', async () => {
    await suggestionFor(s, BOB_THREAD, 'Can we talk tomorrow?');
    expect(await s.page.evaluate(focusComposer, undefined)).toBe(true);
    await tabUntil(
      s.page,
      () => document.getElementById('afx-suggestion-bar') === document.activeElement,
      'the bar',
    );
    expect(await s.page.evaluate(barFocus, undefined)).toBe('Insert');
    await s.page.press('Escape');
    await barGone(s.page, 'after Escape');
    const [cancelled] = await until('the dismissal to be logged', logged(s, 'cancelled', BOB_THREAD));
    expect(cancelled!.text).toMatch(awayReplyPattern(firstName(BOB!)));
    const stored = (await s.readExtensionStore('suggestions')) as Array<{ threadId: string }>;
    expect(stored.map((row) => row.threadId)).not.toContain(BOB_THREAD);
    // Nothing was typed or sent, and focus went back to where the user writes.
    expect(await s.fakeX.composerState()).toBe('');
    expect(await sentIn(s, BOB_THREAD)).toEqual([]);
  });

  it('follows X’s dark theme, passes axe-core, and is gone once X’s markup check fails', async () => {
    s.configure({ theme: 'lightsOut' });
    await s.page.reload();
    await s.page.waitFor(
      () => (window as unknown as { fakeX?: { ready(): boolean } }).fakeX?.ready(),
      undefined,
    );
    // The reloaded page's content script takes what is on screen as history first: let it attach.
    await s.fakeX.open(CAROL_THREAD);
    await pause(1500);
    const info = await suggestionFor(s, CAROL_THREAD, 'Are you free on Friday?');
    expect(info.theme).toBe('dark');
    const [r, g, b] = info.background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(150);
    expectAboveComposer(info);
    const axe = await barAxe(s.page);
    expect(axe.violations).toEqual([]);
    expect(axe.passes).toBeGreaterThan(3);

    // X renames its test ids: the adapter's check fails, and the bar must not stay over an unknown page.
    await s.fakeX.breakMarkup();
    await barGone(s.page, 'when the markup check fails');
    expect(s.externalRequests()).toEqual([]);
  });
});
