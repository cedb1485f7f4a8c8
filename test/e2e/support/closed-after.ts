import { afterEach } from 'vitest';

/**
 * Returns `keep`: what a test opens through it (a session, a browser) is closed after each test, or after
 * the file with `afterAll`, also when the test failed, in the order it was opened.
 */
export function closedAfter<T extends { close(): Promise<void> }>(
  hook: (cleanup: () => Promise<void>) => void = afterEach,
): (opened: T) => T {
  const open: T[] = [];
  hook(async () => {
    for (const item of open.splice(0)) await item.close();
  });
  return (opened) => {
    open.push(opened);
    return opened;
  };
}
