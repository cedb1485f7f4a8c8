import { describe, expect, it, vi } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import type { Rule, Template } from '../../../src/core/types.ts';
import { type MessageBundle, setBundle } from '../../../src/shared/i18n.ts';
import { putRule } from '../../../src/storage/rules.ts';
import { deleteTemplate, putTemplate } from '../../../src/storage/templates.ts';
import { exportAll, importAll } from '../../../src/storage/transfer.ts';
import { parseExport } from '../../../src/storage/transfer-check.ts';
import { problemText } from '../../../src/ui/problem-words.ts';
import { freshDb } from '../support/fresh-db.ts';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' } } }));

const env = { timeZone: 'Europe/Paris', now: Date.UTC(2026, 10, 26, 9, 30) };
const template = (
  id: string,
  body: string,
  locale: Template['locale'] = 'en',
  quickReply = false,
): Template => ({
  id,
  name: `Template ${id}`,
  body,
  locale,
  quickReply,
});
const rule = (overrides: Partial<Rule> = {}): Rule => ({
  id: 'away-rule',
  name: 'Away for everyone',
  enabled: true,
  priority: 10,
  trigger: { kind: 'any' },
  mode: 'suggest',
  when: 'away',
  templateId: 'away-en',
  ...overrides,
});

async function withTemplates() {
  const db = freshDb();
  await putTemplate(db, template('away-en', 'Hi {first_name}, I am away.'));
  await putTemplate(db, template('away-fr', 'Bonjour {first_name}, je suis absent.', 'fr'));
  await putTemplate(db, template('order', 'Order {ask:Order number} ships {ask:Date|tomorrow}.', 'en', true));
  return db;
}

describe('a rule’s language templates in the database', () => {
  it('stores them in the languages’ order, without empty choices', async () => {
    const db = await withTemplates();
    const saved = await putRule(db, rule({ languageTemplates: { fr: 'away-fr', de: '' } }));
    expect(saved).toMatchObject({ ok: true });
    expect((await db.rules.get('away-rule'))?.languageTemplates).toEqual({ fr: 'away-fr' });
  });

  it('refuses a language template that does not exist', async () => {
    const db = await withTemplates();
    expect(await putRule(db, rule({ languageTemplates: { fr: 'nope' } }))).toEqual({
      ok: false,
      problem: { code: 'unknownTemplate', path: '/languageTemplates/fr' },
    });
  });

  it('keeps a template a rule uses for a language from being deleted', async () => {
    const db = await withTemplates();
    await putRule(db, rule({ languageTemplates: { fr: 'away-fr' } }));
    expect(await deleteTemplate(db, 'away-fr')).toEqual({
      ok: false,
      problem: { code: 'templateInUse', path: '', detail: 'away-rule' },
    });
  });
});

describe('fields never reach a rule', () => {
  it('refuses a rule whose default or language template asks for a field, naming the rule', async () => {
    const db = await withTemplates();
    const asDefault = await putRule(db, rule({ templateId: 'order' }));
    expect(asDefault).toEqual({
      ok: false,
      problem: {
        code: 'fieldInRule',
        path: '/templateId',
        detail: 'away-rule',
        ruleName: 'Away for everyone',
      },
    });
    const asLanguage = await putRule(db, rule({ languageTemplates: { fr: 'order' } }));
    expect(asLanguage).toMatchObject({
      ok: false,
      problem: { code: 'fieldInRule', path: '/languageTemplates/fr' },
    });
    expect(await db.rules.count()).toBe(0);
  });

  it('refuses a field added to a template a rule uses, and accepts it once no rule does', async () => {
    const db = await withTemplates();
    await putRule(db, rule({ languageTemplates: { fr: 'away-fr' } }));
    const edited = await putTemplate(db, template('away-fr', 'Commande {ask:Numéro} ?', 'fr'));
    expect(edited).toEqual({
      ok: false,
      problem: { code: 'fieldInRule', path: '/body', detail: 'away-rule', ruleName: 'Away for everyone' },
    });
    expect((await db.templates.get('away-fr'))?.body).toBe('Bonjour {first_name}, je suis absent.');
    expect(await putTemplate(db, template('spare', 'Commande {ask:Numéro} ?', 'fr', true))).toMatchObject({
      ok: true,
    });
  });

  it('the refusal names the rule in words', () => {
    setBundle('en', en as MessageBundle);
    const text = problemText({
      code: 'fieldInRule',
      path: '/templateId',
      detail: 'r1',
      ruleName: 'VIP rule',
    });
    expect(text).toContain('VIP rule');
  });
});

describe('export and import carry language templates and fields', () => {
  it('round-trips byte for byte', async () => {
    const db = await withTemplates();
    await putRule(db, rule({ languageTemplates: { fr: 'away-fr' } }));
    const exported = await exportAll(db, env);
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    const doc = JSON.parse(exported.value);
    expect(doc.rules[0].languageTemplates).toEqual({ fr: 'away-fr' });
    expect(doc.templates.map((t: Template) => t.body)).toContain(
      'Order {ask:Order number} ships {ask:Date|tomorrow}.',
    );
    const other = freshDb();
    expect(await importAll(other, exported.value, env)).toMatchObject({ ok: true });
    expect(await exportAll(other, env)).toEqual(exported);
  });

  it('reads files without languageTemplates (written before they existed)', async () => {
    const db = await withTemplates();
    await putRule(db, rule());
    const exported = await exportAll(db, env);
    if (!exported.ok) throw new Error('export failed');
    expect(exported.value).not.toContain('languageTemplates');
    expect(parseExport(exported.value)).toMatchObject({ ok: true });
  });

  it('refuses a file whose rule answers with a field, or names a missing language template', async () => {
    const db = await withTemplates();
    await putRule(db, rule({ languageTemplates: { fr: 'away-fr' } }));
    const exported = await exportAll(db, env);
    if (!exported.ok) throw new Error('export failed');
    const withField = JSON.parse(exported.value);
    withField.rules[0].languageTemplates = { fr: 'order' };
    expect(parseExport(JSON.stringify(withField))).toEqual({
      ok: false,
      problem: {
        code: 'fieldInRule',
        path: '/rules/0/languageTemplates/fr',
        detail: 'away-rule',
        ruleName: 'Away for everyone',
      },
    });
    const italian = JSON.parse(exported.value);
    italian.rules[0].languageTemplates = { it: 'away-fr' };
    expect(parseExport(JSON.stringify(italian))).toMatchObject({
      ok: false,
      problem: { code: 'invalidValue', path: '/rules/0/languageTemplates/it' },
    });
    const missing = JSON.parse(exported.value);
    missing.rules[0].languageTemplates = { ja: 'gone' };
    expect(parseExport(JSON.stringify(missing))).toEqual({
      ok: false,
      problem: { code: 'unknownTemplate', path: '/rules/0/languageTemplates/ja' },
    });
    const badField = JSON.parse(exported.value);
    badField.templates[2].body = 'Order {ask:}';
    expect(parseExport(JSON.stringify(badField))).toMatchObject({
      ok: false,
      problem: { code: 'invalidTemplate', path: '/templates/2/body', detail: 'fieldEmptyLabel@6' },
    });
    const before = await exportAll(db, env);
    expect(await importAll(db, JSON.stringify(withField), env)).toMatchObject({ ok: false });
    expect(await exportAll(db, env)).toEqual(before);
  });
});
