import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AdapterStatusStore, memoryArea, registerDetection } from '../../../src/background/detection.ts';
import { DmReporter } from '../../../src/content/report-port.ts';
import type { Timers } from '../../../src/content/timers.ts';
import { createRng } from '../../../src/core/rng.ts';
import type { IncomingDm } from '../../../src/core/types.ts';
import { DETECTION_PORT } from '../../../src/messaging/detection.ts';
import { MessageRouter } from '../../../src/messaging/router.ts';
import { openDb } from '../../../src/storage/db.ts';
import { fakeRuntime } from '../support/fake-ports.ts';

// The page's reporter and the worker's port handler together, with the worker stopped at random moments
// (before, while and after it stores a batch): every DM ends up stored exactly once, and decided once.

const OWN_ID = 'away-for-x';

const dm = (n: number): IncomingDm => ({
  messageId: `uuid-${n}`,
  threadId: `1-${100 + (n % 7)}`,
  threadKind: 'direct',
  senderId: '',
  senderHandle: `p${n % 7}`,
  senderName: `Person ${n % 7}`,
  text: `message ${n}`,
  timeLabel: 'now',
  detectedAt: 1_000 + n,
  source: 'thread',
});

/**
 * The page's clock, moved by hand: the worker's storage runs on real time (fake IndexedDB), so the page's
 * waits (post gap, retries, acknowledgement timeout) are stepped explicitly between real pauses.
 */
function pageClock() {
  let now = 0;
  let nextId = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    setTimeout: (run, ms) => {
      due.set(++nextId, { at: now + ms, run });
      return nextId;
    },
    clearTimeout: (id) => {
      due.delete(id as number);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      due.delete(next[0]);
      now = next[1].at;
      next[1].run();
    }
    now = end;
  };
  return { timers, now: () => now, advance };
}

/** Lets the worker (real promises and fake IndexedDB's real tasks) get on with its work. */
const realPause = (ms = 1) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DMs from page to storage across worker restarts', () => {
  it.each([1, 2, 3])('stores each DM once, none lost (seed %i)', async (seed) => {
    const db = openDb(`report-delivery-${seed}`, { indexedDB, IDBKeyRange });
    const runtime = fakeRuntime(DETECTION_PORT, OWN_ID);
    const decided: string[] = [];
    registerDetection(new MessageRouter(OWN_ID), {
      db: () => db,
      statuses: new AdapterStatusStore(memoryArea(), Date.now),
      onNewDm: async (d) => {
        decided.push(d.messageId);
      },
      ports: { onConnect: runtime.onConnect, ownId: OWN_ID },
      ackDelayMs: 0,
    });
    const clock = pageClock();
    const reporter = new DmReporter({
      connect: () => runtime.connect(),
      timers: clock.timers,
      now: clock.now,
      onGone: () => {
        throw new Error('the context is not gone in this test');
      },
    });
    const random = createRng(seed);
    const reported: string[] = [];
    const report = (d: IncomingDm) => {
      reported.push(d.messageId);
      reporter.report(d);
    };
    for (let n = 0; n < 60; n++) {
      report(dm(n));
      if (random() < 0.5) report(dm(n + 1000));
      // Sometimes within the same task, sometimes after the worker had time to store or acknowledge.
      clock.advance(Math.floor(random() * 400));
      if (random() < 0.5) await realPause();
      if (random() < 0.15) runtime.stopWorker();
    }
    for (let i = 0; i < 200 && reporter.unacknowledged > 0; i++) {
      clock.advance(500);
      await realPause(5);
    }
    expect(reporter.unacknowledged).toBe(0);
    const stored = (await db.incoming.toArray()).map((row) => row.messageId).sort();
    expect(new Set(stored).size).toBe(stored.length);
    expect(stored).toEqual(reported.sort());
    expect(decided.sort()).toEqual(stored);
    // The worker was really stopped with batches in flight: some were posted more than once.
    expect(runtime.pagePorts.length).toBeGreaterThan(1);
    const posts = runtime.pagePorts.flatMap((port) => port.posted as { dms: unknown[] }[]);
    expect(posts.reduce((sum, post) => sum + post.dms.length, 0)).toBeGreaterThan(reported.length);
  });
});
