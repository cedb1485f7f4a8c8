import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProblemCode } from '../../../src/storage/problems.ts';
import { parseExport } from '../../../src/storage/transfer-check.ts';

const doc = readFileSync(join(import.meta.dirname, '../../../docs/settings-format.md'), 'utf8');

describe('docs/settings-format.md', () => {
  it('its example is a valid settings file', () => {
    const example = doc.match(/```json\n([\s\S]*?)```/)?.[1];
    expect(example).toBeDefined();
    expect(parseExport(example)).toMatchObject({ ok: true });
  });

  it('documents every problem code', () => {
    const codes: Record<ProblemCode, true> = {
      tooLarge: true,
      notJson: true,
      tooDeep: true,
      forbiddenKey: true,
      wrongFormat: true,
      unsupportedVersion: true,
      unknownKey: true,
      missingKey: true,
      wrongType: true,
      tooLong: true,
      tooMany: true,
      invalidValue: true,
      duplicateId: true,
      unknownTemplate: true,
      invalidRule: true,
      invalidTemplate: true,
      templateInUse: true,
      fieldInRule: true,
      notFound: true,
      storageFailed: true,
    };
    for (const code of Object.keys(codes))
      expect(doc, code).toMatch(new RegExp(`^\\| \`${code}\` +\\|`, 'm'));
  });
});
