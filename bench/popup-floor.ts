import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_NAME } from '../src/storage/db-name.ts';
import { SETTINGS_KEY } from '../src/storage/rows.ts';
import { readManifest } from './sizes.ts';

/** The file the reference popup loads, at the extension's root. */
export const FLOOR_SCRIPT = 'afx-floor.js';

/**
 * What the smallest honest popup does: read the stored settings row with plain IndexedDB, then insert
 * the switch with the stored state. One module script, no framework, no stylesheet.
 */
export function floorScript(): string {
  return `const open = indexedDB.open(${JSON.stringify(DB_NAME)});
open.onsuccess = () => {
  const db = open.result;
  const read = db.transaction('settings').objectStore('settings').get(${JSON.stringify(SETTINGS_KEY)});
  read.onsuccess = () => {
    const button = document.createElement('button');
    button.setAttribute('role', 'switch');
    button.setAttribute('aria-checked', String(read.result?.value?.schedule?.awayEnabled === true));
    button.textContent = 'Away';
    document.body.append(button);
    db.close();
  };
};
`;
}

export function floorPage(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Reference popup</title>
    <script type="module" src="/${FLOOR_SCRIPT}"></script>
  </head>
  <body></body>
</html>
`;
}

/**
 * A copy of the build `dist` whose popup is the reference page above: timed next to the real popup
 * (bench/popup-run.ts --floor), it tells what any popup costs on this machine and in this harness, which
 * the shared machine's load moves far more than the popup's own code does. Returns the copy's folder
 * and what removes it.
 */
export function floorBuild(dist: string): { dir: string; remove: () => void } {
  const popup = readManifest(dist).action?.default_popup;
  if (!popup) throw new Error(`${dist}/manifest.json has no popup`);
  const dir = mkdtempSync(join(tmpdir(), 'afx-popup-floor-'));
  cpSync(dist, dir, { recursive: true });
  writeFileSync(join(dir, popup), floorPage());
  writeFileSync(join(dir, FLOOR_SCRIPT), floorScript());
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
