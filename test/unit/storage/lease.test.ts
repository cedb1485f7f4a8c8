import { describe, expect, it } from 'vitest';
import { LEASE_MS } from '../../../src/core/job-lifecycle.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { releaseLease, releaseTabLeases, renewLease, takeLease } from '../../../src/storage/jobs.ts';
import { connections, freshDb } from '../support/fresh-db.ts';
import { Clock, scheduled, setUp } from '../support/sending.ts';

/** Tabs holding a lease on some job. */
async function holders(db: AwayDb): Promise<number[]> {
  return (await db.jobs.toArray()).flatMap((job) => (job.leaseTabId === null ? [] : [job.leaseTabId])).sort();
}

describe('job lease', () => {
  it('exactly one of many racing takers gets it, across connections (tabs, old and new worker)', async () => {
    const dbs = connections(4);
    const clock = new Clock();
    await setUp(dbs[0]!, clock);
    const job = await scheduled(dbs[0]!, clock);
    for (let round = 0; round < 20; round++) {
      const results = await Promise.all(
        dbs.flatMap((db, i) => [
          takeLease(db, job.id, 10 + i, clock.now()),
          takeLease(db, job.id, 20 + i, clock.now()),
        ]),
      );
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      const stored = await dbs[1]!.jobs.get(job.id);
      expect(stored?.leaseTabId).toBe(winners[0]!.leaseTabId);
      expect(stored?.leaseUntil).toBe(clock.now() + LEASE_MS);
      // Let it lapse for the next round.
      clock.advance(LEASE_MS + 1);
    }
  });

  it('a live lease cannot be taken; a lapsed one can; a finished job never', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const job = await scheduled(db, clock);
    expect(await takeLease(db, job.id, 1, clock.now())).not.toBeNull();
    expect(await takeLease(db, job.id, 2, clock.now() + LEASE_MS - 1)).toBeNull();
    expect(await takeLease(db, job.id, 2, clock.now() + LEASE_MS)).toMatchObject({ leaseTabId: 2 });
    await db.jobs.update(job.id, { state: 'sent', leaseTabId: null, leaseUntil: null });
    expect(await takeLease(db, job.id, 3, clock.now() + 10 * LEASE_MS)).toBeNull();
  });

  it('only the holder renews; renewing never shortens the lease', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const job = await scheduled(db, clock);
    await takeLease(db, job.id, 1, clock.now());
    expect(await renewLease(db, job.id, 2, clock.now() + 50_000)).toBeNull();
    expect((await renewLease(db, job.id, 1, clock.now() + 50_000))?.leaseUntil).toBe(clock.now() + 50_000);
    expect((await renewLease(db, job.id, 1, clock.now() + 1_000))?.leaseUntil).toBe(clock.now() + 50_000);
    await db.jobs.update(job.id, { state: 'cancelled' });
    expect(await renewLease(db, job.id, 1, clock.now() + 60_000)).toBeNull();
  });

  it('a reloaded tab gives back its leases at once; releasing needs the holder', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const a = await scheduled(db, clock, 'alice');
    const b = await scheduled(db, clock, 'bob');
    await takeLease(db, a.id, 7, clock.now());
    await takeLease(db, b.id, 8, clock.now());
    expect(await holders(db)).toEqual([7, 8]);
    expect(await releaseLease(db, b.id, 7)).toBe(false);
    expect(await releaseTabLeases(db, 7)).toBe(1);
    expect(await holders(db)).toEqual([8]);
    expect(await takeLease(db, a.id, 9, clock.now())).toMatchObject({ leaseTabId: 9 });
    expect(await releaseLease(db, b.id, 8)).toBe(true);
    expect(await holders(db)).toEqual([9]);
  });
});
