import { describe, expect, it } from 'vitest';
import {
  awayReplyPattern,
  firstName,
  jobs,
  people,
  sentIn,
  threadWith,
  until,
  withExtensionPage,
} from './sending-helpers.ts';
import { freshSession, QUICK_TIMING } from './sending-session.ts';
import { closedAfter } from './support/closed-after.ts';
import type { Session } from './support/session.ts';

// "Answer in their language" end to end, with the browser's real on-device detector
// (`i18n.detectLanguage`): the starter rule gets a French template for French messages; a French DM is
// answered with it, an English DM with the rule's default (English) template.

const [CAMILLE, BOB] = people(2);
const CAMILLE_THREAD = threadWith(CAMILLE!);
const BOB_THREAD = threadWith(BOB!);
const FRENCH_ID = 'away-fr-e2e';
const FRENCH_BODY = 'Bonjour {first_name}, je suis absent en ce moment et je te réponds dès mon retour.';
// Long enough for the detector to call it reliable: very short texts often come back unreliable.
const FRENCH_DM =
  'Bonjour, je voulais savoir si tu serais disponible la semaine prochaine pour parler du projet ensemble.';
const ENGLISH_DM =
  'Hello, I wanted to know whether you would be available next week to talk about the project.';

/** Runs in an extension page: adds a French template and points the starter rule's French choice at it. */
async function addFrenchTemplate([dbName, id, body]: [string, string, string]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['rules', 'templates'], 'readwrite');
  tx.objectStore('templates').put({
    id,
    name: 'Absence',
    body,
    locale: 'fr',
    quickReply: false,
    position: 99,
  });
  const rules = tx.objectStore('rules');
  const rule = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const request = rules.get('away-default');
    request.onsuccess = () => resolve(request.result as Record<string, unknown>);
    request.onerror = () => reject(request.error);
  });
  rules.put({ ...rule, languageTemplates: { fr: id } });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** What the browser's detector says about a text, asked from an extension page. */
function detect(text: string): Promise<{ isReliable: boolean; languages: { language: string }[] }> {
  const g = globalThis as unknown as {
    browser?: { i18n: { detectLanguage(t: string): Promise<never> } };
    chrome: { i18n: { detectLanguage(t: string): Promise<never> } };
  };
  return (g.browser ?? g.chrome).i18n.detectLanguage(text);
}

/** Runs in the options page: opens "Try a message", types the text and runs it. */
async function tryMessage(text: string): Promise<void> {
  location.hash = '#dryRun';
  for (let i = 0; i < 100 && !document.querySelector('form textarea'); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const area = document.querySelector('form textarea') as HTMLTextAreaElement;
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 50));
  area.form?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
}

const keep = closedAfter<Session>();

describe.each(['chromium', 'firefox'] as const)('answering in their language in %s', (browser) => {
  it('a French DM gets the French template, an English DM the default one', async () => {
    const s = await freshSession(keep, {
      browser,
      people: [CAMILLE!, BOB!],
      setup: { mode: 'auto', ...QUICK_TIMING },
    });
    const detected = await withExtensionPage(s, async (page) => {
      await page.evaluate(addFrenchTemplate, ['away-for-x', FRENCH_ID, FRENCH_BODY] as [
        string,
        string,
        string,
      ]);
      return page.evaluate(detect, FRENCH_DM);
    });
    // The real detector of this browser, on the device.
    expect(detected).toMatchObject({ isReliable: true, languages: [{ language: 'fr' }] });

    await s.fakeX.receive({ thread: CAMILLE_THREAD, text: FRENCH_DM });
    const [french] = await until('the reply to the French DM', async () => {
      const sent = await sentIn(s, CAMILLE_THREAD);
      return sent.some((m) => m.status === 'sent') && sent;
    });
    expect(french!.text).toBe(
      `Bonjour ${firstName(CAMILLE!)}, je suis absent en ce moment et je te réponds dès mon retour.`,
    );

    await s.fakeX.receive({ thread: BOB_THREAD, text: ENGLISH_DM });
    const [english] = await until('the reply to the English DM', async () => {
      const sent = await sentIn(s, BOB_THREAD);
      return sent.some((m) => m.status === 'sent') && sent;
    });
    expect(english!.text).toMatch(awayReplyPattern(firstName(BOB!)));
    // X shows the row as sent a moment before the extension records its job as sent.
    await until('both jobs recorded as sent', async () =>
      (await jobs(s)).every((job) => job.state === 'sent'),
    );
    expect((await jobs(s)).map((job) => job.state)).toEqual(['sent', 'sent']);

    // Options → Try a message: the same detection, and the page says what it found and why.
    const explained = await withExtensionPage(s, async (page) => {
      await page.evaluate(tryMessage, FRENCH_DM);
      await page.waitFor(() => document.querySelector('.dry-run-language') !== null, undefined, 10_000);
      return page.evaluate(() => document.querySelector('.dry-run-language')?.textContent ?? '', undefined);
    });
    expect(explained).toBe(
      'Language detected: French. The detection is reliable and the rule has a template in this language. Template “Absence”.',
    );
    expect(s.externalRequests()).toEqual([]);
  });
});
