import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rule, Template } from '../../../src/core/types.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { deleteRule, getRule, listRules, putRule, reorderRules } from '../../../src/storage/rules.ts';
import {
  deleteTemplate,
  getTemplate,
  listQuickReplies,
  listTemplates,
  putTemplate,
  reorderTemplates,
} from '../../../src/storage/templates.ts';
import { freshDb } from '../support/fresh-db.ts';

let db: AwayDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const template = (id: string, extra: Partial<Template> = {}): Template => ({
  id,
  name: `Template ${id}`,
  body: 'Hi {first_name}, {back soon|see you soon}.',
  locale: 'en',
  quickReply: false,
  ...extra,
});

const rule = (id: string, extra: Partial<Rule> = {}): Rule => ({
  id,
  name: `Rule ${id}`,
  enabled: true,
  priority: 100,
  trigger: { kind: 'any' },
  mode: 'suggest',
  when: 'away',
  templateId: 't1',
  graceMinutes: 0,
  ...extra,
});

describe('templates', () => {
  it('adds at the end, replaces in place, lists in the user order', async () => {
    await putTemplate(db, template('t1'));
    await putTemplate(db, template('t2', { quickReply: true }));
    await putTemplate(db, template('t0'));
    await putTemplate(db, template('t1', { name: 'Renamed' }));
    expect((await listTemplates(db)).map((t) => [t.id, t.name])).toEqual([
      ['t1', 'Renamed'],
      ['t2', 'Template t2'],
      ['t0', 'Template t0'],
    ]);
    expect(await getTemplate(db, 't1')).toEqual(template('t1', { name: 'Renamed' }));
    expect((await listQuickReplies(db)).map((t) => t.id)).toEqual(['t2']);
  });

  it('never returns the storage-only position', async () => {
    await putTemplate(db, template('t1'));
    expect(await getTemplate(db, 't1')).not.toHaveProperty('position');
    expect((await listTemplates(db))[0]).not.toHaveProperty('position');
  });

  it('refuses a body that does not parse, with the grammar error and its position', async () => {
    const outcome = await putTemplate(db, template('t1', { body: 'Hi {nmae}' }));
    expect(outcome).toEqual({
      ok: false,
      problem: {
        code: 'invalidTemplate',
        path: '/body',
        detail: expect.stringMatching(/^unknownVariable@[34]$/),
      },
    });
    expect(await db.templates.count()).toBe(0);
  });

  it('refuses a long body or a bad id, drops a key that is not a template field', async () => {
    expect(await putTemplate(db, template('t1', { body: 'a'.repeat(2001) }))).toMatchObject({
      problem: { code: 'tooLong', path: '/body' },
    });
    expect(await putTemplate(db, template('t/1'))).toMatchObject({
      problem: { code: 'invalidValue', path: '/id' },
    });
    expect(await putTemplate(db, { ...template('t1'), html: '<b>' } as Template)).toMatchObject({
      ok: true,
    });
    expect(await getTemplate(db, 't1')).not.toHaveProperty('html');
  });

  it('refuses to delete a template a rule uses, naming the rule', async () => {
    await putTemplate(db, template('t1'));
    await putRule(db, rule('r1'));
    expect(await deleteTemplate(db, 't1')).toEqual({
      ok: false,
      problem: { code: 'templateInUse', path: '', detail: 'r1' },
    });
    await deleteRule(db, 'r1');
    expect(await deleteTemplate(db, 't1')).toEqual({ ok: true, value: undefined });
    expect(await deleteTemplate(db, 't1')).toMatchObject({ problem: { code: 'notFound' } });
  });

  it('reorders only with the exact set of ids', async () => {
    for (const id of ['a', 'b', 'c']) await putTemplate(db, template(id));
    expect(await reorderTemplates(db, ['c', 'a', 'b'])).toEqual({ ok: true, value: undefined });
    expect((await listTemplates(db)).map((t) => t.id)).toEqual(['c', 'a', 'b']);
    expect(await reorderTemplates(db, ['a', 'b'])).toMatchObject({ problem: { code: 'missingKey' } });
    expect(await reorderTemplates(db, ['a', 'b', 'x'])).toMatchObject({
      problem: { code: 'notFound', path: '/2' },
    });
    expect(await reorderTemplates(db, ['a', 'a', 'b'])).toMatchObject({
      problem: { code: 'duplicateId', path: '/1' },
    });
    expect((await listTemplates(db)).map((t) => t.id)).toEqual(['c', 'a', 'b']);
    // A template added after a reorder goes last.
    await putTemplate(db, template('d'));
    expect((await listTemplates(db)).map((t) => t.id)).toEqual(['c', 'a', 'b', 'd']);
  });
});

describe('rules', () => {
  beforeEach(async () => {
    await putTemplate(db, template('t1'));
  });

  it('stores, gets, lists by priority then id, deletes', async () => {
    await putRule(db, rule('b', { priority: 5 }));
    await putRule(db, rule('a', { priority: 5 }));
    await putRule(db, rule('z', { priority: 1 }));
    expect((await listRules(db)).map((r) => r.id)).toEqual(['z', 'a', 'b']);
    expect(await getRule(db, 'a')).toEqual(rule('a', { priority: 5 }));
    expect(await deleteRule(db, 'a')).toBe(true);
    expect(await deleteRule(db, 'a')).toBe(false);
    expect(await getRule(db, 'a')).toBeUndefined();
  });

  it('keeps only the trigger field its kind uses', async () => {
    await putRule(db, rule('r', { trigger: { kind: 'any', keywords: ['left', 'over'] } }));
    expect((await getRule(db, 'r'))?.trigger).toEqual({ kind: 'any' });
  });

  it('refuses a rule whose template does not exist', async () => {
    expect(await putRule(db, rule('r', { templateId: 'nope' }))).toEqual({
      ok: false,
      problem: { code: 'unknownTemplate', path: '/templateId' },
    });
    expect(await db.rules.count()).toBe(0);
  });

  it('refuses a regex that does not compile or is unsafe, blank keywords and empty keyword lists', async () => {
    expect(await putRule(db, rule('r', { trigger: { kind: 'regex', pattern: '(unclosed' } }))).toEqual({
      ok: false,
      problem: { code: 'invalidRule', path: '/trigger/pattern', detail: 'patternInvalid' },
    });
    // Core's engine check: a pattern the linear-time engine cannot run is refused with its position.
    expect(
      await putRule(db, rule('r', { trigger: { kind: 'regex', pattern: 'a(?=\\w+\\w+!)' } })),
    ).toMatchObject({
      problem: { code: 'invalidRule', path: '/trigger/pattern', detail: 'lookaround@1' },
    });
    expect(
      await putRule(db, rule('r', { trigger: { kind: 'keywords', keywords: ['ok', '!!!'] } })),
    ).toMatchObject({
      problem: { code: 'invalidRule', path: '/trigger/keywords/1', detail: 'keywordBlank@1' },
    });
    expect(await putRule(db, rule('r', { trigger: { kind: 'keywords', keywords: [] } }))).toMatchObject({
      problem: { code: 'invalidValue', path: '/trigger/keywords' },
    });
    expect(await db.rules.count()).toBe(0);
  });

  it('refuses rule 1,001 but still replaces existing ones', async () => {
    await db.rules.bulkPut(Array.from({ length: 1000 }, (_, i) => rule(`r${i}`)));
    expect(await putRule(db, rule('one-more'))).toMatchObject({ problem: { code: 'tooMany' } });
    expect(await putRule(db, rule('r7', { name: 'Edited' }))).toMatchObject({ ok: true });
  });

  it('reorders by renumbering priorities', async () => {
    for (const [id, priority] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      await putRule(db, rule(id, { priority }));
    expect(await reorderRules(db, ['c', 'a', 'b'])).toEqual({ ok: true, value: undefined });
    expect((await listRules(db)).map((r) => [r.id, r.priority])).toEqual([
      ['c', 10],
      ['a', 20],
      ['b', 30],
    ]);
    expect(await reorderRules(db, ['c', 'a'])).toMatchObject({ ok: false });
    expect((await listRules(db)).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
});
