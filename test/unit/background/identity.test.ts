import { describe, expect, it } from 'vitest';
import { decideAndAct } from '../../../src/background/pipeline.ts';
import { HOUR_MS } from '../../../src/core/limits.ts';
import type { IncomingDm, Settings } from '../../../src/core/types.ts';
import { getContact, silenceContact } from '../../../src/storage/contacts.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { markStarted, recordFinished, takeLease } from '../../../src/storage/jobs.ts';
import { changeSettings, updateSettings } from '../../../src/storage/settings.ts';
import { freshDb } from '../support/fresh-db.ts';
import { arrive, Clock, dm, ENV, pipelineDeps, setUp } from '../support/sending.ts';

// X's user id is the person; a handle is only what they are called today. Issue 10.

const VIEWER = '1000';
const ALICE_ID = '4242';
const THREAD = `${VIEWER}-${ALICE_ID}`;

/** A DM from Alice (id 4242) in her 1:1 thread, under whatever handle she has now. */
const fromAlice = (clock: Clock, handle: string, overrides: Partial<IncomingDm> = {}) =>
  dm(clock, handle, { senderId: ALICE_ID, threadId: THREAD, ...overrides });

const change = (db: AwayDb, fn: (s: Settings) => Settings) =>
  updateSettings(db, ENV, fn).then((outcome) => {
    if (!outcome.ok) throw new Error(outcome.problem.code);
  });

async function decided(db: AwayDb, clock: Clock, message: IncomingDm) {
  return decideAndAct(pipelineDeps(db, clock), await arrive(db, message));
}

/** Alice gets an automatic reply, sent; then the user switches away on again, so the thread may be answered. */
async function repliedThenAwayAgain(db: AwayDb, clock: Clock): Promise<void> {
  expect(await decided(db, clock, fromAlice(clock, 'alice'))).toMatchObject({ kind: 'reply' });
  const job = (await db.jobs.toArray())[0]!;
  clock.t = job.dueAt;
  await takeLease(db, job.id, 5, clock.now());
  await markStarted(db, job.id, 5, [], clock.now());
  await recordFinished(db, { jobId: job.id, outcome: 'sent', rowId: 'r1' }, 5, clock.now());
  clock.advance(HOUR_MS);
  await change(db, (s) => ({ ...s, schedule: { ...s.schedule, awaySince: clock.now() } }));
  clock.advance(60_000);
}

describe('a contact is their X user id, whatever their handle', () => {
  it('a rename keeps the cooldown', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    await repliedThenAwayAgain(db, clock);
    // Someone else under the old name is not held back by Alice's cooldown...
    expect(await decided(db, clock, dm(clock, 'bob'))).toMatchObject({ kind: 'reply' });
    // ...but Alice under a new handle is.
    expect(await decided(db, clock, fromAlice(clock, 'alice_renamed'))).toMatchObject({
      kind: 'skip',
      reason: 'cooldown',
    });
  });

  it('a rename keeps the silence of a "stop"', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const stop = fromAlice(clock, 'alice', { text: 'stop' });
    expect(await decided(db, clock, stop)).toMatchObject({ kind: 'skip', reason: 'stopWord' });
    clock.advance(60_000);
    expect(await decided(db, clock, fromAlice(clock, 'alice_renamed'))).toMatchObject({
      kind: 'skip',
      reason: 'silenced',
    });
    expect(await db.jobs.count()).toBe(0);
  });

  it('a silence set by hand on a handle follows the person once that handle is seen with their id', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    await silenceContact(db, '@Alice', clock.now());
    clock.advance(60_000);
    expect(await decided(db, clock, fromAlice(clock, 'alice'))).toMatchObject({ reason: 'silenced' });
    clock.advance(60_000);
    expect(await decided(db, clock, fromAlice(clock, 'alice_renamed'))).toMatchObject({ reason: 'silenced' });
    // One person, one row: the handle's row was merged into the id's.
    expect(await db.people.toArray()).toMatchObject([
      { key: ALICE_ID, id: ALICE_ID, handle: 'alice_renamed', handles: ['alice_renamed', 'alice'] },
    ]);
  });

  it('a rename does not escape the deny list, nor cancel what it cancels', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    await change(db, (s) => ({ ...s, denyList: ['alice'] }));
    expect(await decided(db, clock, fromAlice(clock, 'alice'))).toMatchObject({ reason: 'denyListed' });
    clock.advance(60_000);
    expect(await decided(db, clock, fromAlice(clock, 'alice_renamed'))).toMatchObject({
      kind: 'skip',
      reason: 'denyListed',
    });
    expect(await db.jobs.count()).toBe(0);
  });

  it('a reply on its way to the new handle is cancelled when the old one is deny-listed', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    // Seen as alice first (while away was off), then renamed, and answered.
    await change(db, (s) => ({ ...s, schedule: { ...s.schedule, awayEnabled: false } }));
    expect(await decided(db, clock, fromAlice(clock, 'alice'))).toMatchObject({ reason: 'awayOff' });
    await change(db, (s) => ({
      ...s,
      schedule: { ...s.schedule, awayEnabled: true, awaySince: clock.now() },
    }));
    clock.advance(60_000);
    expect(await decided(db, clock, fromAlice(clock, 'alice_renamed'))).toMatchObject({ kind: 'reply' });
    const denied = await changeSettings(db, ENV, (s) => ({ ...s, denyList: ['alice'] }), clock.now());
    expect(denied.ok).toBe(true);
    expect(await db.jobs.toArray()).toMatchObject([{ state: 'cancelled', error: 'denyListed' }]);
  });

  it('without an id (fail safe) the handle is the contact, as before', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    await decided(db, clock, dm(clock, 'carol', { text: 'stop' }));
    expect(await getContact(db, 'carol')).toMatchObject({ key: '@carol', id: '', silencedAt: clock.now() });
    clock.advance(60_000);
    expect(await decided(db, clock, dm(clock, 'carol'))).toMatchObject({ reason: 'silenced' });
  });
});
