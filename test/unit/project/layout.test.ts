import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

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

const WRITE_METHODS = new Set([
  'add',
  'put',
  'update',
  'delete',
  'clear',
  'bulkAdd',
  'bulkPut',
  'bulkDelete',
  'bulkUpdate',
  'modify',
  'upsert',
]);

/** The methods called along each `.jobs` / `.ledger` chain of the code, e.g. `where, below, delete`. */
function chainsOn(code: string, table: string): string[][] {
  const chains: string[][] = [];
  for (const match of code.matchAll(new RegExp(`\\.${table}\\b`, 'g'))) {
    const methods: string[] = [];
    let i = (match.index ?? 0) + match[0].length;
    for (;;) {
      while (/\s/.test(code[i] ?? '')) i++;
      if (code[i] === '?' && code[i + 1] === '.') i++;
      if (code[i] !== '.') break;
      const name = /^\.\s*([A-Za-z_$][\w$]*)/.exec(code.slice(i));
      if (!name) break;
      i += name[0].length;
      while (/\s/.test(code[i] ?? '')) i++;
      if (code[i] === '<') i = code.indexOf('>', i) + 1;
      if (code[i] === '(') {
        let depth = 0;
        do {
          if ('([{'.includes(code[i] ?? '')) depth++;
          else if (')]}'.includes(code[i] ?? '')) depth--;
          i++;
        } while (depth > 0 && i < code.length);
        methods.push(name[1] ?? '');
      }
    }
    chains.push(methods);
  }
  return chains;
}

/** Ways a source file writes the jobs or the ledger table, in words; empty when it only reads them. */
function jobTableWrites(source: string, tables: readonly string[] = ['jobs', 'ledger']): string[] {
  const code = codeOnly(source);
  const found: string[] = [];
  for (const table of tables) {
    for (const chain of chainsOn(code, table)) {
      const write = chain.find((method) => WRITE_METHODS.has(method));
      if (write) found.push(`${table}.${chain.join('.')}`);
    }
    // The table kept in a variable, or reached by name, escapes the chain check: both count as writing.
    if (new RegExp(`=\\s*[\\w$]+\\.${table}\\s*[;,)\\n]`).test(code)) found.push(`${table} aliased`);
    if (new RegExp(`\\btable\\s*(<[^>]*>)?\\s*\\(\\s*['"\`]${table}['"\`]`).test(source))
      found.push(`table('${table}')`);
  }
  return found;
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

  /** The src/ folders a file imports from (static and dynamic imports), e.g. `storage`. */
  const importedFolders = (file: string): string[] => {
    const source = readFileSync(file, 'utf8');
    const specs = [...source.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.[^'"]+)['"]/g)].map(
      (m) => m[1] ?? '',
    );
    return specs.map((spec) => relative(join(root, 'src'), join(file, '..', spec)).split('/')[0] ?? '');
  };
  const crossings = (folders: readonly string[], banned: readonly string[]) =>
    folders.flatMap((folder) =>
      filesUnder(join(root, 'src', folder)).flatMap((file) =>
        importedFolders(file)
          .filter((to) => banned.includes(to))
          .map((to) => `${relative(root, file)} imports from src/${to}/`),
      ),
    );

  it('the worker imports nothing from the pages or their components', () => {
    expect(crossings(['background'], ['ui', 'popup', 'options', 'welcome'])).toEqual([]);
  });

  it('the content script imports nothing from storage (the database lives in the worker)', () => {
    expect(crossings(['content'], ['storage', 'background'])).toEqual([]);
  });

  it("the pages import nothing from the worker's internals", () => {
    expect(crossings(['popup', 'options', 'welcome', 'ui'], ['background'])).toEqual([]);
  });

  it('the import check sees a crossing (guards against a pattern that matches nothing)', () => {
    expect(crossings(['background'], ['storage']).length).toBeGreaterThan(0);
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

  it('one owner for send jobs: no module but src/storage/jobs.ts writes the jobs or the ledger table', () => {
    const owner = join(root, 'src/storage/jobs.ts');
    const offenders = filesUnder(join(root, 'src'))
      .filter((file) => file !== owner)
      .flatMap((file) =>
        jobTableWrites(readFileSync(file, 'utf8')).map((w) => `${relative(root, file)}: ${w}`),
      );
    expect(offenders).toEqual([]);
  });

  it('one owner for contacts: no module but src/storage/people.ts writes the people table', () => {
    // The schema's upgrade copies the old table in, once, before anything else runs.
    const allowed = new Set([join(root, 'src/storage/people.ts'), join(root, 'src/storage/schema.ts')]);
    const offenders = filesUnder(join(root, 'src'))
      .filter((file) => !allowed.has(file))
      .flatMap((file) =>
        jobTableWrites(readFileSync(file, 'utf8'), ['people']).map((w) => `${relative(root, file)}: ${w}`),
      );
    expect(offenders).toEqual([]);
  });

  it('the owner check sees writes and lets reads through (guards against a check that matches nothing)', () => {
    expect(jobTableWrites('await db.jobs.put(job);')).toEqual(['jobs.put']);
    expect(
      jobTableWrites("db.jobs\n  .where('dueAt')\n  .below(cutoff)\n  .filter((j) => f(j))\n  .delete();"),
    ).toEqual(['jobs.where.below.filter.delete']);
    expect(jobTableWrites('await this.db.ledger.add(entry)')).toEqual(['ledger.add']);
    expect(jobTableWrites('const t = db.jobs;\nt.clear();')).toEqual(['jobs aliased']);
    expect(jobTableWrites("tx.table<SendJob>('jobs').toCollection().modify(f)")).toEqual(["table('jobs')"]);
    expect(jobTableWrites("db.transaction('rw', [db.jobs, db.activity], () => db.activity.add(e));")).toEqual(
      [],
    );
    expect(jobTableWrites("await db.jobs.where('state').anyOf(['pending']).sortBy('dueAt');")).toEqual([]);
    expect(jobTableWrites('// db.jobs.put(job) in a comment\nconst s = "db.ledger.add(x)";')).toEqual([]);
  });
});

/**
 * Folders of test/unit/ that are not named after a src/ folder, each with what it holds. Every other folder
 * holds the unit tests of the src/ folder of the same name.
 */
const NON_SRC_TEST_FOLDERS: Record<string, string> = {
  bench: 'tests of bench/',
  scripts: 'tests of scripts/',
  project: 'checks of the whole repository: layout, docs, manifest, browser support, store listings',
  support: 'helpers shared by tests of several folders, no tests',
};

/** The test folders that neither mirror a src/ folder nor are listed above. */
function strayTestFolders(testFolders: readonly string[], srcFolders: readonly string[]): string[] {
  return testFolders.filter(
    (folder) => !srcFolders.includes(folder) && !Object.hasOwn(NON_SRC_TEST_FOLDERS, folder),
  );
}

describe('test/unit mirrors src/', () => {
  const entries = (dir: string) => readdirSync(join(root, dir), { withFileTypes: true });
  const srcFolders = entries('src')
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  // A folder without code (left empty after a move) is not a test folder.
  const testFolders = entries('test/unit')
    .filter((e) => e.isDirectory() && filesUnder(join(root, 'test/unit', e.name)).length > 0)
    .map((e) => e.name);

  it('every folder is named after a src/ folder or is one of the few listed others', () => {
    expect(strayTestFolders(testFolders, srcFolders)).toEqual([]);
  });

  it('the listed others exist, mirror a top-level folder where they say so, and name no src/ folder', () => {
    for (const folder of Object.keys(NON_SRC_TEST_FOLDERS)) {
      expect(testFolders, folder).toContain(folder);
      expect(srcFolders, folder).not.toContain(folder);
    }
    for (const folder of ['bench', 'scripts']) expect(statSync(join(root, folder)).isDirectory()).toBe(true);
  });

  it('holds folders only, and support/ holds no tests', () => {
    expect(
      entries('test/unit')
        .filter((e) => !e.isDirectory())
        .map((e) => e.name),
    ).toEqual([]);
    const supportTests = filesUnder(join(root, 'test/unit/support')).filter((f) => /\.test\.tsx?$/.test(f));
    expect(supportTests.map((f) => relative(root, f))).toEqual([]);
  });

  it('the mirror check sees a stray folder (guards against a check that passes everything)', () => {
    expect(srcFolders).toContain('background');
    expect(strayTestFolders(['background', 'sending', 'support'], srcFolders)).toEqual(['sending']);
  });
});
