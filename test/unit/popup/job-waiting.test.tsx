// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import type { SendJob } from '../../../src/core/types.ts';
import { PendingJobs } from '../../../src/popup/pending-jobs.tsx';
import { JOB_WAITING_KEYS, jobWaitingText } from '../../../src/ui/words.ts';
import { freshDb, useEnglish, useFrench } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
afterEach(cleanup);

const NOW = Date.UTC(2026, 6, 1, 12);

const job = (id: string, state: SendJob['state'], error?: string): SendJob => ({
  id,
  threadId: '1-2',
  messageId: `m-${id}`,
  contactHandle: id,
  text: `reply ${id}`,
  timing: { readMs: 0, thinkMs: 0, chunks: ['x'], keyDelaysMs: [0], totalMs: 0 },
  dueAt: NOW + 60_000,
  state,
  attempts: 1,
  createdAt: NOW,
  leaseTabId: null,
  leaseUntil: null,
  ...(error === undefined ? {} : { error }),
});

const itemOf = async (handle: string) => (await screen.findByText(`@${handle}`)).closest('li')!;

describe('pending replies say why they wait', () => {
  it('shows each postpone code and a failed attempt in words, nothing for a fresh or typing job', async () => {
    useEnglish();
    const db = freshDb();
    await db.jobs.bulkPut([
      job('busy', 'pending', 'userBusy'),
      job('other', 'pending', 'threadMismatch'),
      job('unlisted', 'pending', 'threadNotListed'),
      job('slow', 'pending', 'notLoaded'),
      job('failed', 'pending', 'notConfirmed'),
      job('fresh', 'pending'),
      job('typing', 'typing', 'userBusy'),
      job('newer', 'pending', 'someFutureCode'),
    ]);
    render(<PendingJobs now={() => NOW} />);
    expect((await itemOf('busy')).textContent).toContain('waiting: you were using the X tab');
    expect((await itemOf('other')).textContent).toContain('waiting: another conversation was open');
    expect((await itemOf('unlisted')).textContent).toContain('not in the inbox on screen');
    expect((await itemOf('slow')).textContent).toContain('did not finish loading');
    expect((await itemOf('failed')).textContent).toContain('trying again: X never showed it as sent');
    for (const handle of ['fresh', 'typing', 'newer']) {
      expect((await itemOf(handle)).textContent, handle).not.toContain('waiting:');
      expect((await itemOf(handle)).querySelectorAll('p')).toHaveLength(2);
    }
  });

  it('speaks the popup’s language', async () => {
    useFrench();
    const db = freshDb();
    await db.jobs.put(job('busy', 'pending', 'userBusy'));
    render(<PendingJobs now={() => NOW} />);
    expect((await itemOf('busy')).textContent).toContain('en attente : vous utilisiez l’onglet X');
  });

  it('has a text for every postpone code, and none for what is not a reason to wait', () => {
    useEnglish();
    for (const [code, key] of Object.entries(JOB_WAITING_KEYS)) {
      expect(jobWaitingText(code)).toBe((en as Record<string, { message: string }>)[key]!.message);
    }
    expect(jobWaitingText(undefined)).toBeNull();
    expect(jobWaitingText('expired')).toBeNull();
    expect(jobWaitingText('toString')).toBeNull();
  });
});
