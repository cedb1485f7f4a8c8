import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const dist = (target: string) => join(root, 'dist', target);

describe('built packages', () => {
  it.each(['chrome', 'firefox'])('%s build exists with a manifest', (target) => {
    expect(existsSync(join(dist(target), 'manifest.json')), `run npm run build`).toBe(true);
  });

  it('web-ext lint finds no error in the Firefox build', () => {
    let output: string;
    try {
      output = execFileSync(
        join(root, 'node_modules/.bin/web-ext'),
        ['lint', '--self-hosted', '--output=json', '--source-dir', dist('firefox')],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (error) {
      // web-ext exits non-zero when it finds errors; its JSON report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output) as { errors: { code: string; message: string; file?: string }[] };
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
  });

  it('ships no remote code: extension pages allow only their own scripts', () => {
    for (const target of ['chrome', 'firefox']) {
      const manifest = JSON.parse(readFileSync(join(dist(target), 'manifest.json'), 'utf8'));
      expect(manifest.content_security_policy.extension_pages).toBe("script-src 'self'; object-src 'self'");
    }
  });
});
