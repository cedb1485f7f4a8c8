// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import type { Rule, Template } from '../../../src/core/types.ts';
import { RulesSection } from '../../../src/options/rules-section.tsx';
import { listRules, putRule } from '../../../src/storage/rules.ts';
import { putTemplate } from '../../../src/storage/templates.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});

const template: Template = { id: 'away', name: 'Away text', body: 'Away!', locale: 'en', quickReply: false };
const rule = (id: string, priority: number, name = id): Rule => ({
  id,
  name,
  enabled: true,
  priority,
  trigger: { kind: 'any' },
  mode: 'suggest',
  when: 'away',
  templateId: 'away',
});

async function setup(rules: Rule[] = []) {
  const db = freshDb();
  await putTemplate(db, template);
  for (const r of rules) await putRule(db, r);
  render(<RulesSection settings={DEFAULT_SETTINGS} />);
  return db;
}

async function openNewRule() {
  const button = await screen.findByRole('button', { name: 'New rule' });
  // Enabled once the templates are loaded.
  await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
  fireEvent.click(button);
}

const names = () => screen.getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent);

beforeEach(useEnglish);
afterEach(cleanup);

describe('rules list', () => {
  it('flags a stored rule that the regex engine now refuses, naming the problem', async () => {
    const db = await setup([rule('ok', 10, 'Fine')]);
    // Written as an older version stored it: storage itself would refuse it today.
    await db.rules.put({
      ...rule('old', 20, 'Urgent'),
      trigger: { kind: 'regex', pattern: '(?=\\w+\\w+\\w+!)' },
    });
    const item = (await screen.findByText('Urgent')).closest('li')!;
    expect(
      within(item).getByText(/^This rule can no longer be used: Lookarounds .*not answered\.$/),
    ).toBeTruthy();
    expect(within(screen.getByText('Fine').closest('li')!).queryByText(/can no longer be used/)).toBeNull();
  });

  it('reorders with the buttons and with Alt+arrows', async () => {
    const db = await setup([rule('first', 10), rule('second', 20), rule('third', 30)]);
    await waitFor(() => expect(names()).toEqual(['first', 'second', 'third']));
    fireEvent.click(screen.getByRole('button', { name: 'Move third up' }));
    await waitFor(() => expect(names()).toEqual(['first', 'third', 'second']));
    expect(screen.getByRole('status').textContent).toBe('Moved to position 2.');
    expect(screen.getByRole('button', { name: 'Move first up' }).hasAttribute('disabled')).toBe(true);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Edit first' }), { key: 'ArrowDown', altKey: true });
    await waitFor(() => expect(names()).toEqual(['third', 'first', 'second']));
    expect((await listRules(db)).map((r) => r.id)).toEqual(['third', 'first', 'second']);
  });

  it('turns a rule off and on in place, at once, as its button says', async () => {
    const db = await setup([rule('only', 10, 'Only rule')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Turn off Only rule' }));
    await waitFor(async () => expect((await listRules(db))[0]?.enabled).toBe(false));
    expect(await screen.findByText('“Only rule” is off.')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Turn on Only rule' }));
    await waitFor(async () => expect((await listRules(db))[0]?.enabled).toBe(true));
  });

  it('deletes a rule', async () => {
    const db = await setup([rule('gone', 10)]);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete gone' }));
    await waitFor(async () => expect(await listRules(db)).toEqual([]));
  });
});

describe('rule editor', () => {
  it('adds a keyword rule after the existing ones', async () => {
    const db = await setup([rule('existing', 10)]);
    await openNewRule();
    const form = screen.getByRole('form');
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Prices' } });
    fireEvent.change(within(form).getByLabelText('Answer when'), { target: { value: 'keywords' } });
    fireEvent.input(within(form).getByLabelText('Keywords (one per line or separated by commas)'), {
      target: { value: 'price, rates' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await listRules(db)).toHaveLength(2));
    const added = (await listRules(db))[1]!;
    expect(added).toMatchObject({
      name: 'Prices',
      trigger: { kind: 'keywords', keywords: ['price', 'rates'] },
      templateId: 'away',
    });
    expect(added.priority).toBeGreaterThan(10);
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
  });

  it('explains a dangerous or broken pattern in words and will not save it', async () => {
    const db = await setup();
    await openNewRule();
    const form = screen.getByRole('form');
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Regex' } });
    fireEvent.change(within(form).getByLabelText('Answer when'), { target: { value: 'regex' } });
    const pattern = within(form).getByLabelText(/^Pattern/);
    // The pattern of issue 11 that froze matching for 13.9 s on a 401-character message.
    fireEvent.input(pattern, { target: { value: 'x(?=\\w+\\w+\\w+!)' } });
    expect(within(form).getByText(/^Lookarounds .*\(at character 2\)$/)).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
    fireEvent.input(pattern, { target: { value: '([a-z' } });
    expect(within(form).getByText('This pattern is not a valid regular expression.')).toBeTruthy();
    fireEvent.input(pattern, { target: { value: '\\bprice\\b' } });
    expect(within(form).getByText('This rule is valid.')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await listRules(db))[0]?.trigger).toEqual({ kind: 'regex', pattern: '\\bprice\\b' }),
    );
  });

  it('warns that an automatic rule only suggests until the risk was accepted', async () => {
    await setup([rule('r', 10)]);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit r' }));
    fireEvent.change(screen.getByLabelText('Mode'), { target: { value: 'auto' } });
    expect(screen.getByText(/this rule will only suggest/)).toBeTruthy();
  });
});
