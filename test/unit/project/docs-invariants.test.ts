import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

/** The invariants section of docs/ARCHITECTURE.md, whitespace collapsed (titles wrap across lines). */
function invariants(): string {
  const doc = readFileSync(join(root, 'docs/ARCHITECTURE.md'), 'utf8');
  const start = doc.indexOf('## Invariants');
  return doc.slice(start).replace(/\s+/g, ' ');
}

/** Each cited test file with the titles quoted after it: `path` ("title", …; "title"). */
function citations(text: string): { file: string; titles: string[] }[] {
  return [...text.matchAll(/`(test\/[^`]+\.test\.tsx?)`(?: \(([^)]*(?:\([^)]*\)[^)]*)*)\))?/g)].map((m) => ({
    file: m[1] ?? '',
    titles: [...(m[2] ?? '').matchAll(/"((?:\\"|[^"])+)"/g)].map((t) =>
      (t[1] ?? '').replace(/\\"/g, '"').replace(/(?::\s*)?…$/, ''),
    ),
  }));
}

describe('docs/ARCHITECTURE.md names the tests that prove each invariant', () => {
  const cited = citations(invariants());

  it('every invariant cites at least one test', () => {
    const items = invariants()
      .split(/ (?=\d\. )/)
      .filter((item) => /^\d\. /.test(item));
    expect(items.length).toBeGreaterThanOrEqual(9);
    for (const item of items) expect(item, item.slice(0, 60)).toMatch(/`test\/[^`]+\.test\.tsx?`/);
  });

  it('every cited file exists and holds every quoted title', () => {
    expect(cited.length).toBeGreaterThan(10);
    for (const { file, titles } of cited) {
      expect(existsSync(join(root, file)), file).toBe(true);
      const source = readFileSync(join(root, file), 'utf8').replace(/\s+/g, ' ');
      for (const title of titles) expect(source, `${file}: "${title}"`).toContain(title);
    }
  });
});
