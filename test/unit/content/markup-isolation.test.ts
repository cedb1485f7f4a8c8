import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const SELECTORS = 'src/content/x/selectors.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? filesUnder(path)
      : /\.(ts|tsx|js|mjs|html|css)$/.test(name)
        ? [path]
        : [];
  });
}

// Any spelling a selector or attribute lookup could use: data-testid, data-testId, dataset.testid.
const TEST_ID = /data-test-?id|dataset\.testid/i;

describe('only src/content/x/selectors.ts knows X test ids', () => {
  const files = filesUnder(join(root, 'src')).map((file) => relative(root, file));

  it('scans the source tree, selectors file included', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files).toContain(SELECTORS);
    expect(readFileSync(join(root, SELECTORS), 'utf8')).toMatch(TEST_ID);
  });

  it('no other file in src/ names a data-testid', () => {
    const offenders = files.filter(
      (file) => file !== SELECTORS && TEST_ID.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('the pattern catches the ways a test id can be written', () => {
    for (const sample of ['[data-testid="x"]', "getAttribute('data-testId')", 'el.dataset.testid']) {
      expect(sample).toMatch(TEST_ID);
    }
  });
});
