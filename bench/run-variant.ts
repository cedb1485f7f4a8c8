import type { Worker } from 'playwright-core';
import { EXTENSION_DB, readStoreInPage } from '../test/e2e/support/read-store.ts';
import type { FakeXApi, ReceivedRecord } from '../test/fixtures/fake-x/src/api.ts';
import { launchBench } from './browser.ts';
import { BENCH, type VariantName } from './config.ts';
import type { Detection, PageClock, SentDm } from './latency.ts';
import { NAIVE_SCRIPT_URL, naiveScript } from './naive/detectors.ts';
import type { NaiveState } from './naive/full-scan.ts';
import { type BenchGlobal, countNodes, supportScripts } from './page-support.ts';
import type { CpuProfile } from './profile.ts';
import { dmPlan, heavySeed, OPEN_THREAD, type TimedDm } from './scenario.ts';

/** Everything one run of one variant observed, before any interpretation. */
export interface RawRun {
  variant: VariantName;
  nodes: number;
  sent: SentDm[];
  received: ReceivedRecord[];
  /** The variant's detector's sightings (none for the page without a detector). */
  detections: Detection[];
  clock: PageClock;
  /** Deltas of CDP Performance.getMetrics over the measured window, ms. */
  scriptMs: number;
  taskMs: number;
  profile: CpuProfile;
  markStartMs: number;
  longTasks: BenchGlobal['longTasks'];
  /** Matches the variant's own detector script in the profile; null for the page alone. */
  detectorUrl: ((url: string) => boolean) | null;
}

type BenchWindow = Window & { fakeX: FakeXApi; __afxBench: BenchGlobal; __afxNaive?: NaiveState };

/** `dist`: another build of the extension than dist/chrome (bench/top-frames.ts profiles an unminified one). */
export async function runVariant(variant: VariantName, options: { dist?: string } = {}): Promise<RawRun> {
  const naive = variant === 'naivePoll' || variant === 'naiveObserver' ? variant : null;
  const browser = await launchBench({
    ...options,
    extension: variant === 'extension',
    config: { churnPerSecond: BENCH.churnPerSecond, seed: heavySeed() },
    initScripts: [...supportScripts(BENCH.fillerCells), ...(naive ? [naiveScript(naive)] : [])],
  });
  try {
    const { page, cdp } = browser;
    await page.goto(`https://x.com/i/chat/${OPEN_THREAD}`);
    await page.waitForFunction(() => (window as unknown as BenchWindow).fakeX?.ready(), undefined, {
      timeout: 15_000,
    });
    const nodes = await page.evaluate(countNodes);
    const seen = detectionsReader(variant, browser.worker, page);
    if (browser.worker) await adapterReady(browser.worker);
    if (naive) await naiveReady(page);

    // Warm-up: code gets hot and the detector gets its baseline; the run only counts if it saw these.
    const warm = await drive(page, dmPlan(BENCH.warmupDms, 1000, 'Warm-up'));
    if (variant !== 'none')
      await waitUntil(async () => {
        const found = await seen();
        return warm.every((dm) => found.some((d) => d.messageId === dm.id || d.text === dm.text));
      }, `${variant}: the detector did not see the warm-up DMs`);

    // Thread CPU time rather than wall time: other processes on a 2-core machine add less noise.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: BENCH.samplingIntervalUs });
    await cdp.send('Profiler.start');
    const before = metrics(await cdp.send('Performance.getMetrics'));
    const markStartMs = await page.evaluate(() => (window as unknown as BenchWindow).__afxBench.mark());
    const sent = await drive(page, dmPlan(BENCH.dms, BENCH.windowMs, 'Bench'));
    // Room for the last sightings (the 1 s poll is the slowest); the same wait for every variant.
    await page.waitForTimeout(1100);
    const after = metrics(await cdp.send('Performance.getMetrics'));
    const { profile } = await cdp.send('Profiler.stop');

    const page$ = await page.evaluate(() => {
      const w = window as unknown as BenchWindow;
      return {
        received: w.fakeX.receivedLog(),
        longTasks: w.__afxBench.longTasks,
        clock: {
          timeOrigin: performance.timeOrigin,
          skewMs: Date.now() - performance.timeOrigin - performance.now(),
        },
      };
    });
    return {
      variant,
      nodes,
      sent,
      received: page$.received,
      detections: await seen(),
      clock: page$.clock,
      scriptMs: after.scriptMs - before.scriptMs,
      taskMs: after.taskMs - before.taskMs,
      profile: profile as CpuProfile,
      markStartMs,
      longTasks: page$.longTasks,
      detectorUrl: detectorMatcher(variant, browser.extensionId),
    };
  } finally {
    await browser.close();
  }
}

function detectorMatcher(variant: VariantName, extensionId: string | null): RawRun['detectorUrl'] {
  if (variant === 'extension') return (url) => url.startsWith(`chrome-extension://${extensionId}/`);
  if (variant === 'naivePoll' || variant === 'naiveObserver') {
    const own = NAIVE_SCRIPT_URL[variant];
    return (url) => url === own;
  }
  return null;
}

type Page = Awaited<ReturnType<typeof launchBench>>['page'];

/** Sends the plan from inside the page (no round trip per DM), returns each DM with its uuid. */
async function drive(page: Page, plan: TimedDm[]): Promise<SentDm[]> {
  const ids = await page.evaluate(async (dms) => {
    const fakeX = (window as unknown as BenchWindow).fakeX;
    const out: { id: string; doneAt: number }[] = [];
    for (const dm of dms) {
      await new Promise((resolve) => setTimeout(resolve, dm.delayMs));
      const id = fakeX.receive({ thread: dm.thread, text: dm.text });
      out.push({ id, doneAt: performance.now() });
    }
    return out;
  }, plan);
  return plan.map(({ delayMs: _delay, ...dm }, i) => {
    const result = ids[i];
    if (!result) throw new Error(`DM ${i} of the plan was not sent`);
    return { ...dm, ...result };
  });
}

/** The detector's sightings so far: the extension's stored DMs, or the naive script's list. */
function detectionsReader(
  variant: VariantName,
  worker: Worker | null,
  page: Page,
): () => Promise<Detection[]> {
  if (variant === 'extension') {
    if (!worker) throw new Error('The extension variant has no service worker.');
    return async () => {
      const rows = (await worker.evaluate(readStoreInPage, [EXTENSION_DB, 'incoming'] as [
        string,
        string,
      ])) as {
        messageId: string;
        threadId: string;
        text: string;
        detectedAt: number;
        source: string;
      }[];
      // Only sightings of a thread row carry X's uuid; inbox ones are matched by thread and preview.
      return rows.map((r) => ({
        messageId: r.source === 'thread' ? r.messageId : null,
        threadId: r.threadId,
        text: r.text,
        at: r.detectedAt,
      }));
    };
  }
  if (variant === 'none') return async () => [];
  return () =>
    page.evaluate(() => {
      const w = window as unknown as BenchWindow;
      const toEpoch = performance.timeOrigin + (Date.now() - performance.timeOrigin - performance.now());
      return (w.__afxNaive?.detections ?? []).map((d) => ({ ...d, at: d.at + toEpoch }));
    });
}

/**
 * The content script reports its adapter status (self-check ok) to the worker once it is attached to the
 * chat; messages that arrive before that are the baseline (history), so the bench waits for it.
 */
async function adapterReady(worker: Worker): Promise<void> {
  await waitUntil(async () => {
    const items = await worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<object> } } } }
      ).chrome.storage.session.get(null),
    );
    return Object.values(items).some((record: { status?: { ok?: boolean } }) => record.status?.ok === true);
  }, 'the extension never reported its adapter as ready on the fake chat');
}

/** The naive detectors' first scan is their baseline: wait for one scan of the rendered chat. */
async function naiveReady(page: Page): Promise<void> {
  const scans = () => page.evaluate(() => (window as unknown as BenchWindow).__afxNaive?.scans ?? 0);
  const atReady = await scans();
  await waitUntil(async () => (await scans()) > atReady, 'the naive detector never scanned the chat');
}

async function waitUntil(check: () => Promise<boolean>, failure: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The renderer main thread's script and task time so far (CDP reports seconds), in ms. */
function metrics(result: { metrics: { name: string; value: number }[] }): {
  scriptMs: number;
  taskMs: number;
} {
  const value = (name: string) => {
    const found = result.metrics.find((m) => m.name === name);
    if (!found) throw new Error(`Performance.getMetrics has no ${name}`);
    return found.value * 1000;
  };
  return { scriptMs: value('ScriptDuration'), taskMs: value('TaskDuration') };
}
