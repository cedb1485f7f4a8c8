// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionApi } from '../../../src/background/badge.ts';
import { createBadgeRefresher } from '../../../src/background/badge-state.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import { followAwayState } from '../../../src/storage/digests.ts';
import { recordIncoming } from '../../../src/storage/incoming.ts';
import { putSettings } from '../../../src/storage/settings.ts';
import { AwayDigest } from '../../../src/ui/away-digest.tsx';
import { dm } from '../support/fresh-db.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});

const START = Date.UTC(2026, 6, 1, 9);
const MIN = 60_000;

beforeEach(useEnglish);
afterEach(cleanup);

function titleAction() {
  const state = { title: '' };
  const action = {
    setBadgeText: vi.fn(async () => undefined),
    setTitle: vi.fn(async ({ title }: { title: string | null }) => {
      state.title = title ?? '';
    }),
    setIcon: vi.fn(async () => undefined),
    setBadgeBackgroundColor: vi.fn(async () => undefined),
  };
  return { action: action as unknown as ActionApi, state };
}

describe('digest after away ends', () => {
  it('the tooltip sums it up in one line once away is switched off, until dismissed', async () => {
    const db = freshDb();
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.uiLocale = 'en';
    settings.schedule = { ...settings.schedule, awayEnabled: true, awayUntil: null, awaySince: START };
    await putSettings(db, settings);
    let now = START + MIN;
    const { action, state } = titleAction();
    const refresh = createBadgeRefresher({
      db: () => db,
      env: () => ({ timeZone: 'UTC' }),
      now: () => now,
      action,
      paused: async () => false,
      digest: (away, at, since) => followAwayState(db, away, at, since),
      setClockAlarm: async () => undefined,
    });
    vi.stubGlobal('fetch', async () => new Response('{}'));
    await refresh();
    expect(state.title).toBe('Away for X — Away');
    await recordIncoming(db, dm({ messageId: 'a', threadId: '1-2', detectedAt: START + 2 * MIN }));
    await db.activity.add({
      at: START + 3 * MIN,
      kind: 'sent',
      threadId: '1-2',
      messageId: 'a',
      contactHandle: 'alice',
    });
    await recordIncoming(
      db,
      dm({ messageId: 'b', threadId: '1-3', senderHandle: 'bob', detectedAt: START + 4 * MIN }),
    );
    now = START + 10 * MIN;
    await putSettings(db, { ...settings, schedule: { ...settings.schedule, awayEnabled: false } });
    await refresh();
    vi.unstubAllGlobals();
    expect(state.title).toBe('Away for X — Not away — 1 replied, 2 waiting for you');
  });

  it('shows who wrote, what each got, who waits, with links; dismissing hides it', async () => {
    const db = freshDb();
    await followAwayState(db, true, START, START);
    await recordIncoming(
      db,
      dm({ messageId: 'a', threadId: '1-2', senderName: 'Alice A', detectedAt: START + MIN }),
    );
    await db.activity.add({
      at: START + 2 * MIN,
      kind: 'sent',
      threadId: '1-2',
      messageId: 'a',
      contactHandle: 'alice',
      text: 'I am away',
    });
    await recordIncoming(
      db,
      dm({
        messageId: 'b',
        threadId: '1-3',
        senderHandle: 'bob',
        senderName: 'Bob',
        detectedAt: START + 3 * MIN,
      }),
    );
    await db.activity.add({
      at: START + 3 * MIN,
      kind: 'skipped',
      threadId: '1-3',
      messageId: 'b',
      contactHandle: 'bob',
      reason: 'stopWord',
    });
    await followAwayState(db, false, START + 10 * MIN, START);
    render(<AwayDigest />);
    expect(await screen.findByRole('heading', { name: 'While you were away' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('1 replied, 2 waiting for you');
    const alice = screen.getByRole('link', { name: 'Alice A' });
    expect(alice.getAttribute('href')).toBe('https://x.com/i/chat/1-2');
    expect(screen.getByRole('link', { name: 'Bob' }).getAttribute('href')).toBe('https://x.com/i/chat/1-3');
    expect(screen.getByText('I am away')).toBeTruthy();
    expect(screen.getByText(/^No reply: /)).toBeTruthy();
    expect(screen.getAllByText('Waiting for an answer from you')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'While you were away' })).toBeNull());
  });
});
