import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CompatData, Identifier, SimpleSupportStatement } from '@mdn/browser-compat-data';
import type { ConfigEnv, UserConfig, UserConfigFnObject } from 'vite';
import { describe, expect, it } from 'vitest';
import { GECKO_ANDROID_MIN_VERSION, GECKO_MIN_VERSION, manifestFor } from '../../../scripts/manifest-for.ts';
import viteConfig from '../../../vite.config.ts';
import { FEATURES } from './browser-features.ts';

// The oldest browsers the manifests declare, the target vite compiles for, and what the code uses: all
// checked against one another and against MDN's browser-compat-data. See docs/BROWSER-SUPPORT.md.

const ROOT = join(import.meta.dirname, '../../..');
// Node's own require reads the 15 MB of JSON in a blink; going through vite's transform takes minutes.
const bcd = createRequire(import.meta.url)('@mdn/browser-compat-data') as CompatData;
const sourceManifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as {
  minimum_chrome_version?: string;
};
const CHROME = Number(sourceManifest.minimum_chrome_version);
const FIREFOX = Number.parseInt(GECKO_MIN_VERSION, 10);
const FIREFOX_ANDROID = Number.parseInt(GECKO_ANDROID_MIN_VERSION, 10);
const FLOORS = { chrome: CHROME, firefox: FIREFOX, firefox_android: FIREFOX_ANDROID } as const;
type Browser = keyof typeof FLOORS;

/** The first release of `browser` with the feature at `path` (no flag, no prefix); null: none or unknown path. */
function supportedSince(path: string, browser: Browser): number | null {
  let node: Identifier | undefined = bcd as unknown as Identifier;
  for (const key of path.split('.')) node = node?.[key] as Identifier | undefined;
  const support = node?.__compat?.support[browser];
  if (!support) return null;
  const statements = (Array.isArray(support) ? support : [support]) as SimpleSupportStatement[];
  const versions = statements
    .filter((s) => !s.flags && !s.prefix && !s.alternative_name && !s.version_removed)
    .map((s) => s.version_added)
    // "≤54": supported since 54 or earlier; "preview" reads NaN and drops out.
    .map((v) => (typeof v === 'string' ? Number(v.replace('≤', '')) : null))
    .filter((v): v is number => v !== null && !Number.isNaN(v));
  return versions.length > 0 ? Math.min(...versions) : null;
}

const exists = (path: string) => {
  let node: Identifier | undefined = bcd as unknown as Identifier;
  for (const key of path.split('.')) node = node?.[key] as Identifier | undefined;
  return node?.__compat !== undefined;
};

/** "name: Chrome 122 > 120" for each browser whose floor is older than the feature. */
function tooNew(name: string, path: string, browsers: readonly Browser[] = ['chrome', 'firefox']): string[] {
  return browsers.flatMap((browser) => {
    const since = supportedSince(path, browser);
    if (since !== null && since <= FLOORS[browser]) return [];
    return [`${name} (${path}): ${browser} ${since ?? 'never'} > ${FLOORS[browser]}`];
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.(ts|tsx|css)$/.test(entry.name) ? [path] : [];
  });
}

// Comments may name a feature without using it; a URL's "//" only cuts a line short, which is harmless.
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
const files = sourceFiles(join(ROOT, 'src')).map((path) => ({
  kind: path.endsWith('.css') ? ('css' as const) : ('js' as const),
  text: withoutComments(readFileSync(path, 'utf8')),
}));

describe('declared browser floors', () => {
  it('Chrome 120 and Firefox 140 (Android 142), as docs/BROWSER-SUPPORT.md explains', () => {
    expect(CHROME).toBe(120);
    expect(FIREFOX).toBe(140);
    const doc = readFileSync(join(ROOT, 'docs/BROWSER-SUPPORT.md'), 'utf8');
    expect(doc).toContain(`"minimum_chrome_version": "${CHROME}"`);
    expect(doc).toContain(`"strict_min_version": "${GECKO_MIN_VERSION}"`);
    expect(doc).toContain(`"strict_min_version": "${GECKO_ANDROID_MIN_VERSION}"`);
  });

  it.each([
    ['chrome', `chrome${CHROME}`],
    ['firefox', `firefox${FIREFOX}`],
    ['firefox-e2e', `firefox${FIREFOX}`],
  ])('vite builds --mode %s for %s, the floor its manifest declares', async (mode, expected) => {
    const env: ConfigEnv = { mode, command: 'build', isSsrBuild: false, isPreview: false };
    const config: UserConfig = await (viteConfig as UserConfigFnObject)(env);
    expect(config.build?.target).toBe(expected);
  });

  it('the Firefox manifest carries the Firefox floors and not Chrome’s', () => {
    const firefox = manifestFor('firefox') as unknown as {
      minimum_chrome_version?: string;
      browser_specific_settings: Record<string, { strict_min_version: string }>;
    };
    expect(firefox.minimum_chrome_version).toBeUndefined();
    expect(firefox.browser_specific_settings.gecko?.strict_min_version).toBe(GECKO_MIN_VERSION);
    expect(firefox.browser_specific_settings.gecko_android?.strict_min_version).toBe(
      GECKO_ANDROID_MIN_VERSION,
    );
    expect((manifestFor('chrome') as { minimum_chrome_version?: string }).minimum_chrome_version).toBe(
      String(CHROME),
    );
  });
});

describe('what the code uses exists in the declared browsers (MDN browser-compat-data)', () => {
  it('every manifest key', () => {
    const problems: string[] = [];
    let checked = 0;
    const walk = (value: unknown, path: string, browser: Browser) => {
      if (Array.isArray(value)) {
        for (const item of value) walk(item, path, browser);
        return;
      }
      if (!value || typeof value !== 'object') return;
      for (const [key, inner] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        if (exists(`webextensions.manifest.${at}`)) {
          checked++;
          // Firefox for Android reads only its own key, which desktop Firefox ignores.
          const which = at.startsWith('browser_specific_settings.gecko_android')
            ? 'firefox_android'
            : browser;
          problems.push(...tooNew(`manifest key ${at}`, `webextensions.manifest.${at}`, [which]));
        }
        walk(inner, at, browser);
      }
    };
    walk(manifestFor('chrome'), '', 'chrome');
    walk(manifestFor('firefox'), '', 'firefox');
    expect(checked).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('every extension API called as browser.<namespace>.<member>', () => {
    const calls = new Set<string>();
    for (const file of files.filter((f) => f.kind === 'js')) {
      for (const [, ns, member] of file.text.matchAll(/\bbrowser\.([a-z][a-z0-9]*)(?:\.([a-zA-Z]+))?/g)) {
        const full = `webextensions.api.${ns}${member ? `.${member}` : ''}`;
        // A type (browser.tabs.Tab) or an event's method has no entry of its own: its namespace answers.
        calls.add(exists(full) ? full : `webextensions.api.${ns}`);
      }
    }
    expect(calls).toContain('webextensions.api.storage.session');
    expect(calls).toContain('webextensions.api.alarms.create');
    const problems = [...calls].flatMap((path) =>
      exists(path) ? tooNew(path.replace('webextensions.api.', ''), path) : [`unknown API ${path}`],
    );
    expect(problems).toEqual([]);
  });

  it('every web platform feature of the list, unless it has a fallback', () => {
    expect(FEATURES.filter((feature) => !exists(feature.bcd)).map((f) => f.bcd)).toEqual([]);
    const used = FEATURES.filter((feature) =>
      files.some((file) => (feature.in ?? file.kind) === file.kind && feature.pattern.test(file.text)),
    );
    // The scan finds what is known to be there, so an empty scan cannot pass.
    expect(used.map((f) => f.name)).toEqual(
      expect.arrayContaining(['structuredClone()', ':focus-visible', 'Navigation API (currententrychange)']),
    );
    const problems = used.filter((f) => !f.fallback).flatMap((f) => tooNew(f.name, f.bcd));
    expect(problems).toEqual([]);
  });

  it('the check itself: a feature newer than a floor is reported', () => {
    expect(tooNew('structuredClone', 'api.structuredClone')).toEqual([]);
    expect(tooNew('Intl.Locale text info', 'javascript.builtins.Intl.Locale.getTextInfo')).toEqual([
      `Intl.Locale text info (javascript.builtins.Intl.Locale.getTextInfo): chrome 130 > ${CHROME}`,
      `Intl.Locale text info (javascript.builtins.Intl.Locale.getTextInfo): firefox 153 > ${FIREFOX}`,
    ]);
    expect(tooNew('service_worker', 'webextensions.manifest.background.service_worker', ['firefox'])).toEqual(
      [`service_worker (webextensions.manifest.background.service_worker): firefox never > ${FIREFOX}`],
    );
  });
});
