import { readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import ts from 'typescript';
import { DEFAULT_CONFIG, type FakeXConfig } from '../../fixtures/fake-x/src/api.ts';
import { FAKE_X_DIR } from './paths.ts';

export interface Reply {
  status: number;
  contentType: string;
  body: string;
}

const ASSET_PREFIX = '/__fakex/';
const cache = new Map<string, { mtimeMs: number; js: string }>();

/**
 * What https://x.com answers in tests: any page is the fake client's HTML (X is a single-page app);
 * `/__fakex/…` serves its TypeScript modules, transpiled on the fly (no build step, no server).
 */
export function fakeXReply(rawUrl: string, isDocument: boolean, config: Partial<FakeXConfig>): Reply {
  const url = new URL(rawUrl);
  if (url.pathname.startsWith(ASSET_PREFIX)) return asset(url.pathname.slice(ASSET_PREFIX.length));
  if (!isDocument) return { status: 404, contentType: 'text/plain', body: 'not found' };
  const full: FakeXConfig = { ...DEFAULT_CONFIG, ...config };
  // `<` escaped so no text in the seed can close the script element.
  const json = JSON.stringify(full).replace(/</g, '\\u003c');
  const html = readFileSync(join(FAKE_X_DIR, 'page.html'), 'utf8').replace(
    '{"fakexConfig":"placeholder"}',
    json,
  );
  return { status: 200, contentType: 'text/html; charset=utf-8', body: html };
}

function asset(relative: string): Reply {
  const file = normalize(join(FAKE_X_DIR, relative));
  if (!file.startsWith(FAKE_X_DIR + sep) || !file.endsWith('.ts')) {
    return { status: 404, contentType: 'text/plain', body: 'not found' };
  }
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return { status: 404, contentType: 'text/plain', body: 'not found' };
  }
  let entry = cache.get(file);
  if (!entry || entry.mtimeMs !== mtimeMs) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        verbatimModuleSyntax: true,
      },
    });
    entry = { mtimeMs, js: outputText };
    cache.set(file, entry);
  }
  return { status: 200, contentType: 'text/javascript; charset=utf-8', body: entry.js };
}
