import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Request, type Worker } from 'playwright-core';
import { chromiumPath } from './support/browser-paths.ts';
import { killProcessesUsing, removeProfile, withTimeout } from './support/cleanup.ts';
import { sampleSeed } from './support/fake-x-seed.ts';
import { fakeXReply } from './support/fake-x-server.ts';
import type { ExternalRequest } from './support/network-policy.ts';
import { extensionDir } from './support/paths.ts';
import { RecordingProxy } from './support/recording-proxy.ts';

/** One request some context of the browser made, and which context. */
export interface Seen {
  url: string;
  /** `worker` for the extension's service worker, else the URL of the page (or frame) that asked. */
  from: string;
}

/**
 * Chromium with the built extension on the fake X, recording every request of every context three ways:
 * request events of the context (pages, extension pages, content scripts, and — with Playwright's service
 * worker network events switched on — the extension's worker), request routing (which refuses anything but
 * the fake and the extension's files), and a refusing proxy with no loopback bypass, for whatever the first
 * two cannot see. The shared session keeps its context to itself, hence this launcher.
 */
export interface RecordedBrowser {
  context: BrowserContext;
  page: Page;
  worker: Worker;
  extensionId: string;
  seen: Seen[];
  proxied: ExternalRequest[];
  close(): Promise<void>;
}

export async function launchRecorded(): Promise<RecordedBrowser> {
  // Read by Playwright when it attaches to a service worker: report (and route) the worker's requests too.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const dist = extensionDir('chromium');
  const proxied: ExternalRequest[] = [];
  const proxy = await RecordingProxy.start(proxied);
  const profile = mkdtempSync(join(tmpdir(), 'afx-no-network-'));
  const seen: Seen[] = [];
  let context: BrowserContext | null = null;
  const close = async () => {
    try {
      if (context) await withTimeout(context.close(), 10_000, 'closing Chromium');
    } catch {
      // The kill below ends it.
    } finally {
      killProcessesUsing(profile);
      removeProfile(profile);
      await proxy.close();
    }
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--disable-extensions-except=${dist}`,
        `--load-extension=${dist}`,
        // Chromium never proxies loopback unless told so: a request to 127.0.0.1 must be seen too.
        '--proxy-bypass-list=<-loopback>',
      ],
      ignoreDefaultArgs: ['--disable-extensions'],
      proxy: { server: `http://127.0.0.1:${proxy.port}` },
      viewport: { width: 1280, height: 800 },
    });
    context.on('request', (request) => seen.push({ url: request.url(), from: origin(request) }));
    const config = { seed: sampleSeed() };
    await context.route('**/*', async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      try {
        if (url.protocol === 'https:' && url.hostname === 'x.com') {
          const reply = fakeXReply(request.url(), request.isNavigationRequest(), config);
          await route.fulfill({ status: reply.status, contentType: reply.contentType, body: reply.body });
        } else if (url.protocol === 'chrome-extension:') await route.continue();
        else await route.abort('blockedbyclient');
      } catch {
        // The browser closed with the request in flight.
      }
    });
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page, worker, extensionId: new URL(worker.url()).host, seen, proxied, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function origin(request: Request): string {
  if (request.serviceWorker()) return 'worker';
  try {
    return request.frame().url() || 'page';
  } catch {
    // Requests of workers have no frame.
    return 'worker';
  }
}

/**
 * Requests outside the policy: only the page itself (the fake https://x.com) and the extension's own files
 * are allowed; the proxy must see nothing but the browser's own services.
 */
export function violations(recorded: Pick<RecordedBrowser, 'seen' | 'proxied' | 'extensionId'>): string[] {
  const allowed = (raw: string) => {
    const url = URL.parse(raw);
    if (!url) return false;
    if (url.protocol === 'https:' && url.hostname === 'x.com') return true;
    if (url.protocol === 'chrome-extension:' && url.hostname === recorded.extensionId) return true;
    // In-memory URLs a page may create (an export's download link); they never touch the network.
    return url.protocol === 'data:' || url.protocol === 'blob:';
  };
  return [
    ...recorded.seen.filter((r) => !allowed(r.url)).map((r) => `${r.url} (from ${r.from})`),
    ...recorded.proxied.filter((r) => r.source !== 'browser').map((r) => `${r.url} (reached the proxy)`),
  ];
}
