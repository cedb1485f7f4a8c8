import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const dist = (target: string) => join(root, 'dist', target);

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
  metadata: { manifestVersion: number };
}

/** `web-ext lint` without --self-hosted: the checks AMO applies to an add-on it lists. */
function lint(sourceDir: string): LintReport {
  let output: string;
  try {
    output = execFileSync(
      join(root, 'node_modules/.bin/web-ext'),
      ['lint', '--output=json', '--source-dir', sourceDir],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    // web-ext exits non-zero when it finds errors; its JSON report is still on stdout.
    output = (error as { stdout: string }).stdout;
  }
  return JSON.parse(output) as LintReport;
}

const describeMessage = (m: LintMessage) => `${m.code} ${m.file ?? ''}: ${m.message}`;

/**
 * Warnings known to come from a library and not from a use of ours: Preact's DOM diff assigns innerHTML
 * when a component passes dangerouslySetInnerHTML, which no component of ours does (checked here too).
 */
function explained(warning: LintMessage, sourceDir: string): boolean {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file) return false;
  const bundle = readFileSync(join(sourceDir, warning.file), 'utf8');
  const src = join(root, 'src');
  const ours = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
    (name) =>
      /\.tsx?$/.test(name) && readFileSync(join(src, name), 'utf8').includes('dangerouslySetInnerHTML'),
  );
  return bundle.includes('dangerouslySetInnerHTML') && ours.length === 0;
}

describe('built packages', () => {
  it.each(['chrome', 'firefox'])('%s build exists with a manifest', (target) => {
    expect(existsSync(join(dist(target), 'manifest.json')), `run npm run build`).toBe(true);
  });

  it('web-ext lint, as AMO runs it on a listed add-on, finds no error in the Firefox build', () => {
    const report = lint(dist('firefox'));
    // The report's own numbers, so that a run that read nothing cannot pass.
    expect(report.metadata.manifestVersion).toBe(3);
    expect(report.errors.map(describeMessage)).toEqual([]);
    expect(report.notices.map(describeMessage)).toEqual([]);
    // Warnings do not block a listing, but each one is read here: print them, and accept only those
    // explained below.
    for (const warning of report.warnings) console.info(`web-ext lint warning: ${describeMessage(warning)}`);
    const unexplained = report.warnings.filter((warning) => !explained(warning, dist('firefox')));
    expect(unexplained.map(describeMessage)).toEqual([]);
  });

  it('ships no remote code: extension pages allow only their own scripts', () => {
    for (const target of ['chrome', 'firefox']) {
      const manifest = JSON.parse(readFileSync(join(dist(target), 'manifest.json'), 'utf8'));
      expect(manifest.content_security_policy.extension_pages).toBe("script-src 'self'; object-src 'self'");
    }
  });
});
