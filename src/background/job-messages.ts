import { LEASE_MS } from '../core/job-lifecycle.ts';
import type { JobFinished } from '../messaging/sending.ts';
import type { AwayDb } from '../storage/db.ts';
import {
  checkBeforeSend,
  markStarted,
  recordFinished,
  releaseTabLeases,
  renewLease,
} from '../storage/jobs.ts';
import { type Environment, getSettings } from '../storage/settings.ts';

/** How long before the planned send moment the last checks start: about what they take. */
export const FINAL_CHECK_LEAD_MS = 20;

/** What the answers to the typing tab need; the worker passes the browser's, tests their own. */
export interface JobAnswerDeps {
  db(): AwayDb;
  env(): Environment;
  now(): number;
  delay(ms: number): Promise<void>;
  /** A job changed: the job clock must look at its wake-up time again. */
  wake(): void;
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
    // Right before send: the lease covers the (short) wait, and the answer is given after it, from what
    // is stored at that moment (the job still typing in this tab, away on, the person not silenced nor
    // left out by the lists), so a cancel that lands during the wait is never sent.
    const sendAt = deps.now() + waitMs;
    if (!(await holds(deps, jobId, tabId, sendAt + LEASE_MS))) return { go: false };
    // The reads below take a few ms: started that much ahead, the answer lands on the planned moment.
    await deps.delay(Math.max(0, sendAt - FINAL_CHECK_LEAD_MS - deps.now()));
    const db = deps.db();
    const settings = await getSettings(db, deps.env());
    return { go: tabId !== undefined && (await checkBeforeSend(db, settings, jobId, tabId, deps.now())) };
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
  if (tabId === undefined) return { go: false };
  const db = deps.db();
  // Consent first (away on, the person not silenced nor left out by the lists): a job it no longer
  // allows is cancelled there and does not start.
  const settings = await getSettings(db, deps.env());
  return { go: await markStarted(db, jobId, tabId, ownRowsBefore, deps.now(), settings) };
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
