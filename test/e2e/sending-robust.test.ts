import { appendFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Person, SentRecord } from '../fixtures/fake-x/src/api.ts';
import { launchSending, type SendingBrowser } from './sending-browser.ts';
import {
  awayReplyPattern,
  firstName,
  MANY_CAPS,
  pause,
  people,
  seedWith,
  threadWith,
  until,
} from './sending-helpers.ts';
import { fakeXReady } from './support/chromium-pages.ts';
import { closedAfter } from './support/closed-after.ts';

// Exactly once, in the right thread, whatever the browser does: two X tabs, a reload in the middle of
// typing, the service worker stopped while a job waits, the user opening another thread while we type.
// `npm run stress` runs the first three many times (AFX_STRESS_TRIALS) and reads the summary each case
// appends to AFX_STRESS_REPORT, written even when the case fails or breaks off.

const TRIALS = Math.max(1, Number(process.env.AFX_STRESS_TRIALS ?? 1));
/** Every trial writes to a new person, and a long stress run must never be capped. */
const MANY = MANY_CAPS;

/**
 * What one case did. A trial that throws (a reply never typed, a delay out of bounds) is counted as failed
 * with its reason, and the case goes on with the next trial, so the figures cover every trial; `finished`
 * stays false when the case itself broke off. The summary is written whatever happened.
 */
interface Tally {
  name: string;
  trials: number;
  doubleSends: number;
  wrongThreadSends: number;
  missing: number;
  failed: number;
  failures: string[];
  finished: boolean;
  ms: number;
}

function report(tally: Tally): void {
  const file = process.env.AFX_STRESS_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify(tally)}\n`);
}

/** Runs one case's trials; its summary goes to the report even when the case breaks off. */
async function runCase(name: string, trials: (tally: Tally) => Promise<void>): Promise<void> {
  const tally: Tally = {
    name,
    trials: 0,
    doubleSends: 0,
    wrongThreadSends: 0,
    missing: 0,
    failed: 0,
    failures: [],
    finished: false,
    ms: 0,
  };
  const started = Date.now();
  try {
    await trials(tally);
    tally.finished = true;
  } finally {
    tally.ms = Date.now() - started;
    report(tally);
  }
  expect(tally).toEqual({
    ...tally,
    trials: TRIALS,
    doubleSends: 0,
    wrongThreadSends: 0,
    missing: 0,
    failed: 0,
    failures: [],
  });
}

interface JobRow {
  threadId: string;
  state: string;
  text: string;
}

/** What the extension stored about one thread, for the reason of a failed trial. */
async function diagnosis(b: SendingBrowser, thread: string): Promise<string> {
  try {
    const rows = async (store: string) =>
      (await b.store<{ threadId: string }>(store)).filter((row) => row.threadId === thread);
    const jobs = (await rows('jobs')) as unknown as Record<string, unknown>[];
    const log = (await rows('activity')) as unknown as { kind: string; reason?: string }[];
    const seen = (await rows('incoming')).length;
    const job = jobs.map((j) => `${j.state}/${j.attempts}/${j.error ?? ''}/lease ${j.leaseTabId ?? '-'}`);
    return `seen ${seen}, jobs [${job.join(', ')}], log [${log.map((e) => `${e.kind}${e.reason ? `:${e.reason}` : ''}`).join(', ')}], page ${b.page.url()}`;
  } catch (error) {
    return `no diagnosis (${String(error)})`;
  }
}

const keep = closedAfter<SendingBrowser>();

/**
 * One DM from `person`, then `during` (which may disturb the browser), then waits for the reply to settle,
 * then `check`. Counts what went out during the trial: more than one message in the thread is a double
 * send, anything in another thread a wrong-thread send. A trial that throws is counted as failed.
 */
async function trial(
  b: SendingBrowser,
  tally: Tally,
  person: Person,
  steps: {
    during?: (thread: string) => Promise<void>;
    check?: (reply: SentRecord | undefined) => Promise<void>;
  } = {},
): Promise<void> {
  const thread = threadWith(person);
  tally.trials++;
  try {
    const before = new Set((await b.fakeX().sent()).map((m) => m.id));
    await b.fakeX().receive({ thread, text: `Hello, is this still available? (${person.handle})` });
    await steps.during?.(thread);
    await until(
      `the reply to ${person.handle}`,
      async () => (await b.fakeX().sent()).some((m) => m.thread === thread && m.status === 'sent'),
      30_000,
    ).catch(() => undefined);
    // Long enough for a second copy to show up if anything were to send one.
    await pause(1500);
    const fresh = (await b.fakeX().sent()).filter((m) => !before.has(m.id));
    const here = fresh.filter((m) => m.thread === thread);
    if (here.length > 1) tally.doubleSends++;
    if (here.length === 0) tally.missing++;
    tally.wrongThreadSends += fresh.length - here.length;
    await steps.check?.(here[0]);
  } catch (error) {
    tally.failed++;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    tally.failures.push(`trial ${tally.trials} (${person.handle}): ${reason}; ${await diagnosis(b, thread)}`);
  }
}

/** The composer of a page has text (the typer is typing). */
function typing(page: Page): Promise<boolean> {
  return page.evaluate(
    () => ((window as unknown as { fakeX: { composerState(): string } }).fakeX.composerState() ?? '') !== '',
  );
}

describe('exactly once, in the right thread', () => {
  it('two X tabs open: one reply', async () => {
    const friends = people(TRIALS, 100);
    const b = keep(await launchSending(seedWith(friends)));
    await b.newXPage('/i/chat');
    await b.configure({ mode: 'auto', minDelayMs: 300, maxDelayMs: 1200, ...MANY });
    await runCase('two tabs', async (tally) => {
      for (const person of friends) {
        await trial(b, tally, person, {
          check: async (reply) => {
            expect(reply?.text).toMatch(awayReplyPattern(firstName(person)));
          },
        });
      }
    });
  });

  it('the page reloads while the reply is being typed: one reply, no duplicated text', async () => {
    const friends = people(TRIALS, 200);
    const b = keep(await launchSending(seedWith(friends)));
    await b.configure({ mode: 'auto', minDelayMs: 2500, maxDelayMs: 4000, ...MANY });
    await runCase('reload while typing', async (tally) => {
      for (const person of friends) {
        await trial(b, tally, person, {
          during: async () => {
            await until('typing to start', () => typing(b.page), 15_000);
            await b.page.reload();
            await fakeXReady(b.page);
          },
          // Typed again from the start after the reload, never on top of what was typed before.
          check: async (reply) => {
            expect(reply?.text).toMatch(awayReplyPattern(firstName(person)));
            expect(await b.fakeX().composerState()).toBe('');
          },
        });
      }
    });
  });

  it('the service worker is stopped while a job waits: the reply still goes out once, on time', async () => {
    const friends = people(TRIALS, 300);
    const b = keep(await launchSending(seedWith(friends)));
    // A short reply types in about a second: most of the delay is waiting, with the job stored.
    const bounds = { minDelayMs: 5000, maxDelayMs: 7000 };
    await b.configure({ mode: 'auto', ...bounds, ...MANY, templateBody: 'Away!' });
    await runCase('worker stopped', async (tally) => {
      for (const person of friends) {
        let stoppedAt = 0;
        await trial(b, tally, person, {
          during: async (thread) => {
            await until('the job to be scheduled', async () =>
              (await b.store<JobRow>('jobs')).some(
                (job) => job.threadId === thread && job.state === 'pending',
              ),
            );
            await b.stopWorker();
            stoppedAt = Date.now();
            // Still waiting when the worker went away: only its alarm can bring the job back.
            const job = (await b.store<JobRow>('jobs')).find((j) => j.threadId === thread);
            expect(job?.state).toBe('pending');
          },
          check: async (reply) => {
            const seen = (await b.store<{ threadId: string; detectedAt: number }>('incoming')).find(
              (dm) => dm.threadId === threadWith(person),
            );
            expect(reply?.text).toBe('Away!');
            const delay = reply!.at - seen!.detectedAt;
            expect(delay).toBeGreaterThanOrEqual(bounds.minDelayMs);
            expect(delay).toBeLessThanOrEqual(bounds.maxDelayMs);
            expect(reply!.at).toBeGreaterThan(stoppedAt);
          },
        });
      }
    });
  });
});

describe('never the wrong thread', () => {
  it('the user opens another thread while we type: nothing lands there; the reply later lands in the right one', async () => {
    const [alice, bob] = people(2, 400);
    const b = keep(await launchSending(seedWith([alice!, bob!])));
    await b.configure({ mode: 'auto', minDelayMs: 2500, maxDelayMs: 4000, ...MANY });
    const aliceThread = threadWith(alice!);
    const bobThread = threadWith(bob!);
    await b.fakeX().receive({ thread: aliceThread, text: 'Are you there?' });
    await until('typing to start', () => typing(b.page), 15_000);
    // The user clicks Bob's conversation in the inbox, a real click.
    await b.page.locator(`[data-testid="dm-conversation-item-${bobThread.replace('-', ':')}"] a`).click();
    expect(b.page.url()).toBe(`https://x.com/i/chat/${bobThread}`);
    // For a while, Bob's composer stays empty and nothing is sent anywhere.
    for (let i = 0; i < 20; i++) {
      expect(await b.fakeX().composerState()).toBe('');
      await pause(100);
    }
    const reply = await until(
      'the reply in Alice’s thread',
      async () => (await b.fakeX().sent()).find((m) => m.thread === aliceThread && m.status === 'sent'),
      40_000,
    );
    expect(reply.text).toMatch(awayReplyPattern(firstName(alice!)));
    await pause(1500);
    const sent = await b.fakeX().sent();
    expect(
      sent.filter((m) => m.thread === bobThread && m.id !== undefined && m.text !== 'An old message'),
    ).toEqual([]);
    expect(sent.filter((m) => m.thread === aliceThread)).toHaveLength(1);
  });
});
