import type { Rule } from '../src/core/types.ts';

/**
 * The straightforward way to match rules, as a baseline for the engine: every message walks every rule in
 * priority order, and every rule folds the text again and builds its regexes again. Same semantics as
 * src/core/rules.ts (case- and accent-insensitive whole words and phrases, regex flags `iu` on the first
 * 2,000 characters), so both must pick the same rule for every message.
 */

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

function hasPhrase(text: string, keyword: string): boolean {
  const haystack = ` ${words(text).join(' ')} `;
  const needle = words(keyword).join(' ');
  return needle.length > 0 && haystack.includes(` ${needle} `);
}

export function naiveMatch(rules: readonly Rule[], text: string): Rule | null {
  const ordered = [...rules].sort((a, b) => a.priority - b.priority);
  for (const rule of ordered) {
    if (!rule.enabled) continue;
    const { trigger } = rule;
    if (trigger.kind === 'any') return rule;
    if (trigger.kind === 'keywords' && (trigger.keywords ?? []).some((k) => hasPhrase(text, k))) return rule;
    if (trigger.kind === 'regex' && new RegExp(trigger.pattern ?? '', 'iu').test(text.slice(0, 2_000))) {
      return rule;
    }
  }
  return null;
}
