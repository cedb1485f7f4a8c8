import { ACTIVE_STATES, leaseIsLive } from '../core/job-lifecycle.ts';
import type { SendJob } from '../core/types.ts';
import type { AdapterStatusRecord } from '../messaging/detection.ts';
import type { RunJob, RunJobAnswer } from '../messaging/sending.ts';
import type { AwayDb } from '../storage/db.ts';
import { cancelWithoutConsent, expireJobs, listJobs, releaseLease, takeLease } from '../storage/jobs.ts';
import { type Environment, getSettings } from '../storage/settings.ts';
import { PREP_MS } from './send-config.ts';
import { type TabInfo, usableTabs } from './tab-choice.ts';

export interface DispatchDeps {
  db: AwayDb;
  env: Environment;
  now(): number;
  chatTabs(): Promise<TabInfo[]>;
  statuses(): Promise<AdapterStatusRecord[]>;
  /** The pinned chat tab the extension keeps for auto mode, if any. */
  preferredTab(): Promise<number | null>;
  /** Sends `runJob` to a tab's content script; throws when nothing answers there. */
  runJob(tabId: number, job: RunJob): Promise<RunJobAnswer>;
}

export interface DispatchResult {
  dispatched: { jobId: string; tabId: number }[];
  /** Due jobs left waiting for a usable tab. */
  waiting: number;
}

/** Jobs to hand out now: pending ones about to be due, and interrupted ones whose tab went away. */
function readyJobs(active: readonly SendJob[], now: number): SendJob[] {
  return active.filter(
    (job) => !leaseIsLive(job, now) && (job.state === 'typing' || job.dueAt - PREP_MS <= now),
  );
}

/** Tabs holding a live lease: each types one reply at a time. */
function busyTabs(active: readonly SendJob[], now: number): Set<number> {
  return new Set(active.filter((job) => leaseIsLive(job, now)).map((job) => job.leaseTabId as number));
}

function runJobPayload(job: SendJob, now: number): RunJob {
  return {
    jobId: job.id,
    threadId: job.threadId,
    text: job.text,
    chunks: job.timing.chunks.length > 0 ? job.timing.chunks : [job.text],
    keyDelaysMs: job.timing.keyDelaysMs,
    // A first attempt keeps the plan's moment even when handed out late (the tab catches up); a job typed
    // before (a reload) or put off starts a fresh plan from now.
    typingStartAt: job.attempts === 0 ? job.dueAt : Math.max(job.dueAt, now),
    seenOwnRows: job.seenOwnRows ?? null,
  };
}

/**
 * One pass of the job scheduler: cancels what consent no longer allows (away off or ended, a person
 * silenced or left out by the lists, also when another page such as an import changed that), expires
 * jobs past their deadline, then leases each ready job to the best free tab and sends it there. A tab that
 * refuses or does not answer is skipped for this pass and the lease is given back; jobs with no tab wait
 * for the next pass.
 */
export async function dispatchDue(deps: DispatchDeps): Promise<DispatchResult> {
  const { db } = deps;
  const now = deps.now();
  const result: DispatchResult = { dispatched: [], waiting: 0 };
  await cancelWithoutConsent(db, await getSettings(db, deps.env), now);
  await expireJobs(db, now);
  const active = await listJobs(db, ACTIVE_STATES);
  const jobs = readyJobs(active, now);
  if (jobs.length === 0) return result;

  const [tabs, statuses, preferred] = await Promise.all([
    deps.chatTabs(),
    deps.statuses(),
    deps.preferredTab(),
  ]);
  const unusable = busyTabs(active, now);
  for (const job of jobs) {
    let placed = false;
    for (const tabId of usableTabs(tabs, statuses, unusable, preferred)) {
      const leased = await takeLease(db, job.id, tabId, now);
      // Someone else (a racing pass) holds it now: it is taken care of.
      if (!leased) {
        placed = true;
        break;
      }
      let answer: RunJobAnswer | null = null;
      try {
        answer = await deps.runJob(tabId, runJobPayload(leased, now));
      } catch {
        answer = null;
      }
      unusable.add(tabId);
      if (answer?.accepted) {
        result.dispatched.push({ jobId: job.id, tabId });
        placed = true;
        break;
      }
      await releaseLease(db, job.id, tabId);
    }
    if (!placed) result.waiting++;
  }
  return result;
}
