import type { AwayDb } from '../storage/db.ts';
import { eraseEverything } from '../storage/erase.ts';
import type { SeedEnvironment } from '../storage/seed.ts';

export interface EraseDeps {
  db: AwayDb;
  env: SeedEnvironment;
  /** Asks the worker to switch away off: it cancels waiting and typing replies and repaints the badge. */
  stopAway: () => Promise<unknown>;
  /** Empties the extension's `storage.local` (the worker's retries name conversations and messages). */
  clearLocalStorage: () => Promise<void>;
}

/**
 * "Erase everything": away off first, so nothing automatic is under way (invariant 6), then every stored
 * row and key. A worker that does not answer does not stop the erasing: a job that no longer exists can
 * be neither handed out nor typed further (the typing tab's next check finds it gone), and the defaults
 * put back have away mode off.
 */
export async function eraseAll(deps: EraseDeps): Promise<void> {
  try {
    await deps.stopAway();
  } catch (error) {
    console.warn('Away could not be switched off before erasing; erasing anyway', error);
  }
  await deps.clearLocalStorage();
  await eraseEverything(deps.db, deps.env);
}
