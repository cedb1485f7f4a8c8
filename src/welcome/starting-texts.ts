import type { LocaleCode } from '../core/locales.ts';
import { localeInfo } from '../core/locales.ts';
import { formatEntry, type MessageBundle } from '../shared/i18n.ts';

/** The starting texts offered for an away message, in the order shown. */
export const STARTING_KINDS = ['standard', 'return', 'short'] as const;
export type StartingKind = (typeof STARTING_KINDS)[number];

/** Where each text is written, per language: `standard` is the starter away template (core/locales). */
const BUNDLE_KEYS: Record<Exclude<StartingKind, 'standard'>, string> = {
  return: 'welcomeTextReturn',
  short: 'welcomeTextShort',
};

/**
 * The starting texts of one language. They are written in the language the replies are in, which may
 * not be the interface's: `bundle` is that language's messages file.
 */
export function startingTexts(
  locale: LocaleCode,
  bundle: MessageBundle | null,
): Record<StartingKind, string> {
  const standard = localeInfo(locale).starters.away.body;
  const text = (kind: Exclude<StartingKind, 'standard'>) => {
    const entry = bundle?.[BUNDLE_KEYS[kind]];
    return entry ? formatEntry(entry, []) : standard;
  };
  return { standard, return: text('return'), short: text('short') };
}

/** Which starting text a body is, unchanged; null once edited. */
export function startingKindOf(body: string, texts: Record<StartingKind, string>): StartingKind | null {
  return STARTING_KINDS.find((kind) => texts[kind] === body) ?? null;
}
