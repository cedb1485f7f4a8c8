// Finds the browsers the end-to-end tests drive. CHROME_PATH / FIREFOX_PATH win over the usual places.
import { existsSync } from 'node:fs';

const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export const INSTALL_HINT = {
  chromium:
    'Chromium was not found. On Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y chromium`; ' +
    'elsewhere install Chromium or Chrome and set CHROME_PATH=/path/to/chrome.',
  firefox:
    'Firefox was not found. On Debian: `sudo apt-get update && sudo apt-get install -y firefox-esr`; ' +
    'elsewhere install Firefox (ESR 128+ or current) and set FIREFOX_PATH=/path/to/firefox.',
};

function pick(envValue, candidates) {
  if (envValue) return existsSync(envValue) ? envValue : null;
  return candidates.find((path) => existsSync(path)) ?? null;
}

export function findChromium() {
  return pick(process.env.CHROME_PATH, CHROME_CANDIDATES);
}

export function findFirefox() {
  return pick(process.env.FIREFOX_PATH, FIREFOX_CANDIDATES);
}
