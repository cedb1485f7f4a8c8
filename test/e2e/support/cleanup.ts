import { readdirSync, readFileSync, rmSync } from 'node:fs';

/**
 * Last resort when a browser does not close: kill the processes whose command line names our own
 * temporary profile (unique per session), by pid. Nothing else is touched.
 */
export function killProcessesUsing(profileDir: string): void {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes(profileDir)) continue;
    try {
      process.kill(Number(entry), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

export function removeProfile(profileDir: string): void {
  rmSync(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}

/** Resolves with the promise, or rejects after `ms` so a hung close cannot hang the test run. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
