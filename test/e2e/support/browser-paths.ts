import { existsSync } from 'node:fs';

/** Debian's browsers by default; a test tool's own browser download does not work on this machine. */
const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

function find(envName: string, candidates: string[], install: string): string {
  const fromEnv = process.env[envName];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envName}=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `No browser found (looked at ${envName}, ${candidates.join(', ')}). Install it: ${install}`,
  );
}

export function chromiumPath(): string {
  return find(
    'CHROME_PATH',
    CHROMIUM_CANDIDATES,
    '"sudo apt-get update && sudo apt-get install -y chromium", or set CHROME_PATH to a Chromium/Chrome binary.',
  );
}

export function firefoxPath(): string {
  return find(
    'FIREFOX_PATH',
    FIREFOX_CANDIDATES,
    '"sudo apt-get update && sudo apt-get install -y firefox-esr", or set FIREFOX_PATH to a Firefox binary.',
  );
}
