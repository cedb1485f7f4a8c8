/** Timing of send jobs, in one place so the worker, its tests and the docs agree. */

/** A tab holds a job this long after its last sign of life (heartbeats come every second). */
export const LEASE_MS = 10_000;
/** A job is handed to a tab this long before its first keystroke: opening the thread takes a moment. */
export const PREP_MS = 800;
/** A job that found no usable tab (or no good moment) this long after its due time is given up. */
export const EXPIRE_MS = 30 * 60_000;
/** First try plus three retries, as a person would try again a few times, then give up. */
export const MAX_SEND_ATTEMPTS = 4;
/** Wait before retry n (1-based); the last value repeats. */
export const RETRY_BACKOFF_MS = [3_000, 10_000, 30_000] as const;
/** When the user is busy in the tab, or the thread is not listed: look again after this. */
export const POSTPONE_MS = 8_000;
/** While due jobs wait for a usable chat tab, the worker looks again this often. */
export const WAIT_FOR_TAB_MS = 15_000;
/** A DM whose minimum gap keeps it waiting is decided again until this long after it was seen. */
export const RETRY_MAX_AGE_MS = 6 * 3_600_000;

export function retryBackoff(attempt: number): number {
  const index = Math.max(0, Math.min(attempt - 1, RETRY_BACKOFF_MS.length - 1));
  return RETRY_BACKOFF_MS[index] ?? RETRY_BACKOFF_MS[0];
}
