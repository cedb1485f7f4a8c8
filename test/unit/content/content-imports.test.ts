import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

/** Every module the content script pulls in, as `file imports spec` pairs, following local imports. */
function importsFrom(entry: string): string[] {
  return importStatements(entry).map(({ file, spec }) => `${file} imports ${spec}`);
}

/** The run-time import statements of the content script's modules (`import type` loads nothing). */
function importStatements(entry: string): { file: string; spec: string; statement: string }[] {
  const seen = new Set<string>();
  const found: { file: string; spec: string; statement: string }[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [statement, spec] of source.matchAll(
      /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s*)?['"]([^'"]+)['"]/gm,
    )) {
      if (!spec) continue;
      found.push({ file: relative(root, file), spec, statement });
      // Local modules (a stylesheet imported with ?inline is text, not code to follow).
      if (spec.startsWith('.') && spec.endsWith('.ts')) queue.push(resolve(dirname(file), spec));
    }
  }
  return found;
}

/** The names the content script takes from src/messaging/schemas/, sorted. */
function schemasLoaded(entry: string): string[] {
  return importStatements(entry)
    .filter(({ spec }) => spec.includes('messaging/schemas/'))
    .flatMap(({ statement }) => /\{([^}]*)\}/.exec(statement)?.[1]?.split(',') ?? ['(all of it)'])
    .map((name) => name.trim())
    .filter(Boolean)
    .sort();
}

describe('what the content script loads into every X page', () => {
  const imports = importsFrom(join(root, 'src/content/index.ts'));

  it('follows the import graph (guards against a walk that finds nothing)', () => {
    expect(imports.some((line) => line.includes('src/content/x/'))).toBe(true);
    expect(imports.some((line) => line.endsWith(' ./light.ts'))).toBe(true);
  });

  it('does not load valibot (~0.9 kB gzipped): what it receives is checked with schemas/light.ts', () => {
    expect(imports.filter((line) => line.endsWith(' valibot'))).toEqual([]);
  });

  it('loads the schemas of the messages it receives, and only those (a sender does not validate)', () => {
    expect(schemasLoaded(join(root, 'src/content/index.ts'))).toEqual([
      'barStateChangedSchema',
      'getChatMarkupSchema',
      'getOpenThreadSchema',
      'getViewerSchema',
      'insertReplySchema',
      'runJobSchema',
    ]);
  });

  it('does not load webextension-polyfill (~3 kB gzipped): it uses src/platform/extension-runtime.ts', () => {
    expect(imports.filter((line) => line.endsWith(' webextension-polyfill'))).toEqual([]);
  });

  it('does not load the typer (~4 kB gzipped): the worker injects it where an automatic reply is due', () => {
    const typer = /\.\/(job-runner|typer|typer-steps)\.ts$/;
    expect(imports.filter((line) => typer.test(line))).toEqual([]);
    // What the worker injects does load it (the walk would see it if the content script imported it).
    const injected = importsFrom(join(root, 'src/content/typer-entry.ts'));
    expect(injected.filter((line) => typer.test(line)).length).toBeGreaterThan(0);
  });
});
