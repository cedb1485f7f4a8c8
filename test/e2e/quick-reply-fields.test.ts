import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pause, people, seedWith, sentIn, threadWith, until } from './sending-helpers.ts';
import { openSession, type Session, type SessionPage } from './support/session.ts';
import { popupSays, tabUntil, xTabReady } from './ui-pages.ts';

// A quick reply with two fields, end to end in Chromium: picked and filled from the keyboard alone
// (type, Tab, Enter), the filled text lands in X's composer and nothing is sent until the user does.

const [ALICE] = people(1);
const THREAD = threadWith(ALICE!);
const BODY = 'Your order {ask:Order number} ships {ask:Date|tomorrow}.';

let s: Session;

beforeAll(async () => {
  s = await openSession({ browser: 'chromium', state: seedWith([ALICE!]), path: `/i/chat/${THREAD}` });
});

afterAll(async () => {
  await s?.close();
});

/** Runs in an extension page once the worker has seeded: adds a quick reply with fields. */
async function addQuickReply([dbName, body]: [string, string]): Promise<void> {
  for (let i = 0; ; i++) {
    if ((await indexedDB.databases()).some((d) => d.name === dbName)) break;
    if (i > 100) throw new Error('no database');
    await new Promise((r) => setTimeout(r, 100));
  }
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction('templates', 'readwrite');
  tx.objectStore('templates').put({
    id: 'order-status',
    name: 'Order status',
    body,
    locale: 'en',
    quickReply: true,
    position: -1,
  });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

const focusedLabel = (popup: SessionPage) =>
  popup.evaluate(() => {
    const active = document.activeElement;
    return active?.id ? document.querySelector(`label[for="${active.id}"]`)?.textContent : null;
  }, undefined);

describe('a quick reply with fields', () => {
  it('asks for each field, filled from the keyboard, and inserts the filled text into the composer', async () => {
    const popup = await s.extensionPage('src/popup/index.html');
    await xTabReady(popup);
    await popup.evaluate(addQuickReply, ['away-for-x', BODY] as [string, string]);
    await popup.reload();
    await until('the quick reply with fields', () =>
      popup.evaluate(
        () =>
          [...document.querySelectorAll('[role="option"]')].some((o) =>
            o.textContent?.includes('[Order number]'),
          ),
        undefined,
      ),
    );
    await tabUntil(
      popup,
      () => document.activeElement?.getAttribute('role') === 'combobox',
      'the quick reply search box',
    );
    await popup.type('order status');
    await popup.press('Enter');

    await popup.waitFor(() => document.querySelector('form.quick-fields') !== null, undefined, 5_000);
    await until('the first field to have focus', async () => (await focusedLabel(popup)) === 'Order number');
    await popup.type('A-17');
    await popup.press('Tab');
    expect(await focusedLabel(popup)).toBe('Date');
    for (let i = 0; i < 'tomorrow'.length; i++) await popup.press('Backspace');
    await popup.type('Friday');
    await popup.press('Enter');

    await popupSays(popup, 'Inserted in X: check it and press Send.');
    expect(await s.fakeX.composerState()).toBe('Your order A-17 ships Friday.');
    await pause(1000);
    expect(await s.fakeX.sent()).toEqual([]);
    await s.page.click('button[data-testid="dm-composer-send-button"]');
    const sent = await until('the message the user sent', async () => {
      const list = await sentIn(s, THREAD);
      return list.length > 0 && list;
    });
    expect(sent.map((message) => message.text)).toEqual(['Your order A-17 ships Friday.']);
    expect(s.externalRequests()).toEqual([]);
    await popup.close();
  });
});
