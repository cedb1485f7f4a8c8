import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { starterTemplatesFor, starterTemplatesOf } from '../../../src/core/defaults.ts';
import { LOCALE_CODES } from '../../../src/core/locales.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { listRules } from '../../../src/storage/rules.ts';
import { ensureSeeded } from '../../../src/storage/seed.ts';
import { listTemplates } from '../../../src/storage/templates.ts';
import { freshDb } from '../support/fresh-db.ts';

let db: AwayDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('a new profile in each language', () => {
  it('gets only the English starters when it speaks English', async () => {
    await ensureSeeded(db, { locale: 'en', timeZone: 'UTC' });
    expect((await listTemplates(db)).map((t) => t.id)).toEqual([
      'away-en',
      'quick-en-thanks',
      'quick-en-later',
      'quick-en-busy',
    ]);
  });

  it.each(LOCALE_CODES.filter((code) => code !== 'en'))(
    'in %s gets its own away template first, then English’s, then both sets of quick replies',
    async (locale) => {
      await ensureSeeded(db, { locale, timeZone: 'UTC' });
      const templates = await listTemplates(db);
      expect(templates).toEqual(starterTemplatesFor(locale));
      const own = starterTemplatesOf(locale);
      const english = starterTemplatesOf('en');
      expect(templates.map((t) => t.id)).toEqual(
        [own[0], english[0], ...own.slice(1), ...english.slice(1)].map((t) => t?.id),
      );
      const [rule] = await listRules(db);
      expect(rule?.templateId).toBe(own[0]?.id);
    },
  );
});
