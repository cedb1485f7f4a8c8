import { awayStatus } from '../core/schedule.ts';
import type { JobFinished } from '../messaging/sending.ts';
import type { AwayDb } from '../storage/db.ts';
import { type Environment, getSettings } from '../storage/settings.ts';
import { releaseTabLeases, renewLease } from './job-lease.ts';
import { cancelActiveJobs, markStarted, recordFinished } from './job-outcome.ts';
import { LEASE_MS } from './send-config.ts';

/** What the answers to the typing tab need; the worker passes the browser's, tests their own. */
export interface JobAnswerDeps {
  db(): AwayDb;
  env(): Environment;
  now(): number;
  delay(ms: number): Promise<void>;
  /** A job changed: the job clock must look at its wake-up time again. */
  wake(): void;
}

/** Away is still on; when it ended by itself (its "until" passed), every active job is cancelled now. */
async function awayOn(deps: JobAnswerDeps): Promise<boolean> {
  const db = deps.db();
  const status = awayStatus((await getSettings(db, deps.env())).schedule, deps.now());
  if (status !== 'off' && status !== 'ended') return true;
  await cancelActiveJobs(db, deps.now());
  return false;
}

/** The tab still holds the job's lease (renewed until `until`) and the job is still to be sent. */
async function holds(deps: JobAnswerDeps, jobId: string, tabId: number | undefined, until: number) {
  return tabId !== undefined && (await renewLease(deps.db(), jobId, tabId, until)) !== null;
}

/** `jobPause`: waits for the tab, renewing its lease; `go: false` tells it to stop and clean up. */
export async function answerPause(
  deps: JobAnswerDeps,
  { jobId, waitMs, final }: { jobId: string; waitMs: number; final?: boolean | undefined },
  tabId: number | undefined,
): Promise<{ go: boolean }> {
  if (final) {
    // Right before send, every check first and then the (short) wait: the tab presses send the moment
    // the answer arrives, on the planned time rather than a few database reads later.
    const go = (await awayOn(deps)) && (await holds(deps, jobId, tabId, deps.now() + waitMs + LEASE_MS));
    await deps.delay(waitMs);
    return { go };
  }
  // One write before the wait covers it; the check after it is what makes the answer fresh.
  if (!(await holds(deps, jobId, tabId, deps.now() + waitMs + LEASE_MS))) return { go: false };
  await deps.delay(waitMs);
  return { go: await holds(deps, jobId, tabId, deps.now() + LEASE_MS) };
}

/** `jobStarted`: the go-ahead to type the first character. */
export async function answerStarted(
  deps: JobAnswerDeps,
  { jobId, ownRowsBefore }: { jobId: string; ownRowsBefore: string[] },
  tabId: number | undefined,
): Promise<{ go: boolean }> {
  if (tabId === undefined || !(await awayOn(deps))) return { go: false };
  return { go: await markStarted(deps.db(), jobId, tabId, ownRowsBefore, deps.now()) };
}

/** `jobFinished`: how the tab's attempt ended. */
export async function answerFinished(
  deps: JobAnswerDeps,
  report: JobFinished,
  tabId: number | undefined,
): Promise<{ recorded: boolean }> {
  const recorded = await recordFinished(deps.db(), report, tabId ?? -1, deps.now());
  deps.wake();
  return { recorded };
}

/** `typerReady`: a page (re)started in this tab and runs nothing, so its leases can go to others now. */
export async function answerTyperReady(deps: JobAnswerDeps, tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  if ((await releaseTabLeases(deps.db(), tabId)) > 0) deps.wake();
}
