// @vitest-environment happy-dom

import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import type { Settings } from '../../../src/core/types.ts';
import { PopupRoot } from '../../../src/popup/root.tsx';
import { putSettings } from '../../../src/storage/settings.ts';
import type { BrowserMock } from '../support/browser-mock.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
const mock = browser as unknown as BrowserMock;
const NOW = Date.UTC(2026, 6, 1, 12);
const now = () => NOW;

function settingsWith(change: (settings: Settings) => void): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  change(settings);
  return settings;
}
const away = settingsWith((s) => {
  s.schedule.awayEnabled = true;
});
const present = structuredClone(DEFAULT_SETTINGS);

const switchState = () => screen.getByRole('switch', { name: 'Away mode' }).getAttribute('aria-checked');

beforeEach(() => {
  useEnglish();
  mock.tabs.query.mockReset();
  mock.tabs.query.mockResolvedValue([]);
  mock.runtime.sendMessage.mockReset();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the popup first paint', () => {
  it('shows the Away switch from the settings read first, before the database sections load', async () => {
    const db = freshDb();
    await putSettings(db, away);
    render(<PopupRoot initial={away} initialLocale="auto" now={now} />);
    // Synchronously, on the first render: nothing waited for Dexie or the second chunk.
    expect(switchState()).toBe('true');
    expect(screen.queryByRole('heading', { name: 'Recent activity' })).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Recent activity' })).toBeTruthy();
    expect(await screen.findByText('Open a conversation on x.com to use quick replies.')).toBeTruthy();
  });

  it('then follows the stored settings, whoever writes them', async () => {
    const db = freshDb();
    await putSettings(db, present);
    // The first read can be a moment old: the live query corrects it.
    render(<PopupRoot initial={away} initialLocale="auto" now={now} />);
    expect(switchState()).toBe('true');
    await waitFor(() => expect(switchState()).toBe('false'));
    await putSettings(db, away);
    await waitFor(() => expect(switchState()).toBe('true'));
  });

  it('waits for the live settings when the first read found none', async () => {
    const db = freshDb();
    await putSettings(db, away);
    render(<PopupRoot initial={null} initialLocale="auto" now={now} />);
    expect(screen.queryByRole('switch')).toBeNull();
    await waitFor(() => expect(switchState()).toBe('true'));
  });

  it('seeds a profile the worker has not seeded yet', async () => {
    const db = freshDb();
    render(<PopupRoot initial={null} initialLocale="auto" now={now} />);
    await waitFor(() => expect(switchState()).toBe('false'));
    await waitFor(async () => expect(await db.templates.count()).toBeGreaterThan(0));
  });

  it('loads the texts of a language chosen later in the options', async () => {
    const db = freshDb();
    await putSettings(db, present);
    const fr = (await import('../../../public/_locales/fr/messages.json')).default;
    vi.stubGlobal('fetch', async (url: string) => {
      expect(url).toMatch(/_locales\/fr\/messages\.json$/);
      return new Response(JSON.stringify(fr));
    });
    render(<PopupRoot initial={present} initialLocale="auto" now={now} />);
    expect(switchState()).toBe('false');
    await putSettings(db, { ...present, uiLocale: 'fr' });
    expect(await screen.findByRole('switch', { name: 'Mode absent' })).toBeTruthy();
  });

  it('says so when the stored settings cannot be read', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = freshDb();
    db.settings.get = () => Dexie.Promise.reject(new Error('storage broken'));
    render(<PopupRoot initial={present} initialLocale="auto" now={now} />);
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Your settings could not be read. Try closing and reopening this page.',
    );
    expect(screen.queryByRole('switch')).toBeNull();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
