import { idOfKey, keyOfJob } from '../core/contact-key.ts';
import {
  ACTIVE_STATES,
  type AttemptReport,
  type CancelReason,
  type Consent,
  cancelStep,
  consentEnded,
  expireStep,
  finishStep,
  type JobStep,
  leased,
  releasedFrom,
  renewed,
  sendNowStep,
  sendVerdict,
  startStep,
} from '../core/job-lifecycle.ts';
import { answeredBy, type OwnMessage } from '../core/step-aside.ts';
import type { Contact, JobState, SendJob, Settings } from '../core/types.ts';
import { appendActivity } from './activity.ts';
import type { AwayDb } from './db.ts';
import { normalizeHandle } from './incoming.ts';
import { findContact } from './people.ts';
import type { LedgerEntry } from './rows.ts';
import { recordAutoReply } from './threads.ts';

/**
 * The one writer of send jobs and of the exactly-once ledger. Every change of a job goes through a step of
 * core/job-lifecycle.ts and is written here with its log entry (and ledger state) in one transaction, so
 * what the popup shows, what the log says and what the worker does always agree. Other modules only read
 * `db.jobs` and `db.ledger` (a test in test/unit/project/layout.test.ts keeps it so).
 */

/** Every table a job change touches: callers that wrap one in their own transaction include them all. */
export const jobTables = (db: AwayDb) => [db.jobs, db.ledger, db.activity, db.threads, db.people];

/** Writes one step: the job, its ledger state, the thread and contact a sent reply counts against, its log. */
async function write(db: AwayDb, step: JobStep, now: number): Promise<void> {
  const { job } = step;
  await db.jobs.put(job);
  if (step.ledger) {
    const entry = await db.ledger.get([job.threadId, job.messageId]);
    // Only the job holding the reservation settles it; a settled entry stays, so nothing reserves it again.
    if (entry?.jobId === job.id) await db.ledger.put({ ...entry, state: step.ledger, updatedAt: now });
  }
  if (job.state === 'sent' && job.sentAt !== undefined) {
    await recordAutoReply(db, job.threadId, job.contactHandle, job.sentAt, keyOfJob(job));
  }
  if (step.entry) await appendActivity(db, step.entry, now);
}

/** The next step of a job, or null when it has none; it may read the database (its contact). */
type Next = (job: SendJob) => JobStep | null | Promise<JobStep | null>;

/** Reads one job, applies `next` and writes its step, in one transaction; null when nothing changed. */
function change(db: AwayDb, jobId: string, now: number, next: Next): Promise<JobStep | null> {
  return db.transaction('rw', jobTables(db), async () => {
    const job = await db.jobs.get(jobId);
    const step = job ? await next(job) : null;
    if (step) await write(db, step, now);
    return step;
  });
}

/** Same for a lease (no log line, no ledger change). */
function lease(db: AwayDb, jobId: string, next: (job: SendJob) => SendJob | null): Promise<SendJob | null> {
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    const updated = job ? next(job) : null;
    if (updated) await db.jobs.put(updated);
    return updated;
  });
}

export type ReserveResult = { reserved: true } | { reserved: false; holder: LedgerEntry };

/**
 * The exactly-once primitive: reserves (threadId, messageId) for the new job, stores it and logs it as
 * scheduled, in one transaction. Only one job ever owns a message, whatever the number of tabs, workers
 * or retries racing for it; the others learn who holds it and nothing is written. IndexedDB runs
 * read-write transactions over the ledger one after another, across connections, so the look and the
 * write cannot be split by another reservation; and the ledger's primary key is unique, so a second
 * `add` of the same key would fail rather than overwrite. Reserve before typing anything, never after.
 */
export function scheduleJob(db: AwayDb, step: JobStep): Promise<ReserveResult> {
  const { job } = step;
  return db.transaction('rw', jobTables(db), async () => {
    const holder = await db.ledger.get([job.threadId, job.messageId]);
    if (holder) return { reserved: false, holder };
    const at = job.createdAt;
    await db.ledger.add({
      threadId: job.threadId,
      messageId: job.messageId,
      jobId: job.id,
      state: 'reserved',
      reservedAt: at,
      updatedAt: at,
    });
    await db.jobs.add(job);
    if (step.entry) await appendActivity(db, step.entry, at);
    return { reserved: true };
  });
}

/**
 * Gives the job to one tab. IndexedDB runs read-write transactions on one store one after another, so of
 * two dispatchers racing (an alarm and a timer, or an old and a restarted worker) exactly one gets it.
 */
export function takeLease(db: AwayDb, jobId: string, tabId: number, now: number): Promise<SendJob | null> {
  return lease(db, jobId, (job) => leased(job, tabId, now));
}

/** Extends the holder's lease; null when the tab does not hold it or the job is over: the tab must stop. */
export function renewLease(db: AwayDb, jobId: string, tabId: number, until: number): Promise<SendJob | null> {
  return lease(db, jobId, (job) => renewed(job, tabId, until));
}

/** Frees one job's lease if `tabId` holds it (the tab refused the job or could not be reached). */
export async function releaseLease(db: AwayDb, jobId: string, tabId: number): Promise<boolean> {
  return (await lease(db, jobId, (job) => releasedFrom(job, tabId))) !== null;
}

/** A page that (re)started runs nothing: every lease its tab held belonged to the page that is gone. */
export function releaseTabLeases(db: AwayDb, tabId: number): Promise<number> {
  return db.transaction('rw', db.jobs, async () => {
    const held = await db.jobs
      .where('state')
      .anyOf(ACTIVE_STATES)
      .filter((job) => job.leaseTabId === tabId)
      .toArray();
    await db.jobs.bulkPut(held.flatMap((job) => releasedFrom(job, tabId) ?? []));
    return held.length;
  });
}

/**
 * The tab is about to type (see `startStep`); true is the go-ahead. A reply whose consent ended meanwhile
 * (`consentEnded` under `settings`) is cancelled instead, logged with why, and does not start.
 */
export async function markStarted(
  db: AwayDb,
  jobId: string,
  tabId: number,
  ownRowsBefore: readonly string[],
  now: number,
  settings?: Settings,
): Promise<boolean> {
  const step = await change(db, jobId, now, async (job) => {
    const reason = settings ? consentEnded(job, await consentOf(db, settings, job), now) : null;
    return reason ? cancelStep(job, now, reason) : startStep(job, tabId, ownRowsBefore, now);
  });
  return step?.job.state === 'typing';
}

/** Records how a tab's attempt ended (see `finishStep`); false when it was not this tab's to report. */
export async function recordFinished(
  db: AwayDb,
  report: AttemptReport & { jobId: string },
  tabId: number,
  now: number,
): Promise<boolean> {
  return db.transaction('rw', jobTables(db), async () => {
    const job = await db.jobs.get(report.jobId);
    if (!job) return false;
    // A sent report that arrives twice (retried) is still a report of what happened.
    if (job.state === 'sent' && (report.outcome === 'sent' || report.outcome === 'alreadySent')) return true;
    const step = finishStep(job, report, tabId, now);
    if (step) await write(db, step, now);
    return step !== null;
  });
}

/** Writes `next` for every active job it gives a step for; returns the jobs after their step. */
function changeActive(
  db: AwayDb,
  now: number,
  next: Next,
  filter: (job: SendJob) => boolean = () => true,
): Promise<SendJob[]> {
  return db.transaction('rw', jobTables(db), async () => {
    const active = await db.jobs.where('state').anyOf(ACTIVE_STATES).filter(filter).toArray();
    const changed: SendJob[] = [];
    for (const job of active) {
      const step = await next(job);
      if (!step) continue;
      await write(db, step, now);
      changed.push(step.job);
    }
    return changed;
  });
}

/** Active jobs past their deadline and not being typed right now are given up, with a log entry each. */
export function expireJobs(db: AwayDb, now: number): Promise<SendJob[]> {
  return changeActive(db, now, (job) => expireStep(job, now));
}

/** The user cancels one reply (popup). False when it was sent, failed or cancelled meanwhile. */
export async function cancelJob(db: AwayDb, jobId: string, now: number): Promise<boolean> {
  return (await change(db, jobId, now, (job) => cancelStep(job, now))) !== null;
}

/** "Send now" on a reply in its grace period (see `sendNowStep`); false when it is not waiting in one. */
export async function sendJobNow(db: AwayDb, jobId: string, now: number): Promise<boolean> {
  return (await change(db, jobId, now, (job) => sendNowStep(job, now))) !== null;
}

/**
 * My own message appeared in the conversation: the replies waiting for a message of theirs it answers
 * are cancelled, logged "you answered yourself". Our own automatic replies are mine on the page too: a
 * message whose text a job of this conversation typed cancels nothing (core/step-aside.ts).
 */
export function cancelAnsweredJobs(db: AwayDb, own: OwnMessage, now: number): Promise<SendJob[]> {
  return db.transaction('rw', jobTables(db), async () => {
    const jobs = await db.jobs.filter((job) => job.threadId === own.threadId).toArray();
    const active = jobs.filter((job) => job.state === 'pending' || job.state === 'typing');
    const targets = new Set(answeredBy(own, active, jobs).map((job) => job.id));
    if (targets.size === 0) return [];
    return changeActive(
      db,
      now,
      (job) => cancelStep(job, now, 'answeredYourself'),
      (job) => targets.has(job.id),
    );
  });
}

/**
 * The person asked to stop or was silenced: their replies waiting or being typed are cancelled, those
 * counted against their key and, to be safe, those to any handle they were seen under.
 */
export function cancelContactJobs(
  db: AwayDb,
  contact: Pick<Contact, 'key' | 'handles'>,
  now: number,
  reason: CancelReason,
): Promise<SendJob[]> {
  if (contact.key === '@') return Promise.resolve([]);
  return changeActive(
    db,
    now,
    (job) => cancelStep(job, now, reason),
    (job) => keyOfJob(job) === contact.key || contact.handles.includes(normalizeHandle(job.contactHandle)),
  );
}

async function consentOf(db: AwayDb, settings: Settings, job: SendJob): Promise<Consent> {
  const person = { id: idOfKey(keyOfJob(job)), handle: job.contactHandle };
  return { settings, contact: (await findContact(db, person)) ?? null };
}

/**
 * Cancels every reply waiting or being typed that `settings` and the stored contacts no longer allow
 * (away off or ended, silenced, deny list, allow list), each with its reason. The settings writer calls it
 * in the transaction that stores new settings; the worker calls it on every pass, for writers that do not
 * (an import).
 */
export async function cancelWithoutConsent(db: AwayDb, settings: Settings, now: number): Promise<SendJob[]> {
  const unwanted = async (job: SendJob) => consentEnded(job, await consentOf(db, settings, job), now);
  // A read first: the usual answer is "nothing", and a read-write transaction over these tables would hold
  // up the lease renewals of a tab that is typing.
  const found = await db.transaction('r', [db.jobs, db.people], async () => {
    for (const job of await listJobs(db, ACTIVE_STATES)) if (await unwanted(job)) return true;
    return false;
  });
  if (!found) return [];
  return changeActive(db, now, async (job) => {
    const reason = await unwanted(job);
    return reason ? cancelStep(job, now, reason) : null;
  });
}

/**
 * The tab's last question before pressing send (see `sendVerdict`). A reply whose consent ended is
 * cancelled here, logged with why. A yes costs one read: the tab is waiting for it to press send.
 */
export async function checkBeforeSend(
  db: AwayDb,
  settings: Settings,
  jobId: string,
  tabId: number,
  now: number,
): Promise<boolean> {
  const verdict = async (job: SendJob | undefined) =>
    sendVerdict(job, tabId, job ? await consentOf(db, settings, job) : { settings, contact: null }, now);
  const read = await db.transaction('r', [db.jobs, db.people], async () => verdict(await db.jobs.get(jobId)));
  if (read.go || read.cancel === null) return read.go;
  await change(db, jobId, now, async (job) => {
    const again = await verdict(job);
    return again.go || !again.cancel ? null : cancelStep(job, now, again.cancel);
  });
  return false;
}

/** Jobs in any of `states`, by due time: for the popup and for the worker's passes. */
export function listJobs(db: AwayDb, states: readonly JobState[]): Promise<SendJob[]> {
  return db.jobs.where('state').anyOf(states).sortBy('dueAt');
}

const messageKey = (row: { threadId: string; messageId: string }) => `${row.threadId}\u0000${row.messageId}`;

/**
 * Retention (storage/retention.ts), inside its transaction: deletes finished jobs due and settled before
 * `cutoff`, and ledger entries last updated before it. Whatever belongs to a waiting or typing job is kept,
 * however old: its ledger entry is what stops a second send.
 */
export async function pruneJobs(
  db: AwayDb,
  cutoff: number,
  active: readonly SendJob[],
): Promise<{ ledger: number; jobs: number }> {
  const activeIds = new Set(active.map((job) => job.id));
  const activeKeys = new Set(active.map(messageKey));
  const ledger = await db.ledger
    .filter(
      (entry) =>
        entry.updatedAt < cutoff && !activeIds.has(entry.jobId) && !activeKeys.has(messageKey(entry)),
    )
    .delete();
  const jobs = await db.jobs
    .where('dueAt')
    .below(cutoff)
    .filter((job) => !activeIds.has(job.id) && (job.sentAt ?? job.dueAt) < cutoff)
    .delete();
  return { ledger, jobs };
}

/** "Erase everything", inside its transaction: no job and no reservation is left. */
export async function eraseJobs(db: AwayDb): Promise<void> {
  await db.jobs.clear();
  await db.ledger.clear();
}
