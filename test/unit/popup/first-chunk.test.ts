import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

/**
 * What a module loads before it runs: static imports and re-exports, not `import()` and not `import type`
 * (erased). `import { type X }` counts: with verbatimModuleSyntax the import itself stays.
 */
function staticImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const [, spec] of code.matchAll(/^\s*import\s+(?!type\s)[^'"]*?['"]([^'"]+)['"]/gm))
    found.push(spec ?? '');
  for (const [, spec] of code.matchAll(/^\s*export\s+(?!type\s)[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm))
    found.push(spec ?? '');
  return found;
}

/** Every file and package the popup's entry loads before its first line runs. */
function firstChunk(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [join(root, entry)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.'))
        packages.add(
          spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec),
        );
      else if (/\.(tsx?)$/.test(spec)) {
        const target = resolve(dirname(file), spec);
        expect(existsSync(target), `${relative(root, file)} imports ${spec}`).toBe(true);
        queue.push(target);
      }
    }
  }
  return { files: new Set([...files].map((file) => relative(root, file))), packages };
}

describe("the popup's first chunk (what the Away switch waits for)", () => {
  const { files, packages } = firstChunk('src/popup/main.tsx');

  it('holds the switch, its status and the settings read', () => {
    expect(files).toContain('src/popup/away-control.tsx');
    expect(files).toContain('src/popup/status-line.tsx');
    expect(files).toContain('src/storage/settings-peek.ts');
    expect(packages).toContain('preact');
  });

  it('loads neither Dexie nor the database-backed sections', () => {
    expect(packages).not.toContain('dexie');
    expect(files).not.toContain('src/storage/db.ts');
    expect(files).not.toContain('src/shared/db.ts');
    expect(files).not.toContain('src/popup/sections.tsx');
  });

  it('reads the settings without the code that writes them (jobs, ledger, contacts, activity)', () => {
    expect(files).not.toContain('src/storage/settings.ts');
    for (const writer of ['jobs', 'people', 'activity', 'threads', 'problems'])
      expect(files).not.toContain(`src/storage/${writer}.ts`);
    expect(files).not.toContain('src/core/job-lifecycle.ts');
  });

  it('leaves the rule engine and the options page out', () => {
    expect(files).not.toContain('src/core/decide.ts');
    expect(files).not.toContain('src/core/rules.ts');
    expect([...files].filter((file) => file.startsWith('src/options/'))).toEqual([]);
  });

  it('reads imports the way the bundler does', () => {
    const source = [
      "import type { A } from './types.ts';",
      "import { b, type C } from './b.ts';",
      "import './style.css';",
      "export { d } from './d.ts';",
      "export type { E } from './e.ts';",
      "const lazy = () => import('./lazy.ts');",
      "// import { f } from './commented.ts';",
    ].join('\n');
    expect(staticImports(source)).toEqual(['./b.ts', './style.css', './d.ts']);
  });
});
