import type { Settings } from '../core/types.ts';
import { fetchBundle, type Lang, loadLocale, type MessageBundle, t } from '../shared/i18n.ts';

/**
 * A text the worker shows by itself (an urgent notification), the way the badge and the suggestion bar
 * get theirs: the messages file of the person's chosen language is read first, then `t`. Never
 * browser.i18n alone, which Chromium now and then starts answering "" for every key, so nobody reads a
 * key such as "urgentNoticeVip"; and the same language as the rest of the worker's words, so one load
 * never replaces the language another one set.
 */
export function chosenLanguageText(
  settings: () => Promise<Pick<Settings, 'uiLocale'>>,
  load: (which: Lang) => Promise<MessageBundle> = fetchBundle,
): (key: string, subs?: readonly string[]) => Promise<string> {
  return async (key, subs = []) => {
    await loadLocale((await settings()).uiLocale, load);
    return t(key, ...subs);
  };
}
