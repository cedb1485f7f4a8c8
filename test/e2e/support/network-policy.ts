/**
 * What the test browsers may reach: the fake X (served from files), loopback, and the browser's own
 * schemes. Everything else is aborted and recorded, so a test can prove nothing left the machine.
 */
export type Disposition = 'fake-x' | 'local' | 'external';

export interface ExternalRequest {
  url: string;
  /**
   * `page`: caught by request routing (pages, content scripts, extension pages, Chromium's extension
   * worker). `proxy`: reached the recording proxy instead (e.g. Firefox's extension background page).
   * `browser`: reached the proxy and belongs to the browser's own services (updates, sign-in, remote
   * settings) or is a preconnect to x.com, whose requests routing serves; not the extension's doing.
   */
  source: 'page' | 'proxy' | 'browser';
}

/** Services Chromium and Firefox contact by themselves even with background networking turned down. */
const BROWSER_SERVICES = [
  /(^|\.)googleapis\.com$/,
  /^accounts\.google\.com$/,
  /^clients\d*\.google\.com$/,
  /(^|\.)gvt1\.com$/,
  /(^|\.)mozilla\.(com|net|org)$/,
  /(^|\.)firefox\.com$/,
  /^x\.com$/,
];

/** Source of a request that reached the recording proxy, from its host. */
export function proxySource(host: string): 'proxy' | 'browser' {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return BROWSER_SERVICES.some((pattern) => pattern.test(name)) ? 'browser' : 'proxy';
}

const LOCAL_SCHEMES = new Set([
  'data:',
  'blob:',
  'about:',
  'chrome-extension:',
  'moz-extension:',
  'chrome:',
  'devtools:',
]);

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function classify(rawUrl: string): Disposition {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return 'external';
  }
  if (LOCAL_SCHEMES.has(url.protocol)) return 'local';
  if (url.protocol === 'https:' && url.hostname === 'x.com') return 'fake-x';
  if (isLoopbackHost(url.hostname)) return 'local';
  return 'external';
}
