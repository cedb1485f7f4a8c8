import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

/** Every module the content script pulls in, as `file imports spec` pairs, following local imports. */
function importsFrom(entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(/^(?:import|export)\s(?!type\b)[^'"]*?['"]([^'"]+)['"]/gm)) {
      if (!spec) continue;
      found.push(`${relative(root, file)} imports ${spec}`);
      if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec));
    }
  }
  return found;
}

describe('what the content script loads into every X page', () => {
  const imports = importsFrom(join(root, 'src/content/index.ts'));

  it('follows the import graph (guards against a walk that finds nothing)', () => {
    expect(imports.some((line) => line.includes('src/content/x/'))).toBe(true);
    expect(imports.some((line) => line.endsWith(' valibot'))).toBe(true);
  });

  it('does not load webextension-polyfill (~3 kB gzipped): it uses src/platform/extension-runtime.ts', () => {
    expect(imports.filter((line) => line.endsWith(' webextension-polyfill'))).toEqual([]);
  });
});
