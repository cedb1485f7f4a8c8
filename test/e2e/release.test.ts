import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manifestFor } from '../../scripts/manifest-for.ts';
import type { Seed } from '../fixtures/fake-x/src/api.ts';
import {
  type Archive,
  extractArchive,
  readArchive,
  unpackedExtensionId,
  unreferencedFiles,
} from './release-contents.ts';
import { FORBIDDEN, fileHashes, isInput, rebuildFrom, trackedInputs } from './release-source.ts';
import { ROOT } from './support/paths.ts';
import { openSession, type Session, type SessionPage } from './support/session.ts';

// The store zips as users get them: `npm run package` run on the built dist/, each zip checked for what
// it carries, then the Chrome zip unpacked into Chromium and the Firefox zip itself installed in Firefox,
// each detecting a DM on the fake X; and the source archive for AMO, rebuilt into the same files. Needs
// `npm run build` first (npm test does it).

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const TARGETS = ['chrome', 'firefox'] as const;
const ALICE = { id: '2001', handle: 'alice', name: 'Alice Martin' };
const THREAD = '1000-2001';
const seed: Seed = { threads: [{ with: [ALICE], history: [{ from: 'alice', text: 'Hi there' }] }] };

interface Manifest {
  version: string;
  web_accessible_resources?: { resources: string[] }[];
}

let releaseDir = '';
const zipPath = (target: string) => join(releaseDir, `away-for-x-${version}-${target}.zip`);

beforeAll(() => {
  releaseDir = mkdtempSync(join(tmpdir(), 'afx-release-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs')], {
    cwd: ROOT,
    env: { ...process.env, RELEASE_DIR: releaseDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
});

afterAll(() => {
  if (releaseDir) rmSync(releaseDir, { recursive: true, force: true });
});

it('packaging writes one zip per browser and the source archive, named with the version of package.json', () => {
  expect(readdirSync(releaseDir).sort()).toEqual(
    [...TARGETS, 'source'].map((name) => `away-for-x-${version}-${name}.zip`),
  );
});

describe('the source archive for AMO', () => {
  let archive: Archive;
  beforeAll(() => {
    archive = readArchive(zipPath('source'));
  });

  it('holds every build input git tracks, and nothing else', () => {
    const tracked = trackedInputs();
    expect(tracked).toEqual(
      expect.arrayContaining(['package-lock.json', 'vite.config.ts', 'src/background/index.ts']),
    );
    expect(tracked.filter((file) => !archive.files.includes(file))).toEqual([]);
    expect(archive.files.filter((file) => !isInput(file))).toEqual([]);
    expect(archive.files.filter((file) => FORBIDDEN.some((prefix) => file.startsWith(prefix)))).toEqual([]);
  });

  it('says how to rebuild it, with the Node.js version it was made with', () => {
    const building = archive.text('BUILDING.md');
    expect(building.startsWith(readFileSync(join(ROOT, 'BUILDING.md'), 'utf8').trimEnd())).toBe(true);
    expect(building).toContain('npm ci');
    expect(building).toContain('npm run build');
    expect(building).toContain(`Away for X ${version}, packaged with Node.js ${process.version}`);
  });

  it('rebuilds into the very files of dist/firefox and dist/chrome', () => {
    const rebuilt = rebuildFrom(zipPath('source'));
    try {
      for (const target of TARGETS) {
        const ours = fileHashes(join(ROOT, 'dist', target));
        const theirs = fileHashes(join(rebuilt, 'dist', target));
        expect(Object.keys(theirs).sort(), `${target} files`).toEqual(Object.keys(ours).sort());
        expect(readFileSync(join(rebuilt, 'dist', target, 'manifest.json'), 'utf8')).toBe(
          readFileSync(join(ROOT, 'dist', target, 'manifest.json'), 'utf8'),
        );
        expect(theirs, `${target} contents (is dist/ older than the sources? npm run build)`).toEqual(ours);
      }
    } finally {
      rmSync(rebuilt, { recursive: true, force: true });
    }
  });
});

describe.each(TARGETS)('the %s store zip', (target) => {
  let archive: Archive;
  beforeAll(() => {
    archive = readArchive(zipPath(target));
  });

  it('carries the version of package.json and manifest.json at its root', () => {
    expect(archive.files).toContain('manifest.json');
    expect((JSON.parse(archive.text('manifest.json')) as Manifest).version).toBe(version);
  });

  it('ships no source map and no page opened to x.com only for tests', () => {
    expect(archive.files.filter((name) => name.endsWith('.map'))).toEqual([]);
    const mapped = archive.files.filter(
      (name) => /\.(js|css)$/.test(name) && archive.text(name).includes('sourceMappingURL='),
    );
    expect(mapped).toEqual([]);
    // What the e2e build adds for its driver, read from the same function, so the lists cannot drift.
    const forTests = manifestFor(target, { forTests: true }) as Manifest;
    const testOnly = (forTests.web_accessible_resources ?? []).flatMap((entry) => entry.resources);
    expect(testOnly.length).toBeGreaterThan(0);
    const exposed = (JSON.parse(archive.text('manifest.json')) as Manifest).web_accessible_resources ?? [];
    expect(exposed.flatMap((entry) => entry.resources).filter((r) => testOnly.includes(r))).toEqual([]);
  });

  it('holds only what the manifest reaches, translations and icons', () => {
    expect(unreferencedFiles(archive)).toEqual([]);
  });
});

describe('the contents check', () => {
  it('lists a file nothing references, and follows HTML, CSS and JS references', () => {
    const files: Record<string, string> = {
      'manifest.json': JSON.stringify({ action: { default_popup: 'src/popup/index.html' } }),
      'src/popup/index.html': '<script type="module" src="/assets/popup.js"></script>',
      'assets/popup.js': 'import "./chunk.js"; const css = "assets/popup.css";',
      'assets/chunk.js': '',
      'assets/popup.css': 'body { background: url(../icons/bg.png) }',
      'icons/bg.png': '',
      '_locales/en/messages.json': '{}',
      'assets/leftover.js': '',
      'test/fixture.html': '',
    };
    const archive: Archive = { files: Object.keys(files), text: (name) => files[name] ?? '' };
    expect(unreferencedFiles(archive)).toEqual(['assets/leftover.js', 'test/fixture.html']);
  });
});

interface Stored {
  threadId: string;
  text: string;
  source: string;
}

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

/** Waits until the extension stored a DM with this text (read from its IndexedDB by the harness). */
async function storedDm(s: Session, text: string): Promise<Stored> {
  const deadline = Date.now() + 8000;
  for (;;) {
    const found = ((await s.readExtensionStore('incoming')) as Stored[]).find((dm) => dm.text === text);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`"${text}" was not stored`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Running {
  manifest: Manifest;
  /** The adapter status the content script in the x.com tab reported to the worker. */
  statuses: { status: { ok: boolean; url: string } }[];
}

/** What the running extension says of itself, asked from one of its pages as the popup would. */
async function running(page: SessionPage): Promise<Running> {
  return page.evaluate(async () => {
    type Runtime = { runtime: { getManifest(): unknown; sendMessage(m: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
    const { runtime } = g.browser ?? g.chrome;
    const statuses = await runtime.sendMessage({ type: 'getAdapterStatuses', payload: {} });
    return { manifest: runtime.getManifest(), statuses } as Running;
  }, undefined);
}

/**
 * Waits for the content script to report a healthy adapter on the open thread (rows shown before it
 * starts are history, so a DM sent earlier would rightly be ignored), then has Alice write, and waits
 * for the worker to store the DM. Returns the manifest the running extension reports.
 */
async function detectsDm(s: Session): Promise<Manifest> {
  const page = await s.extensionPage('src/options/index.html');
  const deadline = Date.now() + 10_000;
  let state = await running(page);
  while (!state.statuses.some((r) => r.status.ok && r.status.url.endsWith(THREAD))) {
    if (Date.now() > deadline) throw new Error(`No healthy adapter: ${JSON.stringify(state.statuses)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    state = await running(page);
  }
  const text = 'Back on Monday?';
  await s.fakeX.receive({ thread: THREAD, text });
  expect(await storedDm(s, text)).toMatchObject({ threadId: THREAD, text, source: 'thread' });
  return state.manifest;
}

describe('installed from the store zips', () => {
  it('Chromium runs the unpacked Chrome zip: its worker starts and it stores a DM', async () => {
    const unpacked = mkdtempSync(join(tmpdir(), 'afx-release-chrome-'));
    try {
      extractArchive(zipPath('chrome'), unpacked);
      session = await openSession({
        browser: 'chromium',
        extensionPath: unpacked,
        state: seed,
        path: `/i/chat/${THREAD}`,
      });
      // The id is the worker's host, and Chromium derives it from the folder: this is the zip's copy.
      expect(session.extensionId).toBe(unpackedExtensionId(unpacked));
      expect((await detectsDm(session)).version).toBe(version);
    } finally {
      await session?.close();
      session = null;
      rmSync(unpacked, { recursive: true, force: true });
    }
  });

  it('Firefox installs the Firefox zip itself and it stores a DM', async () => {
    session = await openSession({
      browser: 'firefox',
      extensionPath: zipPath('firefox'),
      state: seed,
      path: `/i/chat/${THREAD}`,
    });
    const manifest = await detectsDm(session);
    expect(manifest.version).toBe(version);
    // dist/firefox-e2e lists its pages here; the store zip does not, so this is the zip running.
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });
});
