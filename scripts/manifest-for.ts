import { readFileSync } from 'node:fs';
import type { ManifestV3Export } from '@crxjs/vite-plugin';

export type Target = 'chrome' | 'firefox';

/** Firefox add-on id; also the key Firefox stores the add-on's data under. */
export const GECKO_ID = 'away-for-x@away-for-x.github.io';

/**
 * manifest.json is written for Chrome; Firefox gets `background.scripts` (an event page) instead of a
 * service worker, and its `browser_specific_settings`.
 */
export function manifestFor(target: Target, { forTests = false } = {}): ManifestV3Export {
  const source = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  source.version = pkg.version;
  if (forTests) {
    source.web_accessible_resources = [
      { resources: ['src/popup/index.html', 'src/options/index.html'], matches: ['https://x.com/*'] },
    ];
  }
  if (target === 'chrome') return source;
  const { service_worker: worker, ...background } = source.background;
  return {
    ...source,
    background: { ...background, scripts: [worker] },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
