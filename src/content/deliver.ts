import type { Timers } from './timers.ts';

/** Waits before each retry: the worker may be starting up (MV3 workers sleep) or busy. */
export const RETRY_DELAYS_MS = [500, 2000, 5000] as const;

/** The extension was updated or removed: this orphaned content script can never reach a worker again. */
export function isContextGone(error: unknown): boolean {
  return (
    error instanceof Error && /context invalidated|Extension context|disconnected port/i.test(error.message)
  );
}

/**
 * Sends a message to the worker, retrying a few times, so a report is not lost to a worker that was
 * waking up. A report that still fails is logged (never dropped silently); `onGone` is told when retrying
 * is pointless because the extension context is gone.
 */
export async function deliver<T>(
  send: () => Promise<T>,
  { timers, onGone, what }: { timers: Timers; onGone: () => void; what: string },
): Promise<T | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (isContextGone(error)) {
        onGone();
        return undefined;
      }
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) {
        console.warn(`Away for X: ${what} could not reach the extension`, error);
        return undefined;
      }
      await new Promise<void>((resolve) => timers.setTimeout(resolve, delay));
    }
  }
}
