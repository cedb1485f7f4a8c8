import { knownHandles, listNames } from './contact-key.ts';
import { awayStatus } from './schedule.ts';
import type { ActivityEntry, Contact, JobState, SendJob, Settings, SkipReason } from './types.ts';

/**
 * The life of one automatic reply, as pure functions: pending → typing → sent / failed / expired /
 * cancelled (typing goes back to pending when an attempt is put off). Each step returns the new job with
 * the log entry and the ledger state that go with it; storage/jobs.ts, the only writer of jobs and the
 * ledger, writes the three in one transaction. A step that is not allowed returns null and changes nothing.
 */

/** A tab holds a job this long after its last sign of life (heartbeats come every second). */
export const LEASE_MS = 10_000;
/** A job that found no usable tab (or no good moment) this long after its due time is given up. */
export const EXPIRE_MS = 30 * 60_000;
/** First try plus three retries, as a person would try again a few times, then give up. */
export const MAX_SEND_ATTEMPTS = 4;
/** Wait before retry n (1-based); the last value repeats. */
export const RETRY_BACKOFF_MS = [3_000, 10_000, 30_000] as const;
/** When the user is busy in the tab, or the thread is not listed: look again after this. */
export const POSTPONE_MS = 8_000;

function retryBackoff(attempt: number): number {
  const index = Math.max(0, Math.min(attempt - 1, RETRY_BACKOFF_MS.length - 1));
  return RETRY_BACKOFF_MS[index] ?? RETRY_BACKOFF_MS[0];
}

/** Jobs that may still send something. */
export const ACTIVE_STATES = ['pending', 'typing'] as const satisfies readonly JobState[];

function isActive(job: SendJob): boolean {
  return job.state === 'pending' || job.state === 'typing';
}

export function leaseIsLive(job: SendJob, now: number): boolean {
  return job.leaseTabId !== null && job.leaseUntil !== null && job.leaseUntil > now;
}

export type LogEntry = Omit<ActivityEntry, 'id'>;

/** One step of a job's life: the job after it, its log line (if it deserves one), its ledger state. */
export interface JobStep {
  job: SendJob;
  entry: LogEntry | null;
  /** How the job's ledger reservation ends; null while it stays reserved. */
  ledger: 'sent' | 'failed' | null;
}

/**
 * Why a reply is cancelled: by the user (no reason), or because consent ended: away went off, the person
 * asked to stop, was silenced, deny-listed or left out of the allow list.
 */
export type CancelReason = Extract<
  SkipReason,
  'awayOff' | 'stopWord' | 'silenced' | 'denyListed' | 'notAllowListed' | 'answeredYourself'
>;

const released = { leaseTabId: null, leaseUntil: null } as const;

function entryOf(job: SendJob, at: number, kind: LogEntry['kind'], reason?: string): LogEntry {
  return {
    at,
    kind,
    threadId: job.threadId,
    messageId: job.messageId,
    contactHandle: job.contactHandle,
    ...(reason === undefined ? {} : { reason }),
    text: job.text,
  };
}

/** What deciding fixes about a new job; its state and lease start with scheduleStep. */
export type NewJob = Pick<
  SendJob,
  | 'id'
  | 'threadId'
  | 'messageId'
  | 'contactHandle'
  | 'contactKey'
  | 'text'
  | 'timing'
  | 'dueAt'
  | 'graceUntil'
>;

/** A reply decided in auto mode: waiting for its time, given up EXPIRE_MS after it. */
export function scheduleStep(input: NewJob, now: number): JobStep {
  const job: SendJob = {
    ...input,
    state: 'pending',
    attempts: 0,
    createdAt: now,
    ...released,
    expiresAt: input.dueAt + EXPIRE_MS,
  };
  return { job, entry: entryOf(job, now, 'scheduled'), ledger: null };
}

/** Gives the job to one tab, unless it is over or another tab's lease is live. */
export function leased(job: SendJob, tabId: number, now: number): SendJob | null {
  if (!isActive(job) || leaseIsLive(job, now)) return null;
  return { ...job, leaseTabId: tabId, leaseUntil: now + LEASE_MS };
}

/** Extends the holder's lease until `until` (never shortens it); null when the tab must stop. */
export function renewed(job: SendJob, tabId: number, until: number): SendJob | null {
  if (!isActive(job) || job.leaseTabId !== tabId) return null;
  return { ...job, leaseUntil: Math.max(job.leaseUntil ?? 0, until) };
}

/** Frees the lease of `tabId` (any tab when undefined); null when that tab does not hold it. */
export function releasedFrom(job: SendJob, tabId?: number): SendJob | null {
  if (job.leaseTabId === null || (tabId !== undefined && job.leaseTabId !== tabId)) return null;
  return { ...job, ...released };
}

function ended(job: SendJob, state: 'failed' | 'expired', reason: string, now: number): JobStep {
  return {
    job: { ...job, ...released, state, error: reason },
    entry: entryOf(job, now, 'failed', reason),
    ledger: 'failed',
  };
}

/**
 * The tab is about to type: the job becomes `typing` (so a reload knows to look for a sent copy first),
 * counts an attempt and remembers the own rows with this text already there. A job that used up its
 * attempts fails instead. Null when the tab does not hold the job or the job is over.
 */
export function startStep(
  job: SendJob,
  tabId: number,
  ownRowsBefore: readonly string[],
  now: number,
): JobStep | null {
  if (!isActive(job) || job.leaseTabId !== tabId) return null;
  // While the grace period runs nothing is typed, whoever asks.
  if (job.graceUntil !== undefined && job.graceUntil > now) return null;
  if (job.attempts >= MAX_SEND_ATTEMPTS) return ended(job, 'failed', job.error ?? 'notConfirmed', now);
  const seen = new Set([...(job.seenOwnRows ?? []), ...ownRowsBefore]);
  return {
    job: {
      ...job,
      state: 'typing',
      attempts: job.attempts + 1,
      seenOwnRows: [...seen],
      leaseUntil: now + LEASE_MS,
    },
    entry: null,
    ledger: null,
  };
}

/** How a tab's attempt ended, as it reports it (`rowId`: our message's row on X's page). */
export type AttemptReport =
  | { outcome: 'sent'; rowId?: string; pressedAt?: number | undefined }
  | { outcome: 'alreadySent'; rowId?: string }
  | { outcome: 'postponed'; code: string }
  | { outcome: 'failed'; code: string }
  | { outcome: 'stopped' };

/**
 * Records how an attempt ended. A sent message is recorded whoever reports it and whatever the job's
 * state (it is a fact, and it stops any other attempt at its next pause); anything else only from the tab
 * holding the lease of an active job. Null when there is nothing to record.
 */
export function finishStep(job: SendJob, report: AttemptReport, tabId: number, now: number): JobStep | null {
  if (report.outcome === 'sent' || report.outcome === 'alreadySent') {
    if (job.state === 'sent') return null;
    // The moment send was pressed, not this report's (which comes after X confirmed): a reply arriving in
    // between must count as coming after ours, for the loop checks. Never a time from the future.
    const pressed = report.outcome === 'sent' ? report.pressedAt : undefined;
    const sentAt = Math.min(now, Math.max(job.createdAt, pressed ?? now));
    return {
      job: { ...job, ...released, state: 'sent', sentAt },
      entry: entryOf(job, now, 'sent'),
      ledger: 'sent',
    };
  }
  if (!isActive(job) || job.leaseTabId !== tabId) return null;
  const back = (changes: Partial<SendJob>): JobStep => ({
    job: { ...job, ...released, state: 'pending', ...changes },
    entry: null,
    ledger: null,
  });
  switch (report.outcome) {
    case 'failed':
      return job.attempts >= MAX_SEND_ATTEMPTS
        ? ended(job, 'failed', report.code, now)
        : back({ dueAt: now + retryBackoff(Math.max(1, job.attempts)), error: report.code });
    case 'postponed':
      return back({ dueAt: now + POSTPONE_MS, error: report.code });
    case 'stopped':
      // Stopped at the worker's word (lease lost, or nothing to do any more): free for the next pass.
      return back({});
  }
}

/**
 * "Send now" on a reply whose grace period runs: the period ends at once and the reply is due now; the
 * usual checks still run before anything is typed. Null when it is not waiting in its grace period.
 */
export function sendNowStep(job: SendJob, now: number): JobStep | null {
  if (job.state !== 'pending' || job.graceUntil === undefined || job.graceUntil <= now) return null;
  return { job: { ...job, graceUntil: now, dueAt: Math.min(job.dueAt, now) }, entry: null, ledger: null };
}

/** An active job past its deadline, and not being typed right now, is given up. */
export function expireStep(job: SendJob, now: number): JobStep | null {
  if (!isActive(job) || job.expiresAt === undefined || job.expiresAt > now || leaseIsLive(job, now)) {
    return null;
  }
  // Waiting for the person to stop using the X tab until the end: the log says that, not "no tab".
  return ended(job, 'expired', job.error === 'userBusy' ? 'expiredUserBusy' : 'expired', now);
}

/**
 * A reply that will not go out, waiting or being typed: its tab learns it at its next pause and removes
 * the text it typed. The ledger entry stays reserved, so the message is never answered later. The log
 * quotes the reply, with the reason when the user did not cancel it by hand.
 */
export function cancelStep(job: SendJob, now: number, reason?: CancelReason): JobStep | null {
  if (!isActive(job)) return null;
  return {
    job: { ...job, ...released, state: 'cancelled', ...(reason ? { error: reason } : {}) },
    entry: entryOf(job, now, 'cancelled', reason),
    ledger: null,
  };
}

/** What the user and the person allow right now. */
export interface Consent {
  settings: Settings;
  /** The job's contact as stored, or null. */
  contact: Contact | null;
}

/**
 * Why this reply may no longer go out, or null while it may: away is off or ended by itself, the person
 * asked to stop or was silenced by hand, is on the deny list, or is missing from a non-empty allow list.
 */
export function consentEnded(job: SendJob, consent: Consent, now: number): CancelReason | null {
  const { settings, contact } = consent;
  const status = awayStatus(settings.schedule, now);
  if (status === 'off' || status === 'ended') return 'awayOff';
  if (contact?.silencedAt != null) return 'silenced';
  const handles = knownHandles(job.contactHandle, contact);
  if (listNames(settings.denyList, handles)) return 'denyListed';
  if (settings.allowList.length > 0 && !listNames(settings.allowList, handles)) return 'notAllowListed';
  return null;
}

/**
 * The last question before the tab presses send: is this reply still wanted from this tab? Yes only for a
 * job being typed, held by that tab, with consent intact. When consent ended, the job is to be cancelled.
 */
export function sendVerdict(
  job: SendJob | undefined,
  tabId: number,
  consent: Consent,
  now: number,
): { go: true } | { go: false; cancel: CancelReason | null } {
  if (job?.state !== 'typing' || job.leaseTabId !== tabId) return { go: false, cancel: null };
  const cancel = consentEnded(job, consent, now);
  return cancel ? { go: false, cancel } : { go: true };
}
