// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import type { Decision, Rule, Template } from '../../../src/core/types.ts';
import { dryRun } from '../../../src/options/dry-run.ts';
import { DecisionView } from '../../../src/options/dry-run-section.tsx';
import { RulesSection } from '../../../src/options/rules-section.tsx';
import { putRule } from '../../../src/storage/rules.ts';
import { putTemplate } from '../../../src/storage/templates.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});

const template = (id: string, name: string, body: string, locale: Template['locale'] = 'en'): Template => ({
  id,
  name,
  body,
  locale,
  quickReply: false,
});
const rule: Rule = {
  id: 'away-rule',
  name: 'Away for all',
  enabled: true,
  priority: 10,
  trigger: { kind: 'any' },
  mode: 'suggest',
  when: 'away',
  templateId: 'away-en',
};

async function setup() {
  const db = freshDb();
  await putTemplate(db, template('away-en', 'Away (English)', 'Hi {first_name}, I am away.'));
  await putTemplate(db, template('away-fr', 'Absence', 'Bonjour {first_name}, je suis absent.', 'fr'));
  await putTemplate(db, template('order', 'Order status', 'Order {ask:Order number} ships soon.'));
  await putRule(db, rule);
  return db;
}

beforeEach(useEnglish);
afterEach(cleanup);

describe('the rule editor: one template per language', () => {
  it('stores the French choice, and refuses a template with a field, naming the rule', async () => {
    const db = await setup();
    render(<RulesSection settings={DEFAULT_SETTINGS} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Away for all' }));
    const french = await screen.findByRole('combobox', { name: 'Français' });
    expect((french as HTMLSelectElement).value).toBe('');
    fireEvent.change(french, { target: { value: 'order' } });
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('The rule “Away for all” would answer with a template that asks for a field'),
    );
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(french, { target: { value: 'away-fr' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await db.rules.get('away-rule'))?.languageTemplates).toEqual({ fr: 'away-fr' }),
    );
  });
});

describe('the dry run explains the language', () => {
  const input = {
    text: 'Bonjour, es-tu disponible la semaine prochaine pour parler du projet ?',
    senderHandle: 'camille',
    senderName: 'Camille Roy',
    threadKind: 'direct' as const,
    pretendAway: true,
    autoReplyLabel: '[auto-reply]',
  };
  const NOW = Date.UTC(2026, 6, 1, 12);

  it('uses the detection it is given: reliable French picks the French template', async () => {
    const db = await setup();
    await putRule(db, { ...rule, languageTemplates: { fr: 'away-fr' } });
    const reliable = { isReliable: true, languages: [{ language: 'fr', percentage: 98 }] };
    expect(await dryRun(db, DEFAULT_SETTINGS, { ...input, language: reliable }, NOW)).toMatchObject({
      kind: 'reply',
      templateId: 'away-fr',
      text: 'Bonjour Camille, je suis absent.',
      language: { reason: 'matched', locale: 'fr' },
    });
    const unsure = { ...reliable, isReliable: false };
    expect(await dryRun(db, DEFAULT_SETTINGS, { ...input, language: unsure }, NOW)).toMatchObject({
      templateId: 'away-en',
      language: { reason: 'unreliable' },
    });
  });

  it('says which language was detected, which template answers and why', () => {
    const decision = {
      kind: 'reply',
      ruleId: 'away-rule',
      templateId: 'away-en',
      text: 'Hi Camille, I am away.',
      mode: 'suggest',
      timing: { readMs: 0, thinkMs: 0, chunks: [], keyDelaysMs: [], totalMs: 0 },
      language: { templateId: 'away-en', reason: 'unreliable', detected: 'fr', locale: 'fr' },
    } satisfies Decision;
    const names = new Map([['away-en', 'Away (English)']]);
    render(
      <DecisionView
        decision={decision}
        ruleName={() => 'Away for all'}
        templateName={(id) => names.get(id) ?? id}
      />,
    );
    expect(
      screen.getByText(
        'Language detected: French. The detection is not reliable (often with a short message), so the rule’s default template answers. Template “Away (English)”.',
      ),
    ).toBeTruthy();
  });
});
