import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleSize, dependencies, extensionSizes } from '../../../bench/sizes.ts';

const dir = mkdtempSync(join(tmpdir(), 'afx-sizes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, content: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), content);
}

write(
  'manifest.json',
  JSON.stringify({
    content_scripts: [{ js: ['src/content/index.js'] }],
    action: { default_popup: 'src/popup/index.html' },
  }),
);
write('src/content/index.js', 'console.log("content")'.repeat(50));
write('src/content/typer.js', 'console.log("typer")'.repeat(20));
write(
  'src/popup/index.html',
  '<script type="module" crossorigin src="/assets/popup.js"></script><link rel="modulepreload" href="/assets/preact.js"><link rel="stylesheet" href="/assets/popup.css">',
);
write('assets/popup.js', 'import{h}from"./preact.js";import"./side.js";const later=()=>import("./lazy.js");');
write('assets/preact.js', 'export const h=1;');
write('assets/side.js', 'import{h}from"./preact.js";');
write('assets/lazy.js', 'export default 1;');
write('assets/popup.css', 'body{margin:0}');

describe('bundle sizes', () => {
  it('finds scripts and stylesheets of a page and static imports of modules, not dynamic ones', () => {
    expect(
      dependencies('src/popup/index.html', '<script src="/assets/a.js"></script><link href="./b.css">'),
    ).toEqual(['assets/a.js', 'src/popup/b.css']);
    expect(
      dependencies('assets/x.js', 'import{a}from"./y.js";export*from"../z.js";import("./lazy.js")'),
    ).toEqual(['assets/y.js', 'z.js']);
  });

  it('measures the popup with everything it loads at once, each file once', () => {
    const size = bundleSize(dir, ['src/popup/index.html']);
    expect(size.files).toEqual([
      'assets/popup.css',
      'assets/popup.js',
      'assets/preact.js',
      'assets/side.js',
      'src/popup/index.html',
    ]);
    expect(size.gzipBytes).toBeGreaterThan(0);
  });

  it('reads the entry points from the manifest and gzips what it finds', () => {
    const sizes = extensionSizes(dir);
    const content = 'console.log("content")'.repeat(50);
    expect(sizes.contentScript.files).toEqual(['src/content/index.js']);
    expect(sizes.contentScript.rawBytes).toBe(content.length);
    expect(sizes.contentScript.gzipBytes).toBe(gzipSync(content, { level: 9 }).length);
    // The typer the worker injects is measured apart, never counted in the content script.
    expect(sizes.typer.files).toEqual(['src/content/typer.js']);
    expect(sizes.typer.rawBytes).toBe('console.log("typer")'.length * 20);
  });
});
