import { readFileSync } from 'node:fs';
import type { ManifestV3Export } from '@crxjs/vite-plugin';

export type Target = 'chrome' | 'firefox';

/** Firefox add-on id; also the key Firefox stores the add-on's data under. */
export const GECKO_ID = 'away-for-x@away-for-x.github.io';

/**
 * The oldest Firefox the add-on declares: 140 (an ESR) is the first desktop release that knows
 * `data_collection_permissions`, which AMO requires; Firefox for Android learnt it in 142. Below these
 * `web-ext lint` warns. Why nothing else in the code asks for more: docs/BROWSER-SUPPORT.md.
 */
export const GECKO_MIN_VERSION = '140.0';
export const GECKO_ANDROID_MIN_VERSION = '142.0';

function sourceManifest() {
  return JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));
}

/** manifest.json's `minimum_chrome_version`, the oldest Chrome the code is written for. */
export function minimumChromeVersion(): number {
  return Number(sourceManifest().minimum_chrome_version);
}

/**
 * The browsers the bundles are compiled for (vite's `build.target`): the same floor the manifest declares,
 * so syntax the oldest supported browser lacks is lowered, and nothing newer is lowered for nothing.
 */
export function buildTarget(target: Target): string {
  return target === 'chrome'
    ? `chrome${minimumChromeVersion()}`
    : `firefox${Number.parseInt(GECKO_MIN_VERSION, 10)}`;
}

/**
 * manifest.json is written for Chrome; Firefox gets `background.scripts` (an event page) instead of a
 * service worker, and its `browser_specific_settings`.
 */
export function manifestFor(target: Target, { forTests = false } = {}): ManifestV3Export {
  const source = sourceManifest();
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  source.version = pkg.version;
  if (forTests) {
    source.web_accessible_resources = [
      {
        resources: ['src/popup/index.html', 'src/options/index.html', 'src/welcome/index.html'],
        matches: ['https://x.com/*'],
      },
    ];
  }
  if (target === 'chrome') return source;
  // Firefox has no use for Chrome's floor; its own is in browser_specific_settings.
  const { service_worker: worker, ...background } = source.background;
  const { minimum_chrome_version: _chromeOnly, ...common } = source;
  return {
    ...common,
    background: { ...background, scripts: [worker] },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    },
  };
}
