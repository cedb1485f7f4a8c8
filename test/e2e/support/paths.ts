import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FAKE_X_DIR = join(ROOT, 'test/fixtures/fake-x');

export type BrowserName = 'chromium' | 'firefox';

/** The built extension a browser loads: Chrome's build, or the test-only Firefox build. */
export function extensionDir(browser: BrowserName): string {
  const dir = join(ROOT, 'dist', browser === 'chromium' ? 'chrome' : 'firefox-e2e');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(
      `The extension is not built: ${dir}/manifest.json is missing. Run "npm run build && npm run build:e2e" first.`,
    );
  }
  return dir;
}
