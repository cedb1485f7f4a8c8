import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatchDue } from '../../../src/background/dispatcher.ts';
import { answerPause, answerStarted, type JobAnswerDeps } from '../../../src/background/job-messages.ts';
import { decideAndAct } from '../../../src/background/pipeline.ts';
import { STOP_WORDS } from '../../../src/core/loops.ts';
import type { Settings } from '../../../src/core/types.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { markStarted, recordFinished, takeLease } from '../../../src/storage/jobs.ts';
import { changeSettings } from '../../../src/storage/settings.ts';
import { freshDb } from '../support/fresh-db.ts';
import { arrive, Clock, dm, ENV, pipelineDeps, setUp } from '../support/sending.ts';

// Property (a) of issue 11: after a "stop", on any path, no reply to that person ever starts or goes out.
// The paths: the stop arrives while away is off, outside the weekly hours, in a group, in a message
// request, from a deny-listed person, or while a reply to them waits or is being typed. Then anything may
// happen, in any order: away switched back on and the lists emptied, more messages from them, worker
// passes handing jobs to a tab that types whatever it is given, the tab that was typing going on, time.

const PATHS = ['awayOff', 'outsideHours', 'group', 'request', 'denyList', 'pendingJob', 'typingJob'] as const;
type Path = (typeof PATHS)[number];
const ACTIONS = ['restore', 'dm', 'pass', 'typingTab', 'wait'] as const;
type Action = (typeof ACTIONS)[number];

const TAB = 1;
const HANDLE = 'carol';

const stopText = fc
  .tuple(
    fc.constantFrom('', 'Please ', 'ok ', 'Non merci, '),
    fc.constantFrom(...STOP_WORDS),
    fc.constantFrom(
      (w: string) => w,
      (w: string) => w.toUpperCase(),
      (w: string) => w[0]!.toUpperCase() + w.slice(1),
    ),
    fc.constantFrom('', '!', ' now.', ' sending me these', ' 🙏'),
  )
  .map(([before, word, shape, after]) => `${before}${shape(word)}${after}`);

const change = (db: AwayDb, clock: Clock, fn: (s: Settings) => Settings) =>
  changeSettings(db, ENV, fn, clock.now());

/** What a path changes before the stop arrives, and how "restore" undoes it. */
async function prepare(db: AwayDb, clock: Clock, path: Path): Promise<void> {
  if (path === 'awayOff') {
    await change(db, clock, (s) => ({ ...s, schedule: { ...s.schedule, awayEnabled: false } }));
  } else if (path === 'outsideHours') {
    // 2026-06-10 is a Wednesday: a Sunday slot leaves the user present.
    const weekly = [{ day: 0, startMinute: 0, endMinute: 60 }];
    await change(db, clock, (s) => ({ ...s, schedule: { ...s.schedule, useWeekly: true, weekly } }));
  } else if (path === 'denyList') {
    await change(db, clock, (s) => ({ ...s, denyList: [HANDLE] }));
  }
}

async function restore(db: AwayDb, clock: Clock): Promise<void> {
  await change(db, clock, (s) => ({
    ...s,
    denyList: [],
    schedule: { ...s.schedule, awayEnabled: true, awayUntil: null, useWeekly: false },
  }));
}

interface World {
  db: AwayDb;
  clock: Clock;
  /** Every job of the contact that was given the go-ahead to type, or recorded as sent, after the stop. */
  violations: string[];
  stopAt: number;
  /** The job the tab was typing when the stop arrived (typingJob path). */
  typingJob: string | null;
}

function answers(world: World): JobAnswerDeps {
  return {
    db: () => world.db,
    env: () => ENV,
    now: world.clock.now,
    delay: async (ms) => {
      world.clock.advance(ms);
    },
    wake: () => undefined,
  };
}

/** A tab doing what it is told: start typing, pause once before send, press send, report it sent. */
async function tabTypes(world: World, jobId: string, alreadyStarted: boolean): Promise<void> {
  const deps = answers(world);
  const job = await world.db.jobs.get(jobId);
  const theirs = job?.contactHandle === HANDLE;
  if (!alreadyStarted) {
    const { go } = await answerStarted(deps, { jobId, ownRowsBefore: [] }, TAB);
    if (!go) return;
    if (theirs && world.clock.now() >= world.stopAt) world.violations.push(`started ${jobId}`);
  }
  const { go } = await answerPause(deps, { jobId, waitMs: 50, final: true }, TAB);
  if (!go) return;
  await recordFinished(
    world.db,
    { jobId, outcome: 'sent', pressedAt: world.clock.now() },
    TAB,
    world.clock.now(),
  );
  if (theirs) world.violations.push(`sent ${jobId}`);
}

async function pass(world: World): Promise<void> {
  const handed: string[] = [];
  await dispatchDue({
    db: world.db,
    env: ENV,
    now: world.clock.now,
    chatTabs: async () => [{ id: TAB, url: 'https://x.com/i/chat', pinned: true, active: false }],
    statuses: async () => [
      {
        tabId: TAB,
        at: 0,
        status: { ok: true, variant: 'shadow', missing: [], url: 'https://x.com/i/chat' },
      },
    ],
    preferredTab: async () => TAB,
    runJob: async (_tab, job) => {
      handed.push(job.jobId);
      return { accepted: true };
    },
  });
  for (const jobId of handed) await tabTypes(world, jobId, false);
}

async function act(world: World, action: Action): Promise<void> {
  const { db, clock } = world;
  if (action === 'restore') await restore(db, clock);
  else if (action === 'dm') {
    const message = await arrive(db, dm(clock, HANDLE, { text: 'Are you there?' }));
    await decideAndAct(pipelineDeps(db, clock), message);
  } else if (action === 'pass') await pass(world);
  else if (action === 'typingTab' && world.typingJob) await tabTypes(world, world.typingJob, true);
  else if (action === 'wait') clock.advance(7_000);
}

async function scenario(path: Path, text: string, actions: readonly Action[]): Promise<World> {
  const db = freshDb();
  const clock = new Clock();
  await setUp(db, clock, { cooldownMs: 0, minDelayMs: 2_000, maxDelayMs: 6_000 });
  const world: World = { db, clock, violations: [], stopAt: Number.POSITIVE_INFINITY, typingJob: null };
  await prepare(db, clock, path);
  let thread: Partial<Parameters<typeof dm>[2]> = {};
  if (path === 'group') thread = { threadKind: 'group', threadId: 'g4242' };
  if (path === 'request') thread = { threadKind: 'request' };
  if (path === 'pendingJob' || path === 'typingJob') {
    await decideAndAct(pipelineDeps(db, clock), await arrive(db, dm(clock, HANDLE)));
    const job = await db.jobs.filter((j) => j.contactHandle === HANDLE).first();
    expect(job?.state).toBe('pending');
    if (path === 'typingJob' && job) {
      clock.t = job.dueAt;
      await takeLease(db, job.id, TAB, clock.now());
      expect(await markStarted(db, job.id, TAB, [], clock.now())).toBe(true);
      world.typingJob = job.id;
    }
    clock.advance(500);
  }
  world.stopAt = clock.now();
  const stop = await decideAndAct(
    pipelineDeps(db, clock),
    await arrive(db, dm(clock, HANDLE, { text, ...thread })),
  );
  expect(stop).toEqual({ kind: 'skip', reason: 'stopWord' });
  for (const action of actions) await act(world, action);
  // And whatever was left, once more: a pass after enough time for every job to be due.
  clock.advance(60_000);
  await act(world, 'pass');
  if (world.typingJob) await act(world, 'typingTab');
  return world;
}

describe('property (a): after a "stop", on any path, no reply to that person starts or goes out', () => {
  it('holds for every path, stop word and sequence of what follows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATHS),
        stopText,
        fc.array(fc.constantFrom(...ACTIONS), { maxLength: 6 }),
        async (path, text, actions) => {
          const world = await scenario(path, text, actions);
          expect(world.violations).toEqual([]);
          const jobs = await world.db.jobs.filter((job) => job.contactHandle === HANDLE).toArray();
          expect(jobs.filter((job) => job.state !== 'cancelled')).toEqual([]);
          expect((await world.db.people.get(`@${HANDLE}`))?.silencedAt).toBe(world.stopAt);
          world.db.close();
        },
      ),
      { numRuns: 70 },
    );
    // Seventy worlds, each with its own database: seconds, more when other test files run alongside.
  }, 60_000);

  it('the model is not vacuous: without the stop, the same world answers and sends', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock, { cooldownMs: 0 });
    const world: World = { db, clock, violations: [], stopAt: clock.now(), typingJob: null };
    await act(world, 'dm');
    clock.advance(10_000);
    await act(world, 'pass');
    expect(world.violations.map((v) => v.split(' ')[0])).toEqual(['started', 'sent']);
  });
});
