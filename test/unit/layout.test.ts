import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Source without comments and string contents, so a word in a comment or a message does not count. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, "''");
}

describe('house rules of the folder layout', () => {
  const coreFiles = filesUnder(join(root, 'src/core'));

  it('has a core', () => {
    expect(coreFiles.length).toBeGreaterThan(0);
  });

  it('core imports only from core (no browser shell, no storage, no DOM libraries)', () => {
    // Pure computation packages core may use: re2js (the linear-time regex engine, no I/O, no DOM).
    const purePackages = new Set(['re2js']);
    for (const file of coreFiles) {
      const source = readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
        const name = `${relative(root, file)} imports ${spec}`;
        const local = spec?.startsWith('./') || spec?.startsWith('../core/');
        expect(local || purePackages.has(spec ?? ''), name).toBe(true);
      }
    }
  });

  it('core uses no browser API and no hidden clock or randomness', () => {
    const forbidden =
      /\b(window|document|chrome|browser|indexedDB|localStorage|sessionStorage|navigator|fetch|XMLHttpRequest|setTimeout|setInterval|Date\.now|Math\.random|performance)\b/;
    for (const file of coreFiles) {
      const match = codeOnly(readFileSync(file, 'utf8')).match(forbidden);
      expect(match?.[0], `${relative(root, file)} uses ${match?.[0]}`).toBeUndefined();
    }
  });

  it('the layout test itself sees a forbidden use (guards against a regex that matches nothing)', () => {
    expect(codeOnly('const t = Date.now(); // window')).toMatch(/Date\.now/);
    expect(codeOnly("const s = 'window'; /* document */")).not.toMatch(/window|document/);
  });

  it('no source file makes network requests (extension-local files only)', () => {
    for (const file of filesUnder(join(root, 'src'))) {
      const lines = codeOnly(readFileSync(file, 'utf8')).split('\n');
      for (const line of lines) {
        expect(line, relative(root, file)).not.toMatch(
          /\b(XMLHttpRequest|WebSocket|EventSource|sendBeacon)\b/,
        );
        // fetch is allowed only for the extension's own packaged files.
        if (/\bfetch\s*\(/.test(line)) expect(line, relative(root, file)).toMatch(/runtime\.getURL\(/);
      }
    }
  });
});
