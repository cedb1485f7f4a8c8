import type { SendJob } from './types.ts';

/**
 * A rule's grace period: "reply only if I haven't answered within N minutes". Pure: the caller gives the
 * time. (Kept apart from step-aside.ts so the popup's countdown does not pull in the rule engine.)
 */

const MINUTE_MS = 60_000;

/** The grace period of a rule, in ms (0: none). */
export function graceMs(graceMinutes: number | undefined): number {
  return Math.max(0, Math.floor(graceMinutes ?? 0)) * MINUTE_MS;
}

/** How long the grace period of a waiting reply still runs; 0 when none, over, or the job moved on. */
export function graceLeft(job: Pick<SendJob, 'state' | 'graceUntil'>, now: number): number {
  if (job.state !== 'pending' || job.graceUntil === undefined) return 0;
  return Math.max(0, job.graceUntil - now);
}

/**
 * When a reply decided now may be typed: after the rule's grace period (if any), then the reading and
 * thinking time of its plan, and never before the tab's preparation could start after the period.
 */
export function graceSchedule(
  planDueAt: number,
  decidedAt: number,
  graceMinutes: number | undefined,
  prepMs: number,
): { dueAt: number; graceUntil?: number } {
  const grace = graceMs(graceMinutes);
  if (grace === 0) return { dueAt: planDueAt };
  const graceUntil = decidedAt + grace;
  return { dueAt: Math.max(planDueAt + grace, graceUntil + prepMs), graceUntil };
}
