import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import * as problemWords from '../../../src/ui/problem-words.ts';
import * as words from '../../../src/ui/words.ts';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const root = join(import.meta.dirname, '../../..');
type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
type Bundle = Record<string, Entry>;
const localesDir = join(root, 'public/_locales');
/** Every messages file shipped, by its folder name. */
const bundles: Record<string, Bundle> = Object.fromEntries(
  readdirSync(localesDir).map((code) => [
    code,
    JSON.parse(readFileSync(join(localesDir, code, 'messages.json'), 'utf8')) as Bundle,
  ]),
);
const others = Object.entries(bundles).filter(([code]) => code !== 'en');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The substitutions a message takes: `$1`…`$9` and named `$NAME$` placeholders (names ignore case). */
const substitutions = (text: string) =>
  [
    ...[...text.matchAll(/\$([1-9])/g)].map((m) => `$${m[1]}`),
    ...[...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => `$${m[1]!.toLowerCase()}$`),
  ].sort();

describe('the texts of every language', () => {
  it('exist in English and French at least', () => {
    expect(Object.keys(bundles)).toEqual(expect.arrayContaining(['en', 'fr']));
  });

  it('have exactly the keys of English', () => {
    for (const [code, bundle] of others)
      expect(Object.keys(bundle).sort(), code).toEqual(Object.keys(en).sort());
  });

  it('use keys the browsers accept and are never empty', () => {
    for (const [lang, bundle] of Object.entries(bundles)) {
      for (const [key, entry] of Object.entries(bundle)) {
        expect(key, `${lang}:${key}`).toMatch(/^[A-Za-z0-9_@]+$/);
        expect(entry.message.trim(), `${lang}:${key}`).not.toBe('');
        // Texts are shown as text; markup would be shown literally.
        expect(entry.message, `${lang}:${key}`).not.toMatch(/<[a-z/]/i);
      }
    }
  });

  it('take the same substitutions as English, with the same placeholder blocks', () => {
    for (const [code, bundle] of others) {
      for (const [key, entry] of Object.entries(en as Bundle)) {
        const theirs = bundle[key];
        expect(substitutions(theirs?.message ?? ''), `${code}:${key}`).toEqual(substitutions(entry.message));
        expect(theirs?.placeholders, `${code}:${key}`).toEqual(entry.placeholders);
      }
    }
  });

  it('sees a changed placeholder (guards the check above)', () => {
    expect(substitutions('Hi $User$, $1 of $2')).toEqual(['$1', '$2', '$user$']);
    expect(substitutions('Hi $user$ $2')).not.toEqual(substitutions('Hi $1 $2'));
  });

  it('cover every key the code asks for with t("…")', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      // t('key', …) calls, and `key: 'sectionRules'` entries of tables that feed t().
      for (const match of readFileSync(file, 'utf8').matchAll(/(?:\bt\(\s*|\bkey: )'([A-Za-z0-9_]+)'/g)) {
        used.add(match[1]!);
        expect(Object.hasOwn(en, match[1]!), `${relative(root, file)} uses ${match[1]}`).toBe(true);
      }
    }
    expect(used.size).toBeGreaterThan(40);
  });

  it('name every code the code can show (skip reasons, storage problems, activity kinds…)', () => {
    const tables = Object.entries({ ...words, ...problemWords }).filter(([name]) => name.endsWith('_KEYS'));
    expect(tables.map(([name]) => name)).toContain('SKIP_REASON_KEYS');
    expect(tables.map(([name]) => name)).toContain('PROBLEM_KEYS');
    expect(tables.map(([name]) => name)).toContain('RULE_ERROR_KEYS');
    expect(tables.map(([name]) => name)).toContain('TEMPLATE_ERROR_KEYS');
    for (const [name, table] of tables) {
      for (const key of Object.values(table as Record<string, string>)) {
        expect(Object.hasOwn(en, key), `${name} → ${key}`).toBe(true);
      }
    }
  });

  it('keep the manifest texts', () => {
    const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
    for (const [, key] of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) {
      expect(Object.hasOwn(en, key!), key).toBe(true);
    }
  });

  it('keep the toolbar flash short enough for a badge', () => {
    for (const [code, bundle] of Object.entries(bundles)) {
      expect(bundle.badgeFlashOn!.message.length, code).toBeLessThanOrEqual(4);
      expect(bundle.badgeFlashOff!.message.length, code).toBeLessThanOrEqual(4);
    }
  });

  it('keep the store description within the 132 characters Chrome allows', () => {
    for (const [code, bundle] of Object.entries(bundles)) {
      expect(bundle.extDescription?.message.length, code).toBeLessThanOrEqual(132);
    }
  });

  it('keep the product name, in every language', () => {
    for (const [code, bundle] of Object.entries(bundles))
      expect(bundle.extName?.message, code).toBe('Away for X');
  });
});
