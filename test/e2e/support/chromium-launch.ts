import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './browser-paths.ts';
import { killProcessesUsing, removeProfile, withTimeout } from './cleanup.ts';
import type { ExternalRequest } from './network-policy.ts';
import { extensionDir } from './paths.ts';
import { RecordingProxy } from './recording-proxy.ts';
import { until } from './until.ts';

/** Chromium's own background traffic turned down; what every test and bench browser starts with. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Loads one unpacked build and no other extension. */
export function extensionArgs(dist: string): string[] {
  return [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`];
}

export interface ChromiumLaunchOptions {
  /** The unpacked build to load; null for Chromium without the extension (the bench's baseline). */
  dist: string | null;
  /** Start of the temporary profile's name, so a leftover profile says which launcher made it. */
  profilePrefix: string;
  /** Default true. */
  headless?: boolean;
  /** Appended after the common arguments. */
  extraArgs?: readonly string[];
  /**
   * Where requests that routing does not see go: a refusing proxy started (and closed) here that records
   * into `log`, or the port of one the caller owns. None: only routing fences the browser.
   */
  proxy?: { log: ExternalRequest[] } | { port: number };
  /** Name loopback in the proxy's bypass list, else Playwright sends loopback through the proxy too. */
  bypassLoopback?: boolean;
  /**
   * Runs on the new context before the extension's worker is awaited (routing, request listeners, init
   * scripts), so it sees the worker's first requests; a failure here closes the browser too.
   */
  prepare?: (context: BrowserContext) => Promise<void>;
  /**
   * A new install opens the welcome page in a tab of its own (src/background/welcome-on-install.ts).
   * `close` (the default) waits for that tab and closes it before returning, so every test starts with
   * the tabs it opens itself; `keep` leaves it for the tests of the welcome page (`welcomeTab`).
   */
  welcome?: 'close' | 'keep';
}

export interface LaunchedChromium {
  context: BrowserContext;
  /** The extension's service worker when it started; null without the extension. */
  worker: Worker | null;
  /** The host of the worker's URL; null without the extension. */
  extensionId: string | null;
  /** Closes the browser (killing it if it hangs), removes the profile, closes a proxy started here. */
  close(): Promise<void>;
}

export async function launchChromium(options: ChromiumLaunchOptions): Promise<LaunchedChromium> {
  const { dist } = options;
  const profile = mkdtempSync(join(tmpdir(), options.profilePrefix));
  const proxy =
    options.proxy && 'log' in options.proxy ? await RecordingProxy.start(options.proxy.log) : null;
  const proxyPort = proxy?.port ?? (options.proxy && 'port' in options.proxy ? options.proxy.port : null);
  let context: BrowserContext | null = null;
  const close = () => shutdown(context, profile, proxy);
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: options.headless ?? true,
      args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? []), ...(dist ? extensionArgs(dist) : [])],
      // Playwright adds --disable-extensions by default; it must not when the extension is loaded.
      ...(dist ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
      ...(proxyPort === null
        ? {}
        : {
            proxy: {
              server: `http://127.0.0.1:${proxyPort}`,
              ...(options.bypassLoopback ? { bypass: 'localhost,127.0.0.1,[::1]' } : {}),
            },
          }),
      viewport: { width: 1280, height: 800 },
    });
    await options.prepare?.(context);
    const worker = dist ? await extensionWorker(context) : null;
    const extensionId = worker ? new URL(worker.url()).host : null;
    if (extensionId && options.welcome !== 'keep') await (await welcomeTab(context, extensionId)).close();
    return { context, worker, extensionId, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** `launchChromium` with the built extension (dist/chrome unless another build is named). */
export async function launchChromiumWithExtension(
  options: Omit<ChromiumLaunchOptions, 'dist'> & { dist?: string },
): Promise<LaunchedChromium & { worker: Worker; extensionId: string }> {
  const launched = await launchChromium({ ...options, dist: options.dist ?? extensionDir('chromium') });
  const { worker, extensionId } = launched;
  if (!worker || !extensionId) {
    await launched.close();
    throw new Error('Chromium started without the extension’s service worker.');
  }
  return { ...launched, worker, extensionId };
}

/** The tab the extension opened on install with its welcome page; throws when it never opens. */
export function welcomeTab(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/src/welcome/`;
  return until(
    'the welcome page to open on install',
    async () => context.pages().find((page) => page.url().startsWith(url)),
    20_000,
  );
}

/** The extension's running service worker; Chromium stops an idle one, and the next event starts another. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
}

async function shutdown(
  context: BrowserContext | null,
  profile: string,
  proxy: RecordingProxy | null,
): Promise<void> {
  try {
    if (context) await withTimeout(context.close(), 10_000, 'closing Chromium');
  } catch {
    // The kill below ends it.
  } finally {
    killProcessesUsing(profile);
    removeProfile(profile);
    await proxy?.close();
  }
}
