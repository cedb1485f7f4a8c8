import { isHandleKey, keyOfJob } from './contact-key.ts';
import { DEFAULT_LIMITS, X_DAILY_DM_LIMIT } from './defaults.ts';
import type { Contact, Limits, ThreadState } from './types.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * One automatic message, sent or still on its way. Pending jobs are listed with their due time, so a burst
 * of messages counts against the caps before anything is typed.
 */
export interface AutoSend {
  at: number;
  threadId: string;
  contactHandle: string;
  /**
   * The contact's key (contact-key.ts): the cooldown follows the person, whatever their handle. Absent:
   * `@handle`, as for jobs stored before contacts had keys.
   */
  contactKey?: string;
  /** What was (or will be) sent; lets loop detection recognise it coming back. */
  text?: string;
}

export type LimitReason = 'cooldown' | 'alreadyAnswered' | 'minGap' | 'hourlyCap' | 'dailyCap';

export interface LimitVerdict {
  reason: LimitReason;
  /** When the same message would pass this limit, for the limits that expire on their own. */
  retryAt?: number;
}

export interface LimitInput {
  limits: Limits;
  threadId: string;
  contactHandle: string;
  contactKey?: string;
  contact: Contact | null;
  thread: ThreadState | null;
  /** When away was last switched on (`schedule.awaySince`); null counts as "always". */
  awaySince: number | null;
  /** Automatic sends of at least the last 24 h, any thread, plus pending ones. */
  sends: readonly AutoSend[];
  now: number;
}

const sameHandle = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Same person: same key, or, when either side has no id (fail safe), the same handle. */
function samePerson(send: AutoSend, input: LimitInput): boolean {
  const [a, b] = [keyOfJob(send), keyOfJob(input)];
  if (a === b) return true;
  const withoutId = isHandleKey(a) || isHandleKey(b);
  return withoutId && sameHandle(send.contactHandle, input.contactHandle);
}

/**
 * Checks the hard limits in this order: per-contact cooldown, one message per thread each time away is
 * switched on, minimum gap, hourly cap, daily cap. Caps are sliding windows ending now; sends due later
 * count too, which keeps every window of send times within the cap whatever the delays.
 */
export function checkLimits(input: LimitInput): LimitVerdict | null {
  const { limits, now, sends } = input;
  const cooldownStart = now - limits.contactCooldownMs;
  const lastToContact = input.contact?.lastRepliedAt ?? null;
  if (
    (lastToContact !== null && lastToContact > cooldownStart) ||
    sends.some((s) => s.at > cooldownStart && samePerson(s, input))
  ) {
    return { reason: 'cooldown' };
  }
  // One automatic message per thread each time away is switched on. "Until they write again" let two
  // responders answer each other as soon as their replies came further apart than any window we could
  // pick (issue 11: 20 messages each with cooldown 0): the other side controls that timing, and its
  // reply cannot be told from a person's. Switching away on is the user's act, never the other side's.
  const since = input.awaySince ?? Number.NEGATIVE_INFINITY;
  const lastInThread = input.thread?.lastAutoReplyAt ?? null;
  if (
    (lastInThread !== null && lastInThread >= since) ||
    sends.some((s) => s.threadId === input.threadId && s.at >= since)
  ) {
    return { reason: 'alreadyAnswered' };
  }
  const gapStart = now - limits.minGapMs;
  // A gap of 0 is no gap: pending sends due later must not hold every other message back.
  const tooClose = limits.minGapMs > 0 ? sends.filter((s) => s.at > gapStart) : [];
  if (tooClose.length > 0) {
    return { reason: 'minGap', retryAt: Math.max(...tooClose.map((s) => s.at)) + limits.minGapMs };
  }
  const hourly = capVerdict(sends, now, HOUR_MS, limits.hourlyCap, 'hourlyCap');
  return hourly ?? capVerdict(sends, now, DAY_MS, limits.dailyCap, 'dailyCap');
}

function capVerdict(
  sends: readonly AutoSend[],
  now: number,
  windowMs: number,
  cap: number,
  reason: LimitReason,
): LimitVerdict | null {
  const inWindow = sends
    .filter((s) => s.at > now - windowMs)
    .map((s) => s.at)
    .sort((a, b) => a - b);
  if (inWindow.length < cap) return null;
  // Once enough of the oldest sends have left the window, one more fits.
  const mustLeave = inWindow[inWindow.length - cap];
  return mustLeave === undefined ? { reason } : { reason, retryAt: mustLeave + windowMs };
}

function clampNumber(value: number, fallback: number, max: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(0, value));
}

/**
 * Makes limits safe to use: non-finite values take the default, negatives become 0, caps are whole numbers
 * and never above X's daily limit. Anything lower is the user's choice and is kept.
 */
export function clampLimits(limits: Limits): Limits {
  return {
    contactCooldownMs: clampNumber(limits.contactCooldownMs, DEFAULT_LIMITS.contactCooldownMs, 365 * DAY_MS),
    minGapMs: clampNumber(limits.minGapMs, DEFAULT_LIMITS.minGapMs, DAY_MS),
    hourlyCap: Math.floor(clampNumber(limits.hourlyCap, DEFAULT_LIMITS.hourlyCap, X_DAILY_DM_LIMIT)),
    dailyCap: Math.floor(clampNumber(limits.dailyCap, DEFAULT_LIMITS.dailyCap, X_DAILY_DM_LIMIT)),
  };
}
