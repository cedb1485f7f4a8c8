import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ME } from '../fixtures/fake-x/src/api.ts';
import { closedAfter } from './support/closed-after.ts';
import { EXTENSION_DB, readStoreInPage } from './support/read-store.ts';
import { openSession, type Session, type SessionPage } from './support/session.ts';
import { badgeTitleIs, xTabReady } from './ui-pages.ts';

// The first run, as a new user meets it, in both browsers: installing opens the welcome page in the
// browser's language; it reads the signed-in handle from the X tab (the fake X, through the adapter),
// everything is done from the keyboard, automatic sending needs the acknowledgement, and finishing
// stores the answers without switching anything on.

type Bundle = Record<string, { message: string }>;
const en = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
) as Bundle;
const text = (key: string) => en[key]!.message;

const activeText = (page: SessionPage) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLInputElement | null;
    return active?.labels?.[0]?.textContent ?? active?.textContent ?? '';
  }, undefined);

/** Tabs (forwards or back) until the focused control reads `wanted` (its label, or its own text). */
async function focusOn(page: SessionPage, wanted: string, back = false): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await activeText(page)).startsWith(wanted)) return;
    await page.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached “${wanted}” (at “${await activeText(page)}”)`);
}

const bodyHas = (page: SessionPage, wanted: string) =>
  page.waitFor((w) => document.body.textContent?.includes(w), wanted, 10_000);

/** Read in the welcome page itself (same origin as the database), so no other tab takes the focus. */
const stored = async <T>(page: SessionPage, store: string) =>
  (await page.evaluate(readStoreInPage, [EXTENSION_DB, store] as [string, string])) as T[];

describe.each(['chromium', 'firefox'] as const)('the welcome page in %s', (browser) => {
  let s: Session;
  const keep = closedAfter<Session>(afterAll);

  beforeAll(async () => {
    s = keep(await openSession({ browser, welcome: 'keep' }));
  });

  it('opens on install, is filled from the X tab, and finishing switches nothing on', async () => {
    const page = await s.welcomePage();
    await page.waitFor(
      (title) => document.querySelector('h1')?.textContent === title,
      text('welcomeTitle'),
      15_000,
    );
    expect(await page.evaluate(() => document.documentElement.lang, undefined)).toBe('en');
    await bodyHas(page, 'This reply would be suggested (you send it yourself):');

    // It opened with the install, before the X tab had loaded: asked again now, the tab answers.
    await xTabReady(page);
    await focusOn(page, text('welcomeReadX'));
    await page.press('Enter');
    await bodyHas(page, `Found @${DEFAULT_ME.handle} in your X tab.`);
    expect(
      await page.evaluate(
        () => (document.querySelector('.handle-input') as HTMLInputElement).value,
        undefined,
      ),
    ).toBe(`@${DEFAULT_ME.handle}`);

    await focusOn(page, text('profileName'), true);
    await page.type('Jo Away');

    // Step 2, the short starting text (arrows move within the radio group).
    await focusOn(page, text('welcomeStartStandard'));
    await page.press('ArrowRight');
    await page.press('ArrowRight');
    await page.waitFor(
      (short) => (document.querySelector('textarea') as HTMLTextAreaElement).value === short,
      text('welcomeTextShort'),
    );

    // Step 3: automatic shows the warning and cannot be finished without the acknowledgement.
    await focusOn(page, text('welcomeModeSuggest'));
    await page.press('ArrowDown');
    await bodyHas(page, text('autoWarningTitle'));
    await focusOn(page, text('welcomeFinish'));
    await page.press('Enter');
    await bodyHas(page, text('welcomeAckNeeded'));
    expect((await stored<{ value: { myName: string } }>(page, 'settings'))[0]?.value.myName).toBe('');

    await focusOn(page, text('welcomeModeAuto'), true);
    await page.press('ArrowUp');
    await focusOn(page, text('welcomeFinish'));
    await page.press('Enter');
    await page.waitFor(
      (done) => document.activeElement?.textContent === done,
      text('welcomeDoneTitle'),
      10_000,
    );

    const [settings] = await stored<{
      value: {
        myName: string;
        myHandle: string;
        autoSendAcknowledged: boolean;
        schedule: { awayEnabled: boolean };
      };
    }>(page, 'settings');
    expect(settings?.value).toMatchObject({
      myName: 'Jo Away',
      myHandle: DEFAULT_ME.handle,
      autoSendAcknowledged: false,
      schedule: { awayEnabled: false },
    });
    const templates = await stored<{ id: string; body: string }>(page, 'templates');
    expect(templates.find((t) => t.id === 'away-en')?.body).toBe(text('welcomeTextShort'));
    const rules = await stored<{ templateId: string; mode: string }>(page, 'rules');
    expect(rules.map((rule) => [rule.templateId, rule.mode])).toEqual([['away-en', 'suggest']]);
    await badgeTitleIs(page, 'Away for X — Not away');
    expect(s.externalRequests()).toEqual([]);
  });
});
