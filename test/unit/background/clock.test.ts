import { describe, expect, it } from 'vitest';
import { type DispatchDeps, dispatchDue } from '../../../src/background/dispatcher.ts';
import { JOB_ALARM, JobClock, jobPass, nextWakeAt } from '../../../src/background/job-clock.ts';
import { PREP_MS, WAIT_FOR_TAB_MS } from '../../../src/background/send-config.ts';
import { LEASE_MS } from '../../../src/core/job-lifecycle.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { takeLease } from '../../../src/storage/jobs.ts';
import { freshDb } from '../support/fresh-db.ts';
import { Clock, ENV, scheduled, setUp } from '../support/sending.ts';

/** Browser alarms and timers for one worker "life"; the alarms outlive the worker, timers do not. */
class FakeAlarms {
  alarms = new Map<string, number>();
  create(name: string, info: { when: number }) {
    this.alarms.set(name, info.when);
  }
  async clear(name: string) {
    return this.alarms.delete(name);
  }
}

function worker(db: AwayDb, clock: Clock, alarms: FakeAlarms, sent: string[], passMs = 0) {
  const timers: { at: number; callback: () => void }[] = [];
  const dispatch: DispatchDeps = {
    db,
    env: ENV,
    now: clock.now,
    chatTabs: async () => [{ id: 1, url: 'https://x.com/i/chat', pinned: true, active: false }],
    statuses: async () => [
      { tabId: 1, at: 0, status: { ok: true, variant: 'shadow', missing: [], url: 'https://x.com/i/chat' } },
    ],
    preferredTab: async () => 1,
    runJob: async (_tab, job) => {
      sent.push(job.jobId);
      return { accepted: true };
    },
  };
  const jobClock = new JobClock({
    pass: () =>
      jobPass({
        db,
        now: clock.now,
        work: async () => {
          await dispatchDue(dispatch);
          // The pass takes time (database reads, messages to tabs): the clock moves on meanwhile.
          clock.advance(passMs);
        },
        retries: async () => [],
      }),
    alarms,
    setTimer: (callback, ms) => {
      const timer = { at: clock.now() + ms, callback };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      const i = timers.indexOf(handle as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
    now: clock.now,
  });
  return { jobClock, timers };
}

describe('when the worker wakes', () => {
  it('next wake: the next job to hand out, a lease ending, a deadline, a retry; waiting jobs look again soon', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    expect(await nextWakeAt(db, [], clock.now())).toBeNull();
    const job = await scheduled(db, clock);
    expect(await nextWakeAt(db, [], clock.now())).toBe(job.dueAt - PREP_MS);
    expect(
      await nextWakeAt(db, [{ threadId: 'g1', messageId: 'm', retryAt: clock.now() + 5 }], clock.now()),
    ).toBe(clock.now() + 5);
    clock.t = job.dueAt;
    expect(await nextWakeAt(db, [], clock.now())).toBe(clock.now() + WAIT_FOR_TAB_MS);
    await takeLease(db, job.id, 1, clock.now());
    expect(await nextWakeAt(db, [], clock.now())).toBe(clock.now() + LEASE_MS);
  });

  it('arms an alarm and a timer; a stopped worker is woken by the alarm and sends on time, once', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const alarms = new FakeAlarms();
    const sent: string[] = [];
    const first = worker(db, clock, alarms, sent);
    const job = await scheduled(db, clock);
    await first.jobClock.wake();
    expect(alarms.alarms.get(JOB_ALARM)).toBe(job.dueAt - PREP_MS);
    expect(first.timers.map((t) => t.at)).toEqual([job.dueAt - PREP_MS]);

    // The browser stops the worker: its timers are gone, the alarm stays. The alarm fires on time and the
    // new worker, knowing nothing, rebuilds everything from the database.
    clock.t = alarms.alarms.get(JOB_ALARM)!;
    const second = worker(db, clock, alarms, sent);
    await second.jobClock.wake();
    expect(sent).toEqual([job.id]);
    // The alarm now watches the lease; waking again changes nothing.
    expect(alarms.alarms.get(JOB_ALARM)).toBe(clock.now() + LEASE_MS);
    await second.jobClock.wake();
    await first.jobClock.wake();
    expect(sent).toEqual([job.id]);
  });

  it('a job that becomes ready while a pass runs is handed out right after it, not a wait-for-tab later', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const sent: string[] = [];
    const w = worker(db, clock, new FakeAlarms(), sent, 20);
    const job = await scheduled(db, clock);
    // The pass begins 5 ms before the job is to be handed out, and ends 15 ms after.
    clock.t = job.dueAt - PREP_MS - 5;
    await w.jobClock.wake();
    expect(sent).toEqual([]);
    // At once: its time came during the pass, which did not look at it.
    expect(w.timers.map((t) => t.at)).toEqual([clock.now()]);
    await w.timers[0]!.callback();
    await w.jobClock.wake();
    expect(sent).toEqual([job.id]);
  });

  it('a wake during a pass runs one more pass after it, never two at once', async () => {
    let running = 0;
    let passes = 0;
    const alarms = new FakeAlarms();
    const clock = new JobClock({
      pass: async () => {
        running++;
        expect(running).toBe(1);
        passes++;
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return null;
      },
      alarms,
      setTimer: () => null,
      clearTimer: () => undefined,
      now: () => 0,
    });
    await Promise.all([clock.wake(), clock.wake(), clock.wake()]);
    expect(passes).toBe(2);
    expect(alarms.alarms.size).toBe(0);
  });

  it('a pass that throws is tried again a few seconds later rather than never', async () => {
    const alarms = new FakeAlarms();
    const clock = new JobClock({
      pass: async () => {
        throw new Error('database closed');
      },
      alarms,
      setTimer: () => null,
      clearTimer: () => undefined,
      now: () => 1_000,
    });
    await clock.wake();
    expect(alarms.alarms.get(JOB_ALARM)).toBe(6_000);
  });
});
