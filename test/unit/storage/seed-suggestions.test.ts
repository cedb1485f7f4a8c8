import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRulesFor, starterTemplatesFor } from '../../../src/core/defaults.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { listRules } from '../../../src/storage/rules.ts';
import { ensureSeeded } from '../../../src/storage/seed.ts';
import { getSettings } from '../../../src/storage/settings.ts';
import {
  clearSuggestion,
  getSuggestion,
  listSuggestions,
  setSuggestion,
} from '../../../src/storage/suggestions.ts';
import { deleteTemplate, listTemplates } from '../../../src/storage/templates.ts';
import { freshDb } from '../support/fresh-db.ts';

let db: AwayDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('ensureSeeded', () => {
  it('seeds settings in the browser zone, the starter templates in order and the rule for the locale', async () => {
    expect(await ensureSeeded(db, { locale: 'fr', timeZone: 'Europe/Paris' })).toBe(true);
    expect((await getSettings(db, { timeZone: 'UTC' })).schedule.timeZone).toBe('Europe/Paris');
    expect(await listTemplates(db)).toEqual(starterTemplatesFor('fr'));
    expect(await listRules(db)).toEqual(defaultRulesFor('fr'));
  });

  it('is idempotent, also when called concurrently, and never re-adds what the user deleted', async () => {
    const runs = await Promise.all([
      ensureSeeded(db, { locale: 'en', timeZone: 'UTC' }),
      ensureSeeded(db, { locale: 'en', timeZone: 'UTC' }),
    ]);
    expect(runs.filter(Boolean)).toHaveLength(1);
    await db.rules.clear();
    expect(await deleteTemplate(db, 'quick-en-thanks')).toMatchObject({ ok: true });
    expect(await ensureSeeded(db, { locale: 'en', timeZone: 'UTC' })).toBe(false);
    expect(await db.rules.count()).toBe(0);
    expect((await listTemplates(db)).map((t) => t.id)).not.toContain('quick-en-thanks');
  });
});

describe('suggestions', () => {
  const suggestion = (messageId: string, text = 'Back Monday') => ({
    threadId: '1-2',
    messageId,
    text,
    ruleId: 'away-default',
    templateId: 'away-en',
    createdAt: 1,
  });

  it('keeps one per thread, the newest', async () => {
    await setSuggestion(db, suggestion('m1'));
    await setSuggestion(db, suggestion('m2', 'Newer'));
    await setSuggestion(db, { ...suggestion('m9'), threadId: '0-9' });
    expect(await getSuggestion(db, '1-2')).toEqual(suggestion('m2', 'Newer'));
    expect((await listSuggestions(db)).map((s) => s.threadId)).toEqual(['0-9', '1-2']);
  });

  it('clears only the suggestion for the given message', async () => {
    await setSuggestion(db, suggestion('m2'));
    expect(await clearSuggestion(db, '1-2', 'm1')).toBe(false);
    expect(await getSuggestion(db, '1-2')).toBeDefined();
    expect(await clearSuggestion(db, '1-2', 'm2')).toBe(true);
    expect(await getSuggestion(db, '1-2')).toBeUndefined();
    await setSuggestion(db, suggestion('m3'));
    expect(await clearSuggestion(db, '1-2')).toBe(true);
    expect(await clearSuggestion(db, '1-2')).toBe(false);
  });
});
