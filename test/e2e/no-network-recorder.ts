import type { BrowserContext, Page, Request, Worker } from 'playwright-core';
import { launchChromiumWithExtension } from './support/chromium-launch.ts';
import { routeRequests } from './support/chromium-routing.ts';
import { sampleSeed } from './support/fake-x-seed.ts';
import type { Disposition, ExternalRequest } from './support/network-policy.ts';

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
  const proxied: ExternalRequest[] = [];
  const seen: Seen[] = [];
  const launched = await launchChromiumWithExtension({
    profilePrefix: 'afx-no-network-',
    // Chromium never proxies loopback unless told so: a request to 127.0.0.1 must be seen too.
    extraArgs: ['--proxy-bypass-list=<-loopback>'],
    proxy: { log: proxied },
    async prepare(context) {
      context.on('request', (request) => seen.push({ url: request.url(), from: origin(request) }));
      // Stricter than the shared policy: not even loopback is let through.
      await routeRequests(context, { fakeX: { seed: sampleSeed() }, classify: fakeXOrExtension });
    },
  });
  try {
    const { context } = launched;
    const page = context.pages()[0] ?? (await context.newPage());
    return { ...launched, page, seen, proxied };
  } catch (error) {
    await launched.close();
    throw error;
  }
}

function fakeXOrExtension(raw: string): Disposition {
  const url = new URL(raw);
  if (url.protocol === 'https:' && url.hostname === 'x.com') return 'fake-x';
  return url.protocol === 'chrome-extension:' ? 'local' : 'external';
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
