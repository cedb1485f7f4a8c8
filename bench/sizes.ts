import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TYPER_FILE } from '../src/messaging/sending.ts';

/**
 * Gzipped sizes of what the browser loads: the content script (injected into every X page) and the popup
 * (opened on every click). Each file is followed through its static imports, so a loader that pulls in
 * chunks is measured with them.
 */
export interface BundleSize {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/** Files as paths relative to the extension root, e.g. `assets/x.js`. */
export function bundleSize(distDir: string, entries: readonly string[]): BundleSize {
  const files = new Set<string>();
  const queue = [...entries.map(normalize)];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(join(distDir, file), 'utf8');
    for (const dependency of dependencies(file, source)) queue.push(dependency);
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(distDir, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: [...files].sort(), rawBytes, gzipBytes };
}

/** Static dependencies: scripts and stylesheets of an HTML page, static imports of a module. */
export function dependencies(file: string, source: string): string[] {
  const found: string[] = [];
  if (file.endsWith('.html')) {
    for (const [, ref] of source.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:js|css))"/g))
      if (ref) found.push(resolve(file, ref));
  } else if (file.endsWith('.js')) {
    // `import "./a.js"`, `import {x} from "./a.js"`, `export * from "./a.js"`; not dynamic import().
    for (const [, ref] of source.matchAll(/(?:\bimport|\bfrom)\s*["'`]([^"'`]+\.js)["'`]/g))
      if (ref) found.push(resolve(file, ref));
  }
  return found;
}

function resolve(from: string, ref: string): string {
  return normalize(ref.startsWith('/') ? ref : posix.join(dirname(from), ref));
}

function normalize(path: string): string {
  return posix.normalize(path.replace(/\\/g, '/')).replace(/^\/+/, '');
}

interface Manifest {
  content_scripts?: { js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
}

export function readManifest(distDir: string): Manifest {
  return JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * The content script and the popup, as the manifest names them, and the typer the worker injects only into
 * a tab that types an automatic reply (not part of the content script's goal: most pages never load it).
 */
export function extensionSizes(distDir: string): {
  contentScript: BundleSize;
  popup: BundleSize;
  typer: BundleSize;
} {
  const manifest = readManifest(distDir);
  const content = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  const popup = manifest.action?.default_popup;
  if (content.length === 0 || !popup)
    throw new Error(`${distDir}/manifest.json has no content script or popup`);
  return {
    contentScript: bundleSize(distDir, content),
    popup: bundleSize(distDir, [popup]),
    typer: bundleSize(distDir, [TYPER_FILE]),
  };
}
