import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstName, pause, people, seedWith, sentIn, threadWith, until } from './sending-helpers.ts';
import { openSession, type Session, type SessionPage } from './support/session.ts';
import { popupSays, tabUntil, xTabReady } from './ui-pages.ts';

// Quick replies end to end in Chromium: the fake X is open on a conversation, the popup is open in a tab
// of its own (so the active tab is the popup, and it works with the X tab used last), a reply is picked
// with the keyboard and lands in X's composer; nothing goes out until the user presses send.

const [ALICE] = people(1);
const THREAD = threadWith(ALICE!);
const FIRST = firstName(ALICE!);

let s: Session;

beforeAll(async () => {
  s = await openSession({ browser: 'chromium', state: seedWith([ALICE!]), path: `/i/chat/${THREAD}` });
});

afterAll(async () => {
  await s?.close();
});

const optionTexts = (popup: SessionPage) =>
  popup.evaluate(
    () => [...document.querySelectorAll('[role="option"]')].map((option) => option.textContent ?? ''),
    undefined,
  );

const selectedText = (popup: SessionPage) =>
  popup.evaluate(
    () => document.querySelector('[role="option"][aria-selected="true"]')?.textContent,
    undefined,
  );

describe('quick replies from the popup', () => {
  it('fills in the contact, inserts the one chosen with the keyboard, and sends only on the user’s click', async () => {
    const popup = await s.extensionPage('src/popup/index.html');
    // The X tab answers once its content script has attached; the popup asks when it opens.
    await xTabReady(popup);
    await popup.reload();
    await popup.waitFor(
      (name) => document.querySelector('#thread-title')?.textContent === `Conversation with ${name}`,
      `${ALICE!.name} (@${ALICE!.handle})`,
      10_000,
    );

    const texts = await until('the quick replies', async () => {
      const list = await optionTexts(popup);
      return list.length > 0 && list;
    });
    // A new English profile's quick replies: each option is the template's name, then its text.
    const thanks = texts.findIndex((text) => text.startsWith('Thanks'));
    expect(texts[thanks]).toMatch(new RegExp(`^Thanks(Thanks|Thank you) ${FIRST}!$`));
    const reply = texts[thanks]!.slice('Thanks'.length);
    expect(texts.find((text) => text.startsWith('Busy'))).toBe(
      "BusyCan't talk right now, I'll write back when I'm free.",
    );

    await tabUntil(
      popup,
      () => document.activeElement?.getAttribute('role') === 'combobox',
      'the quick reply search box',
    );
    for (let i = 0; i < thanks; i++) await popup.press('ArrowDown');
    expect(await selectedText(popup)).toBe(texts[thanks]);
    await popup.press('Enter');
    await popupSays(popup, 'Inserted in X: check it and press Send.');
    expect(await s.fakeX.composerState()).toBe(reply);

    // Inserting is not sending: nothing leaves until the send button is pressed.
    await pause(1000);
    expect(await s.fakeX.sent()).toEqual([]);
    await s.page.click('button[data-testid="dm-composer-send-button"]');
    const sent = await until('the message the user sent', async () => {
      const list = await sentIn(s, THREAD);
      return list.length > 0 && list;
    });
    expect(sent.map((message) => message.text)).toEqual([reply]);
    await pause(500);
    expect(await s.fakeX.sent()).toHaveLength(1);
    expect(s.externalRequests()).toEqual([]);
    await popup.close();
  });
});
