import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { extractArchive } from './release-contents.ts';
import { ROOT } from './support/paths.ts';

// Helpers for the release test's checks of the AMO source archive.

/** What the build reads, as scripts/source-inputs.json lists it (folders end with "/"). */
export const SOURCE_INPUTS = (
  JSON.parse(readFileSync(join(ROOT, 'scripts/source-inputs.json'), 'utf8')) as { include: string[] }
).include;

/** Never in a source archive, whatever the list says: installs, builds, packages, tests, profiles. */
export const FORBIDDEN = [
  '.git/',
  '.profile-x/',
  '.tmp/',
  'bench/',
  'dist/',
  'node_modules/',
  'release/',
  'test/',
  'test-results/',
];

/** The files git tracks under the build inputs: all must be in the archive. */
export function trackedInputs(): string[] {
  return execFileSync('git', ['ls-files', '-z', '--', ...SOURCE_INPUTS], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean)
    .sort();
}

export const isInput = (file: string) =>
  SOURCE_INPUTS.some((input) => (input.endsWith('/') ? file.startsWith(input) : file === input));

/** Every file under `dir` with the SHA-256 of its bytes, by slash-separated path. */
export function fileHashes(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      continue; // a folder
    }
    hashes[relative(dir, path).split(sep).join('/')] = createHash('sha256').update(bytes).digest('hex');
  }
  return hashes;
}

/**
 * Unzips the source archive in a temporary folder and runs `npm run build` there, as BUILDING.md says,
 * with the repository's node_modules linked in instead of a fresh `npm ci` (same lock file, seconds
 * instead of a minute). Returns the folder; the caller removes it.
 */
export function rebuildFrom(archivePath: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'afx-source-'));
  try {
    extractArchive(archivePath, dir);
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    // As from a shell: vitest's NODE_ENV=test would make vite build something else.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')),
    );
    execFileSync('npm', ['run', 'build'], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 80_000,
    });
    return dir;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
