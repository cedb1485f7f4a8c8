import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCALE_CODES } from '../../../src/core/locales.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { SETTINGS_KEY } from '../../../src/storage/rows.ts';
import { getSettings, updateSettings } from '../../../src/storage/settings.ts';
import { listTemplates, putTemplate } from '../../../src/storage/templates.ts';
import { importAll } from '../../../src/storage/transfer.ts';
import { parseExport } from '../../../src/storage/transfer-check.ts';
import { freshDb } from '../support/fresh-db.ts';
import { env, exportText } from './transfer-data.ts';

/** The example file of docs/settings-format.md: written when only English and French existed. */
const doc = readFileSync(join(import.meta.dirname, '../../../docs/settings-format.md'), 'utf8');
const example = doc.match(/```json\n([\s\S]*?)```/)?.[1] ?? '';

/** An export from the days of two languages, in French. */
function olderFrenchExport(): string {
  const file = JSON.parse(example);
  file.settings.uiLocale = 'fr';
  for (const template of file.templates) template.locale = 'fr';
  return JSON.stringify(file);
}

let db: AwayDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('language codes in stored data and files', () => {
  it.each(LOCALE_CODES)(
    '%s is accepted as interface language and template language, and exported',
    async (code) => {
      expect((await updateSettings(db, env, (s) => ({ ...s, uiLocale: code }))).ok).toBe(true);
      const template = {
        id: `t-${code}`,
        name: code,
        body: 'Hello {first_name}',
        locale: code,
        quickReply: false,
      };
      expect((await putTemplate(db, template)).ok).toBe(true);
      const text = await exportText(db);
      const parsed = parseExport(text);
      expect(parsed.ok && parsed.value.settings.uiLocale).toBe(code);
      expect(parsed.ok && parsed.value.templates.map((t) => t.locale)).toEqual([code]);
    },
  );

  it('still imports a file written with only English and French', async () => {
    expect(parseExport(example)).toMatchObject({ ok: true });
    expect(await importAll(db, olderFrenchExport(), env)).toMatchObject({ ok: true });
    expect((await getSettings(db, env)).uiLocale).toBe('fr');
    expect((await listTemplates(db)).every((t) => t.locale === 'fr')).toBe(true);
  });

  it('still reads settings stored before, and a code it does not know as "auto"', async () => {
    await db.settings.put({ key: SETTINGS_KEY, value: { uiLocale: 'fr' } });
    expect((await getSettings(db, env)).uiLocale).toBe('fr');
    await db.settings.put({ key: SETTINGS_KEY, value: { uiLocale: 'xx' } });
    expect((await getSettings(db, env)).uiLocale).toBe('auto');
  });

  it('refuses a file with a language that is not shipped, saying where', () => {
    const file = JSON.parse(example);
    file.settings.uiLocale = 'pt';
    expect(parseExport(JSON.stringify(file))).toMatchObject({
      ok: false,
      problem: { code: 'invalidValue', path: '/settings/uiLocale' },
    });
    const other = JSON.parse(example);
    other.templates[0].locale = 'pt-BR';
    expect(parseExport(JSON.stringify(other))).toMatchObject({
      ok: false,
      problem: { path: '/templates/0/locale' },
    });
  });
});
