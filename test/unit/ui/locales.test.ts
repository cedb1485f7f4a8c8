import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import fr from '../../../public/_locales/fr/messages.json';
import * as problemWords from '../../../src/ui/problem-words.ts';
import * as words from '../../../src/ui/words.ts';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const root = join(import.meta.dirname, '../../..');
type Bundle = Record<string, { message: string; description?: string }>;
const bundles: Record<string, Bundle> = { en, fr };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\$([1-9])/g)].map((m) => m[1]).sort();

describe('the English and French texts', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
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

  it('take the same substitutions in both languages', () => {
    for (const [key, entry] of Object.entries(en as Bundle)) {
      expect(placeholders((fr as Bundle)[key]?.message ?? ''), key).toEqual(placeholders(entry.message));
    }
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
    for (const bundle of Object.values(bundles)) {
      expect(bundle.badgeFlashOn!.message.length).toBeLessThanOrEqual(4);
      expect(bundle.badgeFlashOff!.message.length).toBeLessThanOrEqual(4);
    }
  });
});
