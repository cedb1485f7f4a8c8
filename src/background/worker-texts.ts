import browser from 'webextension-polyfill';
import { loadLocale, t } from '../shared/i18n.ts';

/**
 * The worker's own texts (notifications, the badge's flash) come from `t`, which asks browser.i18n.
 * Chromium now and then starts a worker whose getMessage answers "" for every key, as it does to pages
 * (see switchToBrowserTexts): then the worker reads the messages file of the browser's language, as the
 * pages do, and the texts it hands out wait for it, so nobody reads a key such as "urgentNoticeVip".
 */
export function workerTexts(
  getMessage: (key: string) => string = (key) => browser.i18n.getMessage(key),
  load: () => Promise<unknown> = () => loadLocale('auto'),
): (key: string, subs?: readonly string[]) => Promise<string> {
  // loadLocale never rejects (it falls back to browser.i18n); a stub in a test might.
  const ready = getMessage('extName') ? Promise.resolve() : load().catch(() => undefined);
  return async (key, subs = []) => {
    await ready;
    return t(key, ...subs);
  };
}
