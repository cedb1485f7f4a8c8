import { describe, expect, it } from 'vitest';
import { type DispatchDeps, dispatchDue } from '../../../src/background/dispatcher.ts';
import { PREP_MS } from '../../../src/background/send-config.ts';
import { type TabInfo, usableTabs } from '../../../src/background/tab-choice.ts';
import type { AdapterStatusRecord } from '../../../src/messaging/detection.ts';
import type { RunJob, RunJobAnswer } from '../../../src/messaging/sending.ts';
import { updateSettings } from '../../../src/storage/settings.ts';
import { connections, freshDb } from '../support/fresh-db.ts';
import { Clock, ENV, scheduled, setUp } from '../support/sending.ts';

const chat = (id: number, extra: Partial<TabInfo> = {}): TabInfo => ({
  id,
  url: 'https://x.com/i/chat',
  pinned: false,
  active: false,
  ...extra,
});
const ok = (tabId: number, ok = true): AdapterStatusRecord => ({
  tabId,
  at: 0,
  status: { ok, variant: 'shadow', missing: ok ? [] : ['composer'], url: 'https://x.com/i/chat' },
});

function deps(
  db: DispatchDeps['db'],
  clock: Clock,
  world: Partial<Omit<DispatchDeps, 'db' | 'now' | 'env'>> = {},
) {
  const calls: { tabId: number; job: RunJob }[] = [];
  const d: DispatchDeps = {
    db,
    env: ENV,
    now: clock.now,
    chatTabs: async () => [chat(1)],
    statuses: async () => [ok(1)],
    preferredTab: async () => null,
    runJob: async (tabId, job): Promise<RunJobAnswer> => {
      calls.push({ tabId, job });
      return { accepted: true };
    },
    ...world,
  };
  return { d, calls };
}

describe('tab choice', () => {
  it('only healthy chat tabs, not busy; ours first, then pinned, background, and the one in front last', () => {
    const tabs = [
      chat(1, { active: true }),
      chat(2),
      chat(3, { pinned: true }),
      chat(4),
      chat(5, { url: 'https://x.com/home' }),
      chat(6),
      chat(7),
    ];
    const statuses = [ok(1), ok(2), ok(3), ok(4), ok(5), ok(6, false), ok(7)];
    expect(usableTabs(tabs, statuses, new Set([7]), 4)).toEqual([4, 3, 2, 1]);
  });

  it('a tab whose self-check says chat is not there (or that never reported) gets nothing', () => {
    const home = {
      tabId: 1,
      at: 0,
      status: { ok: true, variant: 'none' as const, missing: [], url: 'https://x.com/home' },
    };
    expect(usableTabs([chat(1), chat(2)], [home], new Set(), null)).toEqual([]);
  });
});

describe('dispatch', () => {
  it('hands a due job to one tab, with its plan, and leases it to that tab', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const job = await scheduled(db, clock);
    const { d, calls } = deps(db, clock, {
      chatTabs: async () => [chat(1), chat(2, { pinned: true })],
      statuses: async () => [ok(1), ok(2)],
    });
    clock.t = job.dueAt - PREP_MS - 1;
    expect((await dispatchDue(d)).dispatched).toEqual([]);
    clock.t = job.dueAt - PREP_MS;
    expect((await dispatchDue(d)).dispatched).toEqual([{ jobId: job.id, tabId: 2 }]);
    expect(calls).toEqual([
      {
        tabId: 2,
        job: {
          jobId: job.id,
          threadId: job.threadId,
          text: job.text,
          chunks: job.timing.chunks,
          keyDelaysMs: job.timing.keyDelaysMs,
          typingStartAt: job.dueAt,
          seenOwnRows: null,
        },
      },
    ]);
    expect((await db.jobs.get(job.id))?.leaseTabId).toBe(2);
    // A second pass while the lease is live does nothing.
    expect((await dispatchDue(d)).dispatched).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('a first attempt handed out late (the worker woke late) keeps the plan’s moment: the tab catches up', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const job = await scheduled(db, clock);
    clock.t = job.dueAt + 300;
    const { d, calls } = deps(db, clock);
    await dispatchDue(d);
    expect(calls[0]?.job.typingStartAt).toBe(job.dueAt);
  });

  it('two passes racing (alarm and timer, or two workers) send the job to one tab once', async () => {
    const [a, b] = connections(2);
    const clock = new Clock();
    await setUp(a!, clock);
    const job = await scheduled(a!, clock);
    clock.t = job.dueAt;
    const one = deps(a!, clock, {
      chatTabs: async () => [chat(1), chat(2)],
      statuses: async () => [ok(1), ok(2)],
    });
    const two = deps(b!, clock, {
      chatTabs: async () => [chat(1), chat(2)],
      statuses: async () => [ok(1), ok(2)],
    });
    await Promise.all([dispatchDue(one.d), dispatchDue(two.d), dispatchDue(one.d)]);
    expect(one.calls.length + two.calls.length).toBe(1);
  });

  it('skips a tab whose adapter failed its self-check: the job waits', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const job = await scheduled(db, clock);
    clock.t = job.dueAt;
    const { d, calls } = deps(db, clock, { statuses: async () => [ok(1, false)] });
    expect(await dispatchDue(d)).toEqual({ dispatched: [], waiting: 1 });
    expect(calls).toEqual([]);
    expect(await db.jobs.get(job.id)).toMatchObject({ state: 'pending', leaseTabId: null });
  });

  it('a tab that does not answer (or is busy) gives the lease back; the next tab gets the job', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const job = await scheduled(db, clock);
    clock.t = job.dueAt;
    const tried: number[] = [];
    const { d } = deps(db, clock, {
      chatTabs: async () => [chat(1, { pinned: true }), chat(2), chat(3)],
      statuses: async () => [ok(1), ok(2), ok(3)],
      runJob: async (tabId) => {
        tried.push(tabId);
        if (tabId === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
        return tabId === 2 ? { accepted: false, reason: 'busy' } : { accepted: true };
      },
    });
    expect((await dispatchDue(d)).dispatched).toEqual([{ jobId: job.id, tabId: 3 }]);
    expect(tried).toEqual([1, 2, 3]);
    expect((await db.jobs.get(job.id))?.leaseTabId).toBe(3);
  });

  it('one job per tab at a time: a second due job waits for another tab', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const a = await scheduled(db, clock, 'alice');
    const b = await scheduled(db, clock, 'bob');
    clock.t = Math.max(a.dueAt, b.dueAt);
    const { d } = deps(db, clock);
    expect(await dispatchDue(d)).toMatchObject({ dispatched: [{ tabId: 1 }], waiting: 1 });
  });

  it('an interrupted job (its tab reloaded) is handed out again with what was already seen', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const job = await scheduled(db, clock);
    clock.t = job.dueAt + 2_000;
    await db.jobs.update(job.id, {
      state: 'typing',
      attempts: 1,
      seenOwnRows: ['x'],
      leaseTabId: 1,
      leaseUntil: clock.now() + 1,
    });
    clock.advance(5);
    const { d, calls } = deps(db, clock);
    await dispatchDue(d);
    expect(calls[0]?.job).toMatchObject({ jobId: job.id, seenOwnRows: ['x'], typingStartAt: clock.now() });
  });

  it('away switched off (or ended by itself): every active job is cancelled, nothing is sent', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const job = await scheduled(db, clock);
    await updateSettings(db, ENV, (s) => ({ ...s, schedule: { ...s.schedule, awayUntil: clock.now() + 1 } }));
    clock.t = job.dueAt;
    const { d, calls } = deps(db, clock);
    await dispatchDue(d);
    expect(calls).toEqual([]);
    expect((await db.jobs.get(job.id))?.state).toBe('cancelled');
  });

  it('with no chat tab the job waits, then expires with a log entry', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const job = await scheduled(db, clock);
    const { d } = deps(db, clock, { chatTabs: async () => [] });
    clock.t = job.dueAt;
    expect(await dispatchDue(d)).toEqual({ dispatched: [], waiting: 1 });
    clock.t = job.expiresAt!;
    expect(await dispatchDue(d)).toEqual({ dispatched: [], waiting: 0 });
    expect((await db.jobs.get(job.id))?.state).toBe('expired');
    expect((await db.activity.toArray()).at(-1)).toMatchObject({ kind: 'failed', reason: 'expired' });
  });
});
