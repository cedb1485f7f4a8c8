// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import type { Template } from '../../../src/core/types.ts';
import { QuickRepliesSection } from '../../../src/options/quick-replies-section.tsx';
import { TemplatesSection } from '../../../src/options/templates-section.tsx';
import { putRule } from '../../../src/storage/rules.ts';
import { listTemplates, putTemplate } from '../../../src/storage/templates.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});

const settings = { ...DEFAULT_SETTINGS, myName: 'Sam' };
const template = (id: string, name: string, body = 'Hi {first_name}', quickReply = false): Template => ({
  id,
  name,
  body,
  locale: 'en',
  quickReply,
});

beforeEach(useEnglish);
afterEach(cleanup);

describe('template editor', () => {
  it('previews the text for a sample contact and saves a new template at the end', async () => {
    const db = freshDb();
    await putTemplate(db, template('first', 'First'));
    render(<TemplatesSection settings={settings} />);
    await screen.findByText('First');
    fireEvent.click(screen.getByRole('button', { name: 'New template' }));
    const form = screen.getByRole('form');
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Thanks' } });
    fireEvent.input(within(form).getByLabelText('Text'), {
      target: { value: 'Thanks {first_name}, {my_name} here' },
    });
    expect(within(form).getByText('Thanks Alice, Sam here')).toBeTruthy();
    expect(within(form).getByText('This text is valid.')).toBeTruthy();
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Offer as a quick reply in the popup' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await listTemplates(db)).map((t) => t.name)).toEqual(['First', 'Thanks']),
    );
    expect((await listTemplates(db))[1]).toMatchObject({
      body: 'Thanks {first_name}, {my_name} here',
      quickReply: true,
    });
  });

  it('inserts a variable from the palette at the cursor', async () => {
    freshDb();
    render(<TemplatesSection settings={settings} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New template' }));
    const body = screen.getByLabelText('Text') as HTMLTextAreaElement;
    fireEvent.input(body, { target: { value: 'Hello !' } });
    body.setSelectionRange(6, 6);
    fireEvent.click(screen.getByRole('button', { name: 'Insert {first_name}' }));
    expect((screen.getByLabelText('Text') as HTMLTextAreaElement).value).toBe('Hello {first_name}!');
  });

  it('names a syntax error and where it is, and refuses to save', async () => {
    freshDb();
    render(<TemplatesSection settings={settings} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New template' }));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Broken' } });
    fireEvent.input(screen.getByLabelText('Text'), { target: { value: 'Hi {frist_name}' } });
    expect(
      screen.getByText('Unknown variable: use the buttons below to insert one. (at character 5)'),
    ).toBeTruthy();
    expect(screen.getByLabelText('Text').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
  });

  it('refuses a template that could be longer than X allows once filled in (issue 11)', async () => {
    freshDb();
    render(<TemplatesSection settings={settings} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New template' }));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Names' } });
    fireEvent.input(screen.getByLabelText('Text'), { target: { value: '{name}'.repeat(333) } });
    expect(screen.getByText(/could be longer than X’s limit of 10,000 characters/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
  });

  it('rolls another variation on demand', async () => {
    freshDb();
    render(<TemplatesSection settings={settings} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New template' }));
    fireEvent.input(screen.getByLabelText('Text'), { target: { value: '{a|b|c|d|e|f|g|h}' } });
    const preview = () =>
      screen.getByRole('region', { name: /Preview/ }).querySelector('.quote')?.textContent;
    const seen = new Set([preview()]);
    for (let i = 0; i < 10; i++) {
      fireEvent.click(screen.getByRole('button', { name: 'Another variation' }));
      seen.add(preview());
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe('templates list', () => {
  it('refuses to delete a template a rule uses, in words', async () => {
    const db = freshDb();
    await putTemplate(db, template('used', 'Used'));
    await putRule(db, {
      id: 'r',
      name: 'R',
      enabled: true,
      priority: 1,
      trigger: { kind: 'any' },
      mode: 'suggest',
      when: 'away',
      templateId: 'used',
    });
    render(<TemplatesSection settings={settings} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Used' }));
    expect(
      await screen.findByText('A rule still uses this template: change or delete that rule first.'),
    ).toBeTruthy();
    expect(await listTemplates(db)).toHaveLength(1);
  });

  it('reorders templates with the keyboard', async () => {
    const db = freshDb();
    await putTemplate(db, template('a', 'A'));
    await putTemplate(db, template('b', 'B'));
    render(<TemplatesSection settings={settings} />);
    fireEvent.keyDown(await screen.findByRole('button', { name: 'Edit B' }), {
      key: 'ArrowUp',
      altKey: true,
    });
    await waitFor(async () => expect((await listTemplates(db)).map((t) => t.id)).toEqual(['b', 'a']));
  });
});

describe('quick replies list', () => {
  it('marks and unmarks templates as quick replies', async () => {
    const db = freshDb();
    await putTemplate(db, template('a', 'Alpha', 'one', true));
    await putTemplate(db, template('b', 'Beta', 'two', false));
    render(<QuickRepliesSection />);
    const beta = await screen.findByRole('checkbox', { name: /Beta/ });
    expect((screen.getByRole('checkbox', { name: /Alpha/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(beta);
    fireEvent.click(screen.getByRole('checkbox', { name: /Alpha/ }));
    // Like every section: ticked boxes wait for Save.
    expect(screen.getByRole('status').textContent).toBe('Changes not saved yet.');
    expect((await listTemplates(db)).map((t) => t.quickReply)).toEqual([true, false]);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    await waitFor(async () =>
      expect((await listTemplates(db)).map((t) => [t.id, t.quickReply])).toEqual([
        ['a', false],
        ['b', true],
      ]),
    );
  });
});
