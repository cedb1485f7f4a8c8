import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DB, readStoreInPage } from './support/read-store.ts';
import { openSession, type Session, type SessionPage } from './support/session.ts';
import { badgeTitleIs, popupSays, tabUntil, xTabReady } from './ui-pages.ts';

// A smoke test of the popup in Firefox (the cockpit's full tests run in Chromium): it renders, finds the
// X tab while open in a tab of its own, and its Away switch toggles from the keyboard and is stored.

const POPUP = 'src/popup/index.html';

let s: Session;

beforeAll(async () => {
  s = await openSession({ browser: 'firefox' });
});

afterAll(async () => {
  await s?.close();
});

const switchIs = (popup: SessionPage, checked: 'true' | 'false') =>
  popup.waitFor(
    (want) => document.querySelector('[role="switch"]')?.getAttribute('aria-checked') === want,
    checked,
    10_000,
  );

/** Read in the popup itself (same origin as the worker's database), so no other tab takes the focus. */
async function storedAwayEnabled(popup: SessionPage): Promise<unknown> {
  const rows = await popup.evaluate(readStoreInPage, [EXTENSION_DB, 'settings'] as [string, string]);
  return (rows as Array<{ value: { schedule: { awayEnabled: boolean } } }>)[0]?.value.schedule.awayEnabled;
}

describe('the popup in Firefox', () => {
  it('renders, answers for the X tab, and stores the Away switch toggled from the keyboard', async () => {
    const first = await s.extensionPage(POPUP);
    await xTabReady(first);
    // Opened again now that the X tab answers (Puppeteer cannot reload a moz-extension page). The popup
    // is the active tab then: it must find the X tab by itself.
    await first.close();
    const popup = await s.extensionPage(POPUP);
    await popupSays(popup, 'Open a conversation in the X tab first.');
    expect(await popup.evaluate(() => document.querySelector('h1')?.textContent, undefined)).toBe(
      'Away for X',
    );
    expect(
      await popup.evaluate(() => document.querySelector('[role="switch"]')?.textContent, undefined),
    ).toBe('Away mode');
    await switchIs(popup, 'false');
    await badgeTitleIs(popup, 'Away for X — Not away');

    // Space by its character: Puppeteer's WebDriver BiDi keyboard has no "Space" key name.
    await tabUntil(popup, () => document.activeElement?.getAttribute('role') === 'switch', 'the away switch');
    await popup.press(' ');
    await switchIs(popup, 'true');
    await badgeTitleIs(popup, 'Away for X — Away');
    expect(await storedAwayEnabled(popup)).toBe(true);

    await popup.press(' ');
    await switchIs(popup, 'false');
    expect(await storedAwayEnabled(popup)).toBe(false);
    expect(s.externalRequests()).toEqual([]);
    await popup.close();
  });
});
