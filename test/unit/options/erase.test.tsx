// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { eraseAll } from '../../../src/options/erase-all.ts';
import { ResetSection } from '../../../src/options/reset-section.tsx';
import type { AwayDb } from '../../../src/storage/db.ts';
import { getSettings } from '../../../src/storage/settings.ts';
import type { BrowserMock } from '../support/browser-mock.ts';
import { fillEveryTable, snapshot } from '../support/full-db.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
const mock = browser as unknown as BrowserMock;
const env = { locale: 'en' as const, timeZone: 'UTC' };
const EMPTIED = ['incoming', 'ledger', 'jobs', 'activity', 'people', 'threads', 'suggestions'];

async function expectErased(db: AwayDb): Promise<void> {
  const rows = await snapshot(db);
  for (const name of EMPTIED) expect(rows[name], name).toEqual([]);
  expect((rows.rules ?? []).map((rule) => (rule as { id: string }).id)).toEqual(['away-default']);
  expect((await getSettings(db, env)).myName).toBe('');
}

beforeEach(() => {
  useEnglish();
  mock.runtime.sendMessage.mockReset();
  mock.runtime.sendMessage.mockResolvedValue(undefined);
  mock.storage.local.clear.mockReset();
  mock.storage.local.clear.mockResolvedValue(undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Options → Reset → Erase everything', () => {
  it('asks first, with Cancel focused; Escape leaves everything in place', async () => {
    const db = freshDb();
    await fillEveryTable(db);
    const before = await snapshot(db);
    render(<ResetSection />);
    fireEvent.click(screen.getByRole('button', { name: 'Erase everything…' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('This cannot be undone');
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await snapshot(db)).toEqual(before);
    expect(mock.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('switches away off through the worker first, then erases every table and the extension storage', async () => {
    const db = freshDb();
    await fillEveryTable(db);
    const jobsWhenAwayWentOff: number[] = [];
    mock.runtime.sendMessage.mockImplementation(async (message: unknown) => {
      if ((message as { type: string }).type === 'setAway') jobsWhenAwayWentOff.push(await db.jobs.count());
      return undefined;
    });
    render(<ResetSection />);
    fireEvent.click(screen.getByRole('button', { name: 'Erase everything…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, erase everything' }));
    expect(
      await screen.findByText('Everything was erased. Away mode is off and the defaults are back.'),
    ).toBeTruthy();
    expect(mock.runtime.sendMessage).toHaveBeenCalledWith({
      type: 'setAway',
      payload: { enabled: false, until: null },
    });
    // The worker was asked while the jobs still existed: it cancels them (and tells a typing tab) first.
    expect(jobsWhenAwayWentOff).toEqual([1]);
    expect(mock.storage.local.clear).toHaveBeenCalled();
    expect(mock.runtime.sendMessage).toHaveBeenLastCalledWith({ type: 'refreshBadge', payload: {} });
    await expectErased(db);
  });

  it('says so when erasing failed, and the data is still there', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = freshDb();
    await fillEveryTable(db);
    vi.spyOn(db.settings, 'add').mockRejectedValue(new Error('disk full'));
    const contacts = await db.people.toArray();
    render(<ResetSection />);
    fireEvent.click(screen.getByRole('button', { name: 'Erase everything…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, erase everything' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Erasing failed. Try again, or remove the extension to delete everything.',
    );
    expect(await db.people.toArray()).toEqual(contacts);
  });
});

describe('eraseAll', () => {
  it('erases even when the worker does not answer: a job that is gone cannot be sent', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = freshDb();
    await fillEveryTable(db);
    const clearLocalStorage = vi.fn(async () => undefined);
    await eraseAll({
      db,
      env,
      stopAway: () => Promise.reject(new Error('Could not establish connection')),
      clearLocalStorage,
    });
    expect(clearLocalStorage).toHaveBeenCalled();
    await expectErased(db);
  });

  it('stops before touching the database when the extension storage cannot be cleared', async () => {
    const db = freshDb();
    await fillEveryTable(db);
    const before = await snapshot(db);
    await expect(
      eraseAll({
        db,
        env,
        stopAway: async () => undefined,
        clearLocalStorage: () => Promise.reject(new Error('quota')),
      }),
    ).rejects.toThrow('quota');
    expect(await snapshot(db)).toEqual(before);
  });
});
