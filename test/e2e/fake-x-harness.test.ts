import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../scripts/manifest-for.ts';
import { closedAfter } from './support/closed-after.ts';
import { shownAsSentInPage } from './support/fake-x-rows.ts';
import { sampleSeed, THREADS } from './support/fake-x-seed.ts';
import { readStoreInPage } from './support/read-store.ts';
import { openSession, type Session, type SessionPage } from './support/session.ts';

// The harness in both browsers: the fake runs in Firefox too, and extension pages and storage are reachable.
const keep = closedAfter<Session>();

/** Creates a throwaway database in an extension page, then reads it back with the harness's reader. */
async function storageRoundTrip(page: SessionPage): Promise<unknown[]> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('afx-harness-check', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('items', { keyPath: 'id' });
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const tx = request.result.transaction('items', 'readwrite');
          tx.objectStore('items').put({ id: 1, text: 'kept' });
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
        };
      }),
    undefined,
  );
  return page.evaluate(readStoreInPage, ['afx-harness-check', 'items'] as [string, string]);
}

describe('Firefox', () => {
  it('runs the fake in a shadow root: typing, Enter, pending → sent, received rows', async () => {
    const s = keep(
      await openSession({
        browser: 'firefox',
        extension: false,
        state: sampleSeed(),
        config: { pendingMs: 100 },
      }),
    );
    await s.fakeX.open(THREADS.alice);
    expect(await s.page.url()).toBe(`https://x.com/i/chat/${THREADS.alice}`);
    await s.page.click('textarea[data-testid="dm-composer-textarea"]');
    await s.page.type('Bonjour');
    expect(await s.fakeX.composerState()).toBe('Bonjour');
    await s.page.press('Enter');
    const sent = (await s.fakeX.sent()).at(-1);
    expect(sent).toMatchObject({ thread: THREADS.alice, text: 'Bonjour' });
    await s.page.waitFor(shownAsSentInPage, sent?.id);
    const id = await s.fakeX.receive({ thread: THREADS.alice, text: 'Salut' });
    const side = await s.page.evaluate(
      (uuid) =>
        document
          .querySelector('[data-testid="xchatEmbedRoute"]')
          ?.shadowRoot?.querySelector(`[data-dm-message-row="${uuid}"]`)?.className,
      id,
    );
    expect(side).toContain('justify-start');
    expect(
      await s.page.evaluate(
        () =>
          fetch('https://example.com/').then(
            () => 'reached',
            () => 'blocked',
          ),
        undefined,
      ),
    ).toBe('blocked');
    expect(s.externalRequests()).toEqual([{ url: 'https://example.com/', source: 'page' }]);
  });

  it('installs the extension with a pinned UUID and reaches its pages and storage', async () => {
    const s = keep(await openSession({ browser: 'firefox', extension: true, state: sampleSeed() }));
    expect(s.extensionId).toMatch(/^[0-9a-f-]{36}$/);
    const page = await s.extensionPage('src/popup/index.html');
    const identity = await page.evaluate(
      () => ({
        origin: location.origin,
        id: (globalThis as unknown as { browser: { runtime: { id: string } } }).browser.runtime.id,
      }),
      undefined,
    );
    expect(identity).toEqual({ origin: `moz-extension://${s.extensionId}`, id: GECKO_ID });
    expect(await storageRoundTrip(page)).toEqual([{ id: 1, text: 'kept' }]);
    expect(Array.isArray(await s.readExtensionStore('no-such-store'))).toBe(true);
  });
});

describe('Chromium', () => {
  it('loads the extension, finds its id and reaches its pages and storage', async () => {
    const s = keep(await openSession({ browser: 'chromium', extension: true, state: sampleSeed() }));
    expect(s.extensionId).toMatch(/^[a-p]{32}$/);
    const page = await s.extensionPage('src/options/index.html');
    expect(await page.url()).toBe(`chrome-extension://${s.extensionId}/src/options/index.html`);
    expect(await storageRoundTrip(page)).toEqual([{ id: 1, text: 'kept' }]);
    expect(await s.readExtensionStore('no-such-store')).toEqual([]);
    expect(s.externalRequests()).toEqual([]);
  });
});
