import { createHash } from 'node:crypto';
import { dirname, posix } from 'node:path';
import AdmZip from 'adm-zip';

/** A store zip read into memory: its file names (folders left out) and a reader for text entries. */
export interface Archive {
  files: string[];
  text(name: string): string;
}

export function readArchive(path: string): Archive {
  // adm-zip reads synchronously, enough for 20 kB zips.
  const zip = new AdmZip(path);
  const files = zip
    .getEntries()
    .filter((entry) => !entry.isDirectory)
    .map((entry) => entry.entryName);
  return { files, text: (name) => zip.readAsText(name) };
}

export function extractArchive(path: string, into: string): void {
  new AdmZip(path).extractAllTo(into, true);
}

/** Folders a store zip may carry whether or not a file names them: translations and every icon state. */
const ALWAYS_ALLOWED = [/^_locales\/[^/]+\/messages\.json$/, /^icons\/[^/]+\.png$/];

const TEXT_FILE = /\.(html|js|css)$/;
// Paths written in HTML attributes, CSS url() and JS string literals (imports, getURL, setIcon paths).
const REFERENCE =
  /(?:src|href)="([^"]+)"|url\(\s*['"]?([^'")\s]+)|["'`]([^"'`\s]+\.(?:js|css|html|png|json))["'`]/g;

/**
 * Files in the archive that nothing ships for: not reachable from manifest.json (any string in it that
 * names a file, then the paths those files write), and not a translation or an icon. A stray test page,
 * a source map or a leftover chunk ends up here.
 */
export function unreferencedFiles(archive: Archive): string[] {
  const present = new Set(archive.files);
  const reached = new Set<string>(['manifest.json']);
  const queue: string[] = [];
  const reach = (name: string) => {
    if (present.has(name) && !reached.has(name)) {
      reached.add(name);
      queue.push(name);
    }
  };
  for (const value of strings(JSON.parse(archive.text('manifest.json')))) reach(normalise(value));
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (!TEXT_FILE.test(file)) continue;
    for (const match of archive.text(file).matchAll(REFERENCE)) {
      const written = match[1] ?? match[2] ?? match[3] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(written)) continue; // data:, https:, chrome-extension:
      // Relative to the file, or to the extension's root (runtime.getURL and the HTML's "/assets/…").
      reach(normalise(posix.join(dirname(file), written)));
      reach(normalise(written));
    }
  }
  return archive.files.filter((name) => !reached.has(name) && !ALWAYS_ALLOWED.some((re) => re.test(name)));
}

function normalise(path: string): string {
  return posix.normalize(path.split(/[?#]/)[0] ?? '').replace(/^(\.\/|\/)+/, '');
}

function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* strings(item);
}

/**
 * The id Chromium gives an unpacked extension: SHA-256 of its absolute path, the first 32 hex digits
 * written with the letters a–p. Matching it proves which folder the browser loaded.
 */
export function unpackedExtensionId(absolutePath: string): string {
  const hex = createHash('sha256').update(absolutePath).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}
