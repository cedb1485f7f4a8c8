// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import { RulesSection } from '../../../src/options/rules-section.tsx';
import { listRules, putRule } from '../../../src/storage/rules.ts';
import { putTemplate } from '../../../src/storage/templates.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});

beforeEach(useEnglish);
afterEach(cleanup);

describe('a rule’s grace period in the options', () => {
  it('is edited in minutes, refused outside 0–1440, and stored', async () => {
    const db = freshDb();
    await putTemplate(db, { id: 'away', name: 'Away', body: 'Away!', locale: 'en', quickReply: false });
    // Stored before grace periods existed: read as 0.
    await db.rules.put({
      id: 'r',
      name: 'r',
      enabled: true,
      priority: 10,
      trigger: { kind: 'any' },
      mode: 'auto',
      when: 'away',
      templateId: 'away',
    });
    render(<RulesSection settings={DEFAULT_SETTINGS} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit r' }));
    const field = screen.getByLabelText(
      "Reply only if I haven't answered within (minutes)",
    ) as HTMLInputElement;
    expect(field.value).toBe('0');
    const save = screen.getByRole('button', { name: 'Save' });
    fireEvent.input(field, { target: { value: '1441' } });
    expect(screen.getByText('A whole number of minutes from 0 to 1440')).toBeTruthy();
    expect(save.hasAttribute('disabled')).toBe(true);
    fireEvent.input(field, { target: { value: '10' } });
    expect(save.hasAttribute('disabled')).toBe(false);
    fireEvent.click(save);
    await waitFor(async () => expect((await listRules(db))[0]?.graceMinutes).toBe(10));
  });

  it('storage refuses a grace period that is not a whole number of minutes', async () => {
    const db = freshDb();
    await putTemplate(db, { id: 'away', name: 'Away', body: 'Away!', locale: 'en', quickReply: false });
    const outcome = await putRule(db, {
      id: 'r',
      name: 'r',
      enabled: true,
      priority: 10,
      trigger: { kind: 'any' },
      mode: 'auto',
      when: 'away',
      templateId: 'away',
      graceMinutes: 2.5,
    });
    expect(outcome).toMatchObject({ ok: false, problem: { path: '/graceMinutes' } });
  });
});
