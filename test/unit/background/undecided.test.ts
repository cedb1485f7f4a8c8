import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { decideAndAct, SerialQueue } from '../../../src/background/pipeline.ts';
import { recoverUndecided, UNDECIDED_FRESH_MS } from '../../../src/background/undecided.ts';
import type { IncomingDm } from '../../../src/core/types.ts';
import { openDb } from '../../../src/storage/db.ts';
import { freshDb } from '../support/fresh-db.ts';
import { arrive, Clock, dm, pipelineDeps, setUp } from '../support/sending.ts';

/** What the worker does on a wake: every recovered DM goes through its queue to `decideAndAct`. */
function wake(deps: ReturnType<typeof pipelineDeps>, queue = new SerialQueue()) {
  const seen: IncomingDm[] = [];
  const run = recoverUndecided({
    db: deps.db,
    now: deps.now,
    decide: (message) => {
      seen.push(message);
      return queue.run(() => decideAndAct(deps, message));
    },
  });
  return { run, seen };
}

describe('a DM stored but never decided (the worker stopped in between)', () => {
  it('is decided on the next wake, then counts as decided', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    // Stored by the detection handler; the worker stopped before the decision.
    const message = await arrive(db, dm(clock, 'alice'));
    expect(await db.undecided.count()).toBe(1);
    clock.advance(30_000);

    const deps = pipelineDeps(db, clock);
    const { run, seen } = wake(deps);
    expect(await run).toEqual({ decided: 1, tooLate: 0 });
    expect(seen.map((m) => m.messageId)).toEqual([message.messageId]);
    const [job] = await db.jobs.toArray();
    expect(job).toMatchObject({ messageId: message.messageId, state: 'pending' });
    // Its delay runs from now: the DM was seen long before this wake.
    expect(job!.dueAt).toBe(clock.now() + job!.timing.readMs + job!.timing.thinkMs);
    expect((await db.activity.toArray()).map((e) => e.kind)).toEqual(['scheduled']);
    expect(await db.undecided.count()).toBe(0);

    // A second wake finds nothing left to decide.
    const again = wake(deps);
    expect(await again.run).toEqual({ decided: 0, tooLate: 0 });
    expect(again.seen).toEqual([]);
    expect(await db.jobs.count()).toBe(1);
  });

  it('a DM decided in the normal way leaves nothing for the wake', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock, { mode: 'suggest' });
    const deps = pipelineDeps(db, clock);
    await decideAndAct(deps, await arrive(db, dm(clock, 'bob')));
    expect(await db.undecided.count()).toBe(0);
    expect((await wake(deps).run).decided).toBe(0);
    expect(await db.activity.count()).toBe(1);
  });

  it('older than the freshness limit: logged as skipped (decisionInterrupted), never answered', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const stale = await arrive(db, dm(clock, 'carol'));
    clock.advance(UNDECIDED_FRESH_MS - 1_000);
    const fresh = await arrive(db, dm(clock, 'dave'));
    clock.advance(2_000);

    const deps = pipelineDeps(db, clock);
    expect(await wake(deps).run).toEqual({ decided: 1, tooLate: 1 });
    expect(await db.jobs.toArray()).toMatchObject([{ messageId: fresh.messageId }]);
    const log = await db.activity.toArray();
    expect(log.map((e) => [e.kind, e.messageId, e.reason])).toEqual(
      expect.arrayContaining([
        ['skipped', stale.messageId, 'decisionInterrupted'],
        ['scheduled', fresh.messageId, undefined],
      ]),
    );
    expect(log).toHaveLength(2);
    expect(log.find((e) => e.reason === 'decisionInterrupted')).toMatchObject({
      contactHandle: 'carol',
      text: stale.text,
      at: clock.now(),
    });
    expect(await db.undecided.count()).toBe(0);
  });

  it('a "stop" is kept however late: its sender is silenced, and the log says so', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const stop = await arrive(db, dm(clock, 'carol', { text: 'stop please' }));
    clock.advance(UNDECIDED_FRESH_MS + 60_000);
    await wake(pipelineDeps(db, clock)).run;
    expect((await db.people.get('@carol'))?.silencedAt).toBe(clock.now());
    expect(await db.activity.toArray()).toMatchObject([
      { kind: 'skipped', reason: 'stopWord', messageId: stop.messageId },
    ]);
    expect(await db.jobs.count()).toBe(0);
  });

  it('a wake racing the DM’s own decision: decided once', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const deps = pipelineDeps(db, clock);
    const queue = new SerialQueue();
    const message = await arrive(db, dm(clock, 'erin'));
    // The arrival queues its decision; a wake started at the same moment queues the same DM.
    const [own, recovered] = await Promise.all([
      queue.run(() => decideAndAct(deps, message)),
      wake(deps, queue).run,
    ]);
    expect(own).toMatchObject({ kind: 'reply' });
    expect(recovered.decided).toBe(1);
    expect(await db.jobs.count()).toBe(1);
    expect(await db.activity.count()).toBe(1);
  });

  it('two workers waking at once over one database (no shared queue): decided once', async () => {
    const indexedDB = new IDBFactory();
    const [a, b] = [0, 1].map(() => openDb('away-race', { indexedDB, IDBKeyRange }));
    const clock = new Clock();
    await setUp(a!, clock, { mode: 'suggest' });
    const messages = [];
    for (const handle of ['f1', 'f2', 'f3']) messages.push(await arrive(a!, dm(clock, handle)));
    clock.advance(5_000);
    const [first, second] = await Promise.all([
      wake(pipelineDeps(a!, clock)).run,
      wake(pipelineDeps(b!, clock)).run,
    ]);
    expect(first.decided + second.decided).toBeGreaterThanOrEqual(3);
    expect(await a!.suggestions.count()).toBe(3);
    const log = await a!.activity.toArray();
    expect(log.map((e) => e.messageId).sort()).toEqual(messages.map((m) => m.messageId).sort());
    expect(await a!.undecided.count()).toBe(0);
  });

  it('a DM decided already is not acted on again: null, nothing written', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const deps = pipelineDeps(db, clock);
    const message = await arrive(db, dm(clock, 'gina'));
    await decideAndAct(deps, message);
    const wakes = deps.wakes;
    expect(await decideAndAct(deps, message)).toBeNull();
    expect(await db.jobs.count()).toBe(1);
    expect(await db.activity.count()).toBe(1);
    expect(deps.wakes).toBe(wakes);
  });

  it('a waiting row whose DM was erased meanwhile is dropped without a log entry', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const message = await arrive(db, dm(clock, 'hank'));
    await db.incoming.delete([message.threadId, message.messageId]);
    const { run, seen } = wake(pipelineDeps(db, clock));
    expect(await run).toEqual({ decided: 0, tooLate: 0 });
    expect(seen).toEqual([]);
    expect(await db.undecided.count()).toBe(0);
    expect(await db.activity.count()).toBe(0);
  });

  it('a retry clears a row an interrupted decision left behind', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock, { mode: 'suggest' });
    const message = await arrive(db, dm(clock, 'iris'));
    const deps = pipelineDeps(db, clock);
    expect(await decideAndAct(deps, message, { retry: true })).toMatchObject({ kind: 'reply' });
    expect(await db.undecided.count()).toBe(0);
    expect((await wake(deps).run).decided).toBe(0);
  });
});
