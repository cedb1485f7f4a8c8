import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BenchBrowser, launchBench } from '../../bench/browser.ts';
import type { FakeXApi, Seed } from '../fixtures/fake-x/src/api.ts';
import { gotoX, readStoreFromPage, stopServiceWorkers } from './support/chromium-pages.ts';
import { closedAfter } from './support/closed-after.ts';
import { until } from './support/until.ts';

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

/** How long a DM may take from the page to the database, across a worker restart. */
const DETECTION_MS = 10_000;

/** What the worker stored, read from an extension page (the worker itself may be stopped). */
async function stored(b: BenchBrowser): Promise<{ messageId: string; text: string }[]> {
  if (!b.extensionId) throw new Error('The bench browser was launched without the extension.');
  return (await readStoreFromPage(b.context, b.extensionId, 'incoming')) as {
    messageId: string;
    text: string;
  }[];
}

/** Waits until a DM with this id is stored. */
const storedId = (b: BenchBrowser, what: string, id: string) =>
  until(what, async () => (await stored(b)).some((dm) => dm.messageId === id), DETECTION_MS);

const receive = (page: Page, text: string) =>
  page.evaluate(([thread, t]) => (window as unknown as FakeWindow).fakeX.receive({ thread, text: t }), [
    ALICE_THREAD,
    text,
  ] as const);

const keep = closedAfter<BenchBrowser>();

describe('detection in chromium when the worker stops', () => {
  it('reconnects at the next DM, and a DM posted as the worker stops is stored once', async () => {
    const b = keep(
      await launchBench({ extension: true, config: { seed, churnPerSecond: 0 }, initScripts: [] }),
    );
    await gotoX(b.page, `/i/chat/${ALICE_THREAD}`);
    // The content script takes what is on screen as history once it is attached; give it that moment.
    await b.page.waitForTimeout(1500);
    const first = await receive(b.page, 'before the stop');
    await storedId(b, 'the first DM', first);

    const cdp = await b.context.newCDPSession(b.page);
    await stopServiceWorkers(cdp);
    const second = await receive(b.page, 'after the stop');
    await storedId(b, 'the DM after the stop', second);

    // Stopped right after the DM was shown: the post may be lost with the worker, never the DM.
    const third = await receive(b.page, 'as it stops');
    await stopServiceWorkers(cdp);
    await storedId(b, 'the DM sent as the worker stopped', third);
    const all = await stored(b);
    expect(all.map((dm) => dm.text).sort()).toEqual(['after the stop', 'as it stops', 'before the stop']);
  });
});
