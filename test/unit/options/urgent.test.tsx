// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import type { Settings } from '../../../src/core/types.ts';
import { changeText } from '../../../src/options/import-preview.tsx';
import { parseUrgentWords, UrgentSection } from '../../../src/options/urgent-section.tsx';
import { getSettings, putSettings } from '../../../src/storage/settings.ts';
import type { BrowserMock } from '../support/browser-mock.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return {
    default: {
      ...createBrowserMock(),
      permissions: {
        request: vi.fn(async () => true),
        contains: vi.fn(async () => true),
        remove: vi.fn(async () => true),
      },
    },
  };
});
type Permissions = Record<'request' | 'contains' | 'remove', ReturnType<typeof vi.fn>>;
const mock = browser as unknown as BrowserMock & { permissions: Permissions };
const NOTIFICATIONS = { permissions: ['notifications'] };
const SWITCH = 'Notify me of VIPs and urgent messages, and leave them to me';

async function withSettings(change: (s: Settings) => void = () => undefined) {
  const db = freshDb();
  const settings = structuredClone(DEFAULT_SETTINGS);
  change(settings);
  expect((await putSettings(db, settings)).ok).toBe(true);
  return { settings, stored: () => getSettings(db, { timeZone: 'UTC' }) };
}

const toggle = () => screen.getByRole('checkbox', { name: SWITCH }) as HTMLInputElement;

beforeEach(() => {
  useEnglish();
  for (const fn of Object.values(mock.permissions)) fn.mockReset();
  mock.permissions.contains.mockResolvedValue(true);
  mock.permissions.remove.mockResolvedValue(true);
});
afterEach(cleanup);

describe('options: urgent people', () => {
  it('asks for the notifications permission in the click that turns it on, then stores it on', async () => {
    const { settings, stored } = await withSettings();
    mock.permissions.request.mockResolvedValue(true);
    render(<UrgentSection settings={settings} />);
    expect(toggle().checked).toBe(false);
    expect(mock.permissions.request).not.toHaveBeenCalled();
    fireEvent.click(toggle());
    // Synchronously, inside the click: browsers show the prompt only during a user gesture.
    expect(mock.permissions.request).toHaveBeenCalledWith(NOTIFICATIONS);
    await waitFor(async () => expect((await stored()).urgentAlerts).toBe(true));
    expect(toggle().checked).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refused: the option stays off and says why', async () => {
    const { settings, stored } = await withSettings();
    mock.permissions.request.mockResolvedValue(false);
    render(<UrgentSection settings={settings} />);
    fireEvent.click(toggle());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Notifications were not allowed, so this stays off. To use it, turn it on again and allow notifications.',
    );
    expect(toggle().checked).toBe(false);
    expect((await stored()).urgentAlerts).toBe(false);
  });

  it('a browser that cannot ask counts as a refusal', async () => {
    const { settings, stored } = await withSettings();
    mock.permissions.request.mockRejectedValue(new Error('no gesture'));
    render(<UrgentSection settings={settings} />);
    fireEvent.click(toggle());
    await screen.findByRole('alert');
    expect(toggle().checked).toBe(false);
    expect((await stored()).urgentAlerts).toBe(false);
  });

  it('turning it off stores it off and gives the permission back, without asking', async () => {
    const { settings, stored } = await withSettings((s) => (s.urgentAlerts = true));
    render(<UrgentSection settings={settings} />);
    expect(toggle().checked).toBe(true);
    fireEvent.click(toggle());
    await waitFor(() => expect(mock.permissions.remove).toHaveBeenCalledWith(NOTIFICATIONS));
    expect((await stored()).urgentAlerts).toBe(false);
    expect(mock.permissions.request).not.toHaveBeenCalled();
  });

  it('stored on but the permission was taken back: shown and stored off, with the reason', async () => {
    const { settings, stored } = await withSettings((s) => (s.urgentAlerts = true));
    mock.permissions.contains.mockResolvedValue(false);
    render(<UrgentSection settings={settings} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/no longer allowed/);
    expect(toggle().checked).toBe(false);
    await waitFor(async () => expect((await stored()).urgentAlerts).toBe(false));
  });

  it('saves the VIPs and the user’s own words, and refuses what is not a handle', async () => {
    const { settings, stored } = await withSettings();
    render(<UrgentSection settings={settings} />);
    expect(screen.getByText(/Always urgent, in every language: urgent, urgently/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('VIPs'), { target: { value: '@Boss\nbad-handle!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Not handles: bad-handle!')).toBeTruthy();
    expect((await stored()).vipList).toEqual([]);
    fireEvent.input(screen.getByLabelText('VIPs'), { target: { value: '@Boss, https://x.com/Carol' } });
    fireEvent.input(screen.getByLabelText('Your urgent words'), {
      target: { value: ' server down \n, pager\nserver down' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(await stored()).toMatchObject({
      vipList: ['boss', 'carol'],
      urgentWords: ['server down', 'pager'],
    });
  });

  it('parses words one per line or comma, refusing ones too long', () => {
    expect(parseUrgentWords('a\n\n b ,c, ---')).toEqual({ words: ['a', 'b', 'c'], tooLong: [] });
    expect(parseUrgentWords('x'.repeat(101)).tooLong).toHaveLength(1);
  });
});

describe('import preview', () => {
  it('names the VIP and urgent-word lists in their changes', () => {
    expect(changeText({ kind: 'vipList', added: 2, removed: 1 })).toMatch(/^VIPs: /);
    expect(changeText({ kind: 'urgentWords', added: 0, removed: 3 })).toMatch(/^Your urgent words: /);
  });
});
