import type { CDPSession, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type BenchBrowser, launchBench } from '../../bench/browser.ts';
import type { FakeXApi, Seed } from '../fixtures/fake-x/src/api.ts';
import { EXTENSION_DB, readStoreInPage } from './support/read-store.ts';

// Detected DMs travel to the worker on a long-lived port. Chromium stops an idle MV3 worker, which breaks
// the port: the next DM must reconnect, and a DM posted just as the worker stops must still be stored,
// each exactly once.

const ALICE_THREAD = '1000-2000';
const seed: Seed = {
  threads: [
    {
      with: [{ id: '2000', handle: 'alice', name: 'Alice Martin' }],
      history: [{ from: 'alice', text: 'Hi' }],
    },
  ],
};

type FakeWindow = Window & { fakeX: FakeXApi };

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What the worker stored, read from an extension page (the worker itself may be stopped). */
async function stored(b: BenchBrowser): Promise<{ messageId: string; text: string }[]> {
  const page = await b.context.newPage();
  try {
    await page.goto(`chrome-extension://${b.extensionId}/src/options/index.html`);
    return (await page.evaluate(readStoreInPage, [EXTENSION_DB, 'incoming'] as [string, string])) as {
      messageId: string;
      text: string;
    }[];
  } finally {
    await page.close();
  }
}

async function stopWorker(cdp: CDPSession): Promise<void> {
  let stopped = false;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    if (versions.some((v) => v.runningStatus === 'stopped')) stopped = true;
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await until('the service worker to stop', async () => stopped, 5_000);
}

const receive = (page: Page, text: string) =>
  page.evaluate(([thread, t]) => (window as unknown as FakeWindow).fakeX.receive({ thread, text: t }), [
    ALICE_THREAD,
    text,
  ] as const);

let browser: BenchBrowser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

describe('detection in chromium when the worker stops', () => {
  it('reconnects at the next DM, and a DM posted as the worker stops is stored once', async () => {
    const b = await launchBench({ extension: true, config: { seed, churnPerSecond: 0 }, initScripts: [] });
    browser = b;
    await b.page.goto(`https://x.com/i/chat/${ALICE_THREAD}`);
    await b.page.waitForFunction(() => (window as unknown as FakeWindow).fakeX?.ready());
    // The content script takes what is on screen as history once it is attached; give it that moment.
    await b.page.waitForTimeout(1500);
    const first = await receive(b.page, 'before the stop');
    await until('the first DM', async () => (await stored(b)).some((dm) => dm.messageId === first));

    const cdp = await b.context.newCDPSession(b.page);
    await stopWorker(cdp);
    const second = await receive(b.page, 'after the stop');
    await until('the DM after the stop', async () => (await stored(b)).some((dm) => dm.messageId === second));

    // Stopped right after the DM was shown: the post may be lost with the worker, never the DM.
    const third = await receive(b.page, 'as it stops');
    await stopWorker(cdp);
    await until('the DM sent as the worker stopped', async () =>
      (await stored(b)).some((dm) => dm.messageId === third),
    );
    const all = await stored(b);
    expect(all.map((dm) => dm.text).sort()).toEqual(['after the stop', 'as it stops', 'before the stop']);
  });
});
