// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, DEFAULT_TEMPLATES, defaultRulesFor } from '../../../src/core/defaults.ts';
import { TransferSection } from '../../../src/options/transfer-section.tsx';
import { listRules, putRule } from '../../../src/storage/rules.ts';
import { getSettings, putSettings } from '../../../src/storage/settings.ts';
import { listTemplates, putTemplate } from '../../../src/storage/templates.ts';
import { exportAll } from '../../../src/storage/transfer.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});

const NOW = Date.UTC(2026, 6, 1, 12);
const env = { timeZone: 'UTC' };

/** A browser that already accepted the auto-send warning, with the starter rules and templates. */
async function seeded() {
  const db = freshDb();
  await putSettings(db, { ...structuredClone(DEFAULT_SETTINGS), autoSendAcknowledged: true });
  for (const template of DEFAULT_TEMPLATES) await putTemplate(db, template);
  for (const rule of defaultRulesFor('en')) await putRule(db, rule);
  return db;
}

/** Issue 11's file: every rule automatic, caps at the maximum, no cooldown. */
async function hostileFile(db: Awaited<ReturnType<typeof seeded>>): Promise<File> {
  const exported = await exportAll(db, { ...env, now: NOW });
  if (!exported.ok) throw new Error('export failed');
  const doc = JSON.parse(exported.value);
  for (const rule of doc.rules) rule.mode = 'auto';
  doc.settings.limits = { contactCooldownMs: 0, minGapMs: 0, hourlyCap: 500, dailyCap: 500 };
  return new File([JSON.stringify(doc)], 'settings.json', { type: 'application/json' });
}

async function choose(file: File) {
  const input = screen.getByLabelText('Import a file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  return screen.findByRole('alertdialog');
}

const stored = async (db: Awaited<ReturnType<typeof seeded>>) => ({
  settings: await getSettings(db, env),
  rules: await listRules(db),
  templates: await listTemplates(db),
});

beforeEach(useEnglish);
afterEach(cleanup);

describe('import asks first (issue 11)', () => {
  it('lists what the file would change, riskiest first, and Escape leaves everything as it was', async () => {
    const db = await seeded();
    const before = await stored(db);
    render(<TransferSection />);
    const dialog = await choose(await hostileFile(db));
    const items = within(dialog)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items.slice(0, 5)).toEqual([
      'Rules that will send replies by themselves: Away reply',
      'Days between two automatic messages to the same person: 4 → 0',
      'Seconds between any two automatic messages: 20 → 0',
      'At most per hour: 20 → 500',
      'At most per day: 100 → 500',
    ]);
    expect(within(dialog).getByText(/send by itself, send more, sooner or to more people/)).toBeTruthy();
    // Nothing is written yet, and the keyboard lands on Cancel, not on Apply.
    expect(await stored(db)).toEqual(before);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Import cancelled. Nothing was changed.');
    expect(document.activeElement).toBe(screen.getByLabelText('Import a file'));
    expect(await stored(db)).toEqual(before);
  });

  it('applies the file only once the user confirms', async () => {
    const db = await seeded();
    render(<TransferSection />);
    const dialog = await choose(await hostileFile(db));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply these changes' }));
    expect(
      await screen.findByText(`Imported 1 rules, ${DEFAULT_TEMPLATES.length} templates and 0 contacts.`),
    ).toBeTruthy();
    expect((await getSettings(db, env)).limits.hourlyCap).toBe(500);
    expect((await listRules(db)).every((rule) => rule.mode === 'auto')).toBe(true);
  });
});
