import { describe, expect, it } from 'vitest';
import {
  answerPause,
  answerStarted,
  FINAL_CHECK_LEAD_MS,
  type JobAnswerDeps,
} from '../../../src/background/job-messages.ts';
import type { SendJob } from '../../../src/core/types.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { cancelJob, takeLease } from '../../../src/storage/jobs.ts';
import { updateSettings } from '../../../src/storage/settings.ts';
import { freshDb } from '../support/fresh-db.ts';
import { Clock, ENV, scheduled, setUp } from '../support/sending.ts';

const TAB = 5;

/** A job being typed in tab 5, and the worker's answers, whose waits run `during` first. */
async function typing(during: (db: AwayDb, job: SendJob) => Promise<unknown> = async () => undefined) {
  const db = freshDb();
  const clock = new Clock();
  await setUp(db, clock);
  const job = await scheduled(db, clock, 'alice');
  clock.t = job.dueAt;
  await takeLease(db, job.id, TAB, clock.now());
  const waits: number[] = [];
  const deps: JobAnswerDeps = {
    db: () => db,
    env: () => ENV,
    now: clock.now,
    delay: async (ms) => {
      waits.push(ms);
      await during(db, job);
      clock.advance(ms);
    },
    wake: () => undefined,
  };
  expect(await answerStarted(deps, { jobId: job.id, ownRowsBefore: [] }, TAB)).toEqual({ go: true });
  const lastPause = () => answerPause(deps, { jobId: job.id, waitMs: 50, final: true }, TAB);
  return { db, job, lastPause, waits };
}

describe('right before pressing send, the tab asks whether the reply is still wanted', () => {
  it('yes, when nothing changed, and on the planned moment: the checks start just ahead of it', async () => {
    const { lastPause, waits } = await typing();
    expect(await lastPause()).toEqual({ go: true });
    expect(waits).toEqual([50 - FINAL_CHECK_LEAD_MS]);
  });

  it('no, when the reply was cancelled during that last wait', async () => {
    const { lastPause } = await typing((db, job) => cancelJob(db, job.id, Date.now()));
    expect(await lastPause()).toEqual({ go: false });
  });

  it('no, when the person was silenced meanwhile by another page (an import)', async () => {
    const { lastPause } = await typing((db) => db.people.update('@alice', { silencedAt: 1 }));
    expect(await lastPause()).toEqual({ go: false });
  });

  it('no, when the person was deny-listed meanwhile by another page', async () => {
    const { lastPause } = await typing((db) =>
      updateSettings(db, ENV, (s) => ({ ...s, denyList: ['alice'] })),
    );
    expect(await lastPause()).toEqual({ go: false });
  });

  it('no, when away was switched off meanwhile', async () => {
    const { lastPause } = await typing((db) =>
      updateSettings(db, ENV, (s) => ({ ...s, schedule: { ...s.schedule, awayEnabled: false } })),
    );
    expect(await lastPause()).toEqual({ go: false });
  });
});
