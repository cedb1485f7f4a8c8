// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import type { ActivityEntry, SendJob } from '../../../src/core/types.ts';
import { AdapterWarning, failingStatus } from '../../../src/popup/adapter-warning.tsx';
import { PopupApp } from '../../../src/popup/app.tsx';
import { PendingJobs } from '../../../src/popup/pending-jobs.tsx';
import { RecentActivity } from '../../../src/popup/recent-activity.tsx';
import { putSettings } from '../../../src/storage/settings.ts';
import { SettingsRoot } from '../../../src/ui/mount.tsx';
import type { BrowserMock } from '../support/browser-mock.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
const mock = browser as unknown as BrowserMock;
const NOW = Date.UTC(2026, 6, 1, 12);

const job = (id: string, state: SendJob['state'], handle = 'alice'): SendJob => ({
  id,
  threadId: '1-2',
  messageId: `m-${id}`,
  contactHandle: handle,
  text: `reply ${id}`,
  timing: { readMs: 0, thinkMs: 0, chunks: ['x'], keyDelaysMs: [0], totalMs: 0 },
  dueAt: NOW + 60_000,
  state,
  attempts: 0,
  createdAt: NOW,
  leaseTabId: null,
  leaseUntil: null,
});

const status = (tabId: number, ok: boolean) => ({
  tabId,
  at: NOW,
  status: {
    ok,
    variant: ok ? ('shadow' as const) : ('none' as const),
    missing: ok ? [] : ['composer'],
    url: 'https://x.com/i/chat',
  },
});

beforeEach(() => {
  useEnglish();
  mock.runtime.sendMessage.mockReset();
  mock.tabs.query.mockReset();
  mock.tabs.query.mockResolvedValue([]);
});
afterEach(cleanup);

describe('pending replies', () => {
  it('lists waiting replies and cancels one, logging it', async () => {
    const db = freshDb();
    await db.jobs.bulkPut([
      job('a', 'pending', 'alice'),
      job('b', 'typing', 'bob'),
      job('c', 'sent', 'carol'),
    ]);
    render(<PendingJobs now={() => NOW} />);
    expect(await screen.findByRole('heading', { name: 'Replies waiting to be sent (2)' })).toBeTruthy();
    expect(screen.getByText('being typed now')).toBeTruthy();
    expect(screen.getAllByRole('button')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the reply to @alice' }));
    await waitFor(() => expect(screen.queryByText('reply a')).toBeNull());
    // The one being typed too: its tab stops at its next pause.
    expect(screen.getByRole('status').textContent).toBe('Cancelled: it will not be sent.');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the reply to @bob' }));
    await waitFor(() => expect(screen.queryByRole('listitem')).toBeNull());
    expect((await db.jobs.get('a'))?.state).toBe('cancelled');
    expect((await db.jobs.get('b'))?.state).toBe('cancelled');
    expect((await db.jobs.get('c'))?.state).toBe('sent');
    expect((await db.activity.toArray()).map((e) => [e.kind, e.messageId])).toEqual([
      ['cancelled', 'm-a'],
      ['cancelled', 'm-b'],
    ]);
  });

  it('says so when the reply went out before the click landed', async () => {
    const db = freshDb();
    await db.jobs.put(job('a', 'pending'));
    render(<PendingJobs now={() => NOW} />);
    const button = await screen.findByRole('button', { name: 'Cancel the reply to @alice' });
    await db.jobs.update('a', { state: 'sent' });
    fireEvent.click(button);
    expect(await screen.findByText('This reply had already been sent or cancelled.')).toBeTruthy();
  });

  it('renders nothing when no reply waits', async () => {
    freshDb();
    const { container } = render(<PendingJobs now={() => NOW} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
  });
});

describe('recent activity', () => {
  it('shows the last answered and skipped messages with the reason in words, newest first', async () => {
    const db = freshDb();
    const entry = (at: number, kind: ActivityEntry['kind'], reason?: string): ActivityEntry => ({
      at,
      kind,
      threadId: '1-2',
      messageId: `m${at}`,
      contactHandle: 'alice',
      ...(reason ? { reason } : {}),
    });
    await db.activity.bulkAdd([
      entry(NOW - 3000, 'sent'),
      entry(NOW - 2000, 'detected'),
      entry(NOW - 1000, 'skipped', 'cooldown'),
    ]);
    render(<RecentActivity />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => li.textContent?.replace(/^.*?(?=Not answered|Sent)/, ''))).toEqual([
      'Not answered @alice — they were answered recently (cooldown)',
      'Sent @alice',
    ]);
  });

  it('says when there is nothing yet', async () => {
    freshDb();
    render(<RecentActivity />);
    expect(await screen.findByText('Nothing yet.')).toBeTruthy();
  });
});

describe('the adapter warning', () => {
  it('prefers the active tab’s status, else any failing X tab', () => {
    expect(failingStatus([status(1, true), status(2, false)], 1)).toBeNull();
    expect(failingStatus([status(1, true), status(2, false)], null)?.tabId).toBe(2);
    expect(failingStatus([status(1, false)], 1)?.tabId).toBe(1);
    expect(failingStatus([], null)).toBeNull();
  });

  it('says automation is paused when the self-check failed', async () => {
    mock.runtime.sendMessage.mockResolvedValue([status(7, false)]);
    mock.tabs.query.mockResolvedValue([{ id: 7, url: 'https://x.com/i/chat' }]);
    render(<AdapterWarning />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/X changed its page/);
    expect(mock.runtime.sendMessage).toHaveBeenCalledWith({ type: 'getAdapterStatuses', payload: {} });
  });

  it('stays silent when the check passed', async () => {
    mock.runtime.sendMessage.mockResolvedValue([status(7, true)]);
    mock.tabs.query.mockResolvedValue([{ id: 7, url: 'https://x.com/i/chat' }]);
    render(<AdapterWarning />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('the whole popup', () => {
  it('loads the stored settings and language, then shows every part', async () => {
    const db = freshDb();
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.uiLocale = 'fr';
    settings.schedule.awayEnabled = true;
    await putSettings(db, settings);
    const fr = (await import('../../../public/_locales/fr/messages.json')).default;
    vi.stubGlobal('fetch', async (url: string) => {
      expect(url).toMatch(/_locales\/fr\/messages\.json$/);
      return new Response(JSON.stringify(fr));
    });
    render(<SettingsRoot view={(s) => <PopupApp settings={s} now={() => NOW} />} />);
    const toggle = await screen.findByRole('switch', { name: 'Mode absent' });
    vi.unstubAllGlobals();
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('button', { name: 'Réglages' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Réglages' }));
    expect(mock.runtime.openOptionsPage).toHaveBeenCalled();
    expect(
      await screen.findByText('Ouvrez une conversation sur x.com pour utiliser les réponses rapides.'),
    ).toBeTruthy();
  });
});

describe('reasons in the log', () => {
  it('name skip reasons and send problems in words, and show unknown codes as they are', async () => {
    const { reasonText } = await import('../../../src/ui/words.ts');
    expect(reasonText('stopWord')).toBe('they asked to stop');
    expect(reasonText('expired')).toBe('no open X chat tab could send it in time');
    expect(reasonText('somethingNew')).toBe('somethingNew');
  });
});
