// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import type { SendJob } from '../../../src/core/types.ts';
import { formatCountdown } from '../../../src/popup/grace-countdown.tsx';
import { PendingJobs } from '../../../src/popup/pending-jobs.tsx';
import type { BrowserMock } from '../support/browser-mock.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
const mock = browser as unknown as BrowserMock;
const NOW = Date.UTC(2026, 6, 1, 12);

const job = (id: string, graceUntil?: number): SendJob => ({
  id,
  threadId: '1-2',
  messageId: `m-${id}`,
  contactHandle: 'alice',
  text: `reply ${id}`,
  timing: { readMs: 0, thinkMs: 0, chunks: ['x'], keyDelaysMs: [0], totalMs: 0 },
  dueAt: (graceUntil ?? NOW) + 5_000,
  state: 'pending',
  attempts: 0,
  createdAt: NOW,
  leaseTabId: null,
  leaseUntil: null,
  ...(graceUntil === undefined ? {} : { graceUntil }),
});

beforeEach(() => {
  useEnglish();
  mock.runtime.sendMessage.mockReset();
});
afterEach(cleanup);

describe('popup: replies in their grace period', () => {
  it('formats the time left, rounded up', () => {
    expect(formatCountdown(299_001)).toBe('5:00');
    expect(formatCountdown(59_000)).toBe('0:59');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(3_600_000 + 61_000)).toBe('1:01:01');
  });

  it('counts down each second for each waiting reply, and not for one without a grace period', async () => {
    const db = freshDb();
    await db.jobs.bulkPut([job('a', NOW + 5 * 60_000), job('b')]);
    let now = NOW;
    render(<PendingJobs now={() => now} />);
    expect(await screen.findByText('waits for your own answer: 5:00 left')).toBeTruthy();
    expect(screen.getAllByRole('timer')).toHaveLength(1);
    now += 2_000;
    await act(() => new Promise((resolve) => setTimeout(resolve, 1100)));
    expect(screen.getByRole('timer').textContent).toBe('waits for your own answer: 4:58 left');
  });

  it('"send now" asks the worker, keyboard first; "cancel" cancels through the jobs owner', async () => {
    const db = freshDb();
    await db.jobs.put(job('a', NOW + 60_000));
    const sendNow = vi.fn(async () => true);
    render(<PendingJobs now={() => NOW} sendNow={sendNow} />);
    const button = await screen.findByRole('button', { name: 'Send the reply to @alice now' });
    expect(button.tagName).toBe('BUTTON');
    button.focus();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    await waitFor(() => expect(sendNow).toHaveBeenCalledWith('a'));
    expect(await screen.findByText('The reply goes out now, after the usual checks.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the reply to @alice' }));
    await waitFor(async () => expect((await db.jobs.get('a'))?.state).toBe('cancelled'));
  });

  it('sends the worker the typed "send now" message by default', async () => {
    const db = freshDb();
    await db.jobs.put(job('a', NOW + 60_000));
    mock.runtime.sendMessage.mockResolvedValue(true);
    render(<PendingJobs now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Send the reply to @alice now' }));
    await waitFor(() =>
      expect(mock.runtime.sendMessage).toHaveBeenCalledWith({
        type: 'sendReplyNow',
        payload: { jobId: 'a' },
      }),
    );
  });
});
