import { describe, expect, it } from 'vitest';
import { decideAndAct } from '../../../src/background/pipeline.ts';
import type { Settings } from '../../../src/core/types.ts';
import { silenceContact } from '../../../src/storage/contacts.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { markStarted, renewLease, takeLease } from '../../../src/storage/jobs.ts';
import { updateSettings } from '../../../src/storage/settings.ts';
import { freshDb } from '../support/fresh-db.ts';
import { arrive, Clock, dm, ENV, pipelineDeps, scheduled, setUp } from '../support/sending.ts';

// A "stop" ends the person's consent: whatever else holds their message back, they are silenced, and any
// reply to them that is waiting or being typed is cancelled at once.

const change = (db: AwayDb, fn: (s: Settings) => Settings) =>
  updateSettings(db, ENV, fn).then((outcome) => {
    if (!outcome.ok) throw new Error(outcome.problem.code);
  });

const setups: Record<string, { before(db: AwayDb): Promise<void>; after(db: AwayDb): Promise<void> }> = {
  'away off': {
    before: (db) => change(db, (s) => ({ ...s, schedule: { ...s.schedule, awayEnabled: false } })),
    after: (db) => change(db, (s) => ({ ...s, schedule: { ...s.schedule, awayEnabled: true } })),
  },
  'outside the weekly hours': {
    before: (db) =>
      change(db, (s) => ({
        ...s,
        // Wednesday 12:00 UTC is outside a Sunday-morning slot.
        schedule: { ...s.schedule, useWeekly: true, weekly: [{ day: 0, startMinute: 0, endMinute: 60 }] },
      })),
    after: (db) => change(db, (s) => ({ ...s, schedule: { ...s.schedule, useWeekly: false } })),
  },
  'deny-listed': {
    before: (db) => change(db, (s) => ({ ...s, denyList: ['carol'] })),
    after: (db) => change(db, (s) => ({ ...s, denyList: [] })),
  },
};

async function stopFrom(db: AwayDb, clock: Clock, overrides: Parameters<typeof dm>[2] = {}) {
  return decideAndAct(
    pipelineDeps(db, clock),
    await arrive(db, dm(clock, 'carol', { text: 'Please stop sending me these', ...overrides })),
  );
}

describe('a stop is honoured on every path', () => {
  for (const [name, setup] of Object.entries(setups)) {
    it(`${name}: the contact is silenced, the log says so, and no reply follows once that changes`, async () => {
      const db = freshDb();
      const clock = new Clock();
      await setUp(db, clock);
      await setup.before(db);
      expect(await stopFrom(db, clock)).toEqual({ kind: 'skip', reason: 'stopWord' });
      expect((await db.people.get('@carol'))?.silencedAt).toBe(clock.now());
      expect(await db.activity.toArray()).toMatchObject([{ kind: 'skipped', reason: 'stopWord' }]);

      await setup.after(db);
      clock.advance(60_000);
      const later = await decideAndAct(pipelineDeps(db, clock), await arrive(db, dm(clock, 'carol')));
      expect(later).toMatchObject({ kind: 'skip', reason: 'silenced' });
      expect(await db.jobs.count()).toBe(0);
    });
  }

  it('in a group or a message request: the person is silenced everywhere', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    await stopFrom(db, clock, { threadKind: 'group', threadId: 'g777' });
    await stopFrom(db, clock, { senderHandle: 'dave', threadKind: 'request', threadId: '1000-9999' });
    expect((await db.people.get('@carol'))?.silencedAt).toBe(clock.now());
    expect((await db.people.get('@dave'))?.silencedAt).toBe(clock.now());
    clock.advance(60_000);
    for (const handle of ['carol', 'dave']) {
      const later = await decideAndAct(pipelineDeps(db, clock), await arrive(db, dm(clock, handle)));
      expect(later).toMatchObject({ kind: 'skip', reason: 'silenced' });
    }
    expect(await db.jobs.count()).toBe(0);
  });
});

describe('whatever ends consent cancels the replies waiting or being typed, at once', () => {
  it('a stop cancels the reply waiting for that person, logged, and leaves the others alone', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock, { cooldownMs: 0 });
    const carol = await scheduled(db, clock, 'carol');
    const bob = await scheduled(db, clock, 'bob');
    clock.advance(1_000);
    await stopFrom(db, clock, { threadId: carol.threadId });
    expect((await db.jobs.get(carol.id))?.state).toBe('cancelled');
    expect((await db.jobs.get(bob.id))?.state).toBe('pending');
    expect((await db.activity.toArray()).filter((e) => e.kind === 'cancelled')).toMatchObject([
      { contactHandle: 'carol', messageId: carol.messageId, reason: 'stopWord' },
    ]);
  });

  it('a stop cancels the reply being typed: the typing tab loses it at its next pause', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock, { cooldownMs: 0 });
    const carol = await scheduled(db, clock, 'carol');
    await takeLease(db, carol.id, 5, clock.now());
    expect(await markStarted(db, carol.id, 5, [], clock.now())).toBe(true);
    await stopFrom(db, clock, { threadId: carol.threadId });
    expect((await db.jobs.get(carol.id))?.state).toBe('cancelled');
    expect(await renewLease(db, carol.id, 5, clock.now() + 1_000)).toBeNull();
  });

  it('silencing by hand cancels the waiting and the typing replies to that person', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const carol = await scheduled(db, clock, 'carol');
    const dave = await scheduled(db, clock, 'dave');
    await takeLease(db, dave.id, 5, clock.now());
    await markStarted(db, dave.id, 5, [], clock.now());
    await silenceContact(db, 'Carol', clock.now());
    await silenceContact(db, 'dave', clock.now());
    expect((await db.jobs.get(carol.id))?.state).toBe('cancelled');
    expect((await db.jobs.get(dave.id))?.state).toBe('cancelled');
    expect((await db.activity.toArray()).filter((e) => e.kind === 'cancelled')).toHaveLength(2);
  });
});
