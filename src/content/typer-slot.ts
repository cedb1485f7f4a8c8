import type { JobRunner } from './job-runner.ts';

/**
 * Where the injected typer (typer-entry.ts, TYPER_FILE in messaging/sending.ts) leaves its job runner for
 * the content script: the global object every script of this extension shares in the page. Nothing of
 * X's page can see it.
 */
const SLOT = '__awayForXJobRunner';

type WithSlot = { [SLOT]?: typeof JobRunner };

/** Called by the injected typer; injected again, it keeps the first one. */
export function publishJobRunner(runner: typeof JobRunner): void {
  (globalThis as WithSlot)[SLOT] ??= runner;
}

/** The job runner's class, once the worker has injected the typer into this page. */
export function injectedJobRunner(): typeof JobRunner | undefined {
  return (globalThis as WithSlot)[SLOT];
}
