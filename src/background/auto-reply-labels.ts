import * as v from 'valibot';
import type { AutoReplyLabels } from '../core/decide.ts';
import { LOCALE_CODES } from '../core/locales.ts';
import type { Template } from '../core/types.ts';

/** Every language a template can be written in; each has a bundled `_locales/<lang>/messages.json`. */
export const TEMPLATE_LOCALES: readonly Template['locale'][] = LOCALE_CODES;

const bundleSchema = v.object({
  autoReplyLabel: v.object({ message: v.pipe(v.string(), v.trim(), v.minLength(1)) }),
});

/** Reads a file bundled with the extension, e.g. `fetch(runtime.getURL(path))` then `.text()`. */
export type ReadBundled = (path: string) => Promise<string>;

/**
 * The `autoReplyLabel` text of every template language. `i18n.getMessage` only speaks the browser's
 * language, but a reply carries the label of its template's language and loop checks must know all of
 * them, so the bundled message files are read directly. A language whose file cannot be read is left out:
 * its replies fall back to the browser-language or neutral label rather than going without a decision.
 */
export async function readAutoReplyLabels(read: ReadBundled): Promise<AutoReplyLabels> {
  const labels: Partial<Record<Template['locale'], string>> = {};
  await Promise.all(
    TEMPLATE_LOCALES.map(async (locale) => {
      try {
        const parsed = v.safeParse(bundleSchema, JSON.parse(await read(`_locales/${locale}/messages.json`)));
        if (parsed.success) labels[locale] = parsed.output.autoReplyLabel.message;
        else console.warn(`Away for X: no auto-reply label in the ${locale} messages`);
      } catch (error: unknown) {
        console.warn(`Away for X: reading the ${locale} messages failed`, error);
      }
    }),
  );
  return labels;
}

/**
 * Reads the labels once per worker life: the files are part of the installed extension and only change
 * with an update, which restarts the worker anyway. A read that found nothing is tried again next time.
 */
export function cachedAutoReplyLabels(read: ReadBundled): () => Promise<AutoReplyLabels> {
  let cached: Promise<AutoReplyLabels> | null = null;
  return () => {
    if (cached === null) {
      const reading = readAutoReplyLabels(read);
      cached = reading;
      void reading.then((found) => {
        if (Object.keys(found).length < TEMPLATE_LOCALES.length && cached === reading) cached = null;
      });
    }
    return cached;
  };
}
