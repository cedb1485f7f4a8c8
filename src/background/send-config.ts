/**
 * Timing of the worker's job passes. The timing of a job's own life (lease, attempts, backoff, postpone,
 * expiry) is in core/job-lifecycle.ts, with the steps that use it.
 */

/** A job is handed to a tab this long before its first keystroke: opening the thread takes a moment. */
export const PREP_MS = 800;
/** While due jobs wait for a usable chat tab, the worker looks again this often. */
export const WAIT_FOR_TAB_MS = 15_000;
/** A DM whose minimum gap keeps it waiting is decided again until this long after it was seen. */
export const RETRY_MAX_AGE_MS = 6 * 3_600_000;
