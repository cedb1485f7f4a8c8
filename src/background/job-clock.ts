import { ACTIVE_STATES, leaseIsLive } from '../core/job-lifecycle.ts';
import type { AwayDb } from '../storage/db.ts';
import type { Retry } from './retries.ts';
import { PREP_MS, WAIT_FOR_TAB_MS } from './send-config.ts';

/**
 * When the worker must look at its jobs again: the next job to hand out, the end of a lease (its tab may
 * have died), a job's deadline, or a DM to decide again. `now` is when the pass that just ran began: a job
 * already due then found no tab in it, and is looked at again after WAIT_FOR_TAB_MS (or sooner, when a tab
 * reports its status).
 */
export async function nextWakeAt(db: AwayDb, retries: readonly Retry[], now: number): Promise<number | null> {
  // A time already past was handled by the pass that just ran (or could not be): never spin on it.
  const times: number[] = [];
  const at = (time: number) => times.push(time > now ? time : now + WAIT_FOR_TAB_MS);
  for (const retry of retries) at(retry.retryAt);
  for (const job of await db.jobs.where('state').anyOf(ACTIVE_STATES).toArray()) {
    if (job.expiresAt !== undefined) at(job.expiresAt);
    if (leaseIsLive(job, now)) at(job.leaseUntil as number);
    else if (job.state === 'pending') at(job.dueAt - PREP_MS);
    else at(now);
  }
  return times.length > 0 ? Math.min(...times) : null;
}

export interface PassDeps {
  db: AwayDb;
  now(): number;
  /** Everything a pass does: follow auto mode, decide due retries, hand out due jobs. */
  work(): Promise<unknown>;
  /** The retries still waiting once the work is done. */
  retries(): Promise<readonly Retry[]>;
}

/**
 * One pass of the worker, then when to come back. Times are judged against the moment the pass began:
 * a job or retry whose time came while the pass ran was not looked at, so it is looked at right away. (The
 * moment the pass ended would file it with the jobs the pass found waiting for a tab, and leave it
 * WAIT_FOR_TAB_MS: a reply due just as a DM was decided went out 15 s late.)
 */
export async function jobPass(deps: PassDeps): Promise<number | null> {
  const startedAt = deps.now();
  await deps.work();
  return nextWakeAt(deps.db, await deps.retries(), startedAt);
}

/** The part of `browser.alarms` the clock uses. */
export interface AlarmsLike {
  create(name: string, info: { when: number }): void | Promise<void>;
  clear(name: string): Promise<boolean>;
}

export interface ClockDeps {
  /** One pass over the jobs; returns when to come back (null: nothing to wait for). */
  pass(): Promise<number | null>;
  alarms: AlarmsLike;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  now(): number;
}

export const JOB_ALARM = 'send-jobs';

/**
 * Wakes the job pass at the right time, twice over: an alarm, which survives the worker being stopped
 * (Chrome and Firefox stop idle workers and event pages), and a timer, which is on time while the worker
 * lives (packed Chrome extensions get alarms no sooner than 30 s ahead). Passes never overlap: a wake
 * during a pass runs one more pass after it.
 */
export class JobClock {
  #running: Promise<void> | null = null;
  #again = false;
  #timer: unknown = null;

  constructor(private readonly deps: ClockDeps) {}

  wake(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      let next: number | null = null;
      try {
        next = await this.deps.pass();
      } catch (error) {
        console.error('Away for X: job pass failed', error);
        // Try again soon rather than never: the alarm keeps this alive across restarts.
        next = this.deps.now() + 5_000;
      }
      await this.#arm(next);
    } while (this.#again);
  }

  async #arm(at: number | null): Promise<void> {
    if (this.#timer !== null) this.deps.clearTimer(this.#timer);
    this.#timer = null;
    if (at === null) {
      await this.deps.alarms.clear(JOB_ALARM);
      return;
    }
    await this.deps.alarms.create(JOB_ALARM, { when: at });
    this.#timer = this.deps.setTimer(
      () => {
        this.#timer = null;
        void this.wake();
      },
      Math.max(0, at - this.deps.now()),
    );
  }
}
