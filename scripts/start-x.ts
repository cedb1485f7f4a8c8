// `npm run start:x`: Chromium with the built extension on the real https://x.com/i/chat, in a profile kept
// in .profile-x/ (git-ignored) so you log in to X once. A plain browser process, not a driven one: nothing
// automates the page except the extension itself. Needs a display; never used by tests.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from '../test/e2e/support/browser-paths.ts';
import { extensionDir, ROOT } from '../test/e2e/support/paths.ts';

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'npm run start:x opens a real browser window on x.com and needs a display (DISPLAY or WAYLAND_DISPLAY is not set).\n' +
      'To see the extension work without one, run "npm start": it plays a demo on a local imitation of X, headless.',
  );
  process.exit(1);
}

const profile = join(ROOT, '.profile-x');
mkdirSync(profile, { recursive: true });
const dist = extensionDir('chromium');
const browser = spawn(
  chromiumPath(),
  [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-first-run',
    '--no-default-browser-check',
    'https://x.com/i/chat',
  ],
  { stdio: 'inherit' },
);
console.log(
  `Chromium with Away for X on x.com (profile: .profile-x/). Away mode is off until you switch it on in the popup.\n` +
    'Close the window or press Ctrl+C to quit.',
);
process.on('SIGINT', () => browser.kill('SIGTERM'));
browser.on('exit', (code) => process.exit(code ?? 0));
