import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { FLOOR_SCRIPT, floorBuild, floorScript } from '../../../bench/popup-floor.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import { openDb } from '../../../src/storage/db.ts';
import { DB_NAME } from '../../../src/storage/db-name.ts';
import { putSettings } from '../../../src/storage/settings.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fakeBuild(): string {
  const dist = mkdtempSync(join(tmpdir(), 'afx-floor-test-'));
  made.push(dist);
  mkdirSync(join(dist, 'src/popup'), { recursive: true });
  writeFileSync(
    join(dist, 'manifest.json'),
    JSON.stringify({ action: { default_popup: 'src/popup/index.html' } }),
  );
  writeFileSync(join(dist, 'src/popup/index.html'), '<script type="module" src="/assets/popup.js"></script>');
  writeFileSync(join(dist, 'other.txt'), 'kept');
  return dist;
}

describe('the reference popup (bench/popup-run.ts --floor)', () => {
  it('is a copy of the build whose popup loads one script, the build itself untouched', () => {
    const dist = fakeBuild();
    const floor = floorBuild(dist);
    made.push(floor.dir);
    const page = readFileSync(join(floor.dir, 'src/popup/index.html'), 'utf8');
    expect(page).toContain(`<script type="module" src="/${FLOOR_SCRIPT}"></script>`);
    expect(page).not.toContain('assets/popup.js');
    expect(readFileSync(join(floor.dir, FLOOR_SCRIPT), 'utf8')).toBe(floorScript());
    expect(readFileSync(join(floor.dir, 'other.txt'), 'utf8')).toBe('kept');
    expect(readFileSync(join(dist, 'src/popup/index.html'), 'utf8')).toContain('assets/popup.js');
    floor.remove();
    expect(() => readFileSync(join(floor.dir, FLOOR_SCRIPT))).toThrow();
  });

  it('shows the stored away state, read where Dexie stores it', async () => {
    const indexedDB = new IDBFactory();
    const db = openDb(DB_NAME, { indexedDB, IDBKeyRange });
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.schedule.awayEnabled = true;
    await putSettings(db, settings);
    db.close();
    interface FakeButton {
      attributes: Record<string, string>;
      textContent: string;
      setAttribute(name: string, value: string): void;
    }
    const body: FakeButton[] = [];
    const document = {
      createElement: (): FakeButton => ({
        attributes: {},
        textContent: '',
        setAttribute(name, value) {
          this.attributes[name] = value;
        },
      }),
      body: { append: (button: FakeButton) => body.push(button) },
    };
    new Function('indexedDB', 'document', floorScript())(indexedDB, document);
    await expect.poll(() => body.length).toBe(1);
    expect(body[0]?.attributes).toEqual({ role: 'switch', 'aria-checked': 'true' });
    expect(body[0]?.textContent).toBe('Away');
  });
});
