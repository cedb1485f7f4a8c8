import { RulesCache } from '../../../src/background/decision-state.ts';
import { memoryArea } from '../../../src/background/detection.ts';
import type { PipelineDeps } from '../../../src/background/pipeline.ts';
import { RetryStore } from '../../../src/background/retries.ts';
import { DAY_MS } from '../../../src/core/limits.ts';
import { createRng } from '../../../src/core/rng.ts';
import type { IncomingDm, Settings } from '../../../src/core/types.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { recordIncoming } from '../../../src/storage/incoming.ts';
import { ensureSeeded } from '../../../src/storage/seed.ts';
import { updateSettings } from '../../../src/storage/settings.ts';

export const ENV = { timeZone: 'UTC' };
/** 2026-06-10 12:00 UTC. */
export const T0 = Date.UTC(2026, 5, 10, 12, 0, 0);

/** A clock tests move by hand. */
export class Clock {
  constructor(public t = T0) {}
  now = () => this.t;
  advance(ms: number): number {
    this.t += ms;
    return this.t;
  }
}

export interface Options {
  mode?: 'auto' | 'suggest';
  minDelayMs?: number;
  maxDelayMs?: number;
  minGapMs?: number;
  hourlyCap?: number;
  cooldownMs?: number;
}

/**
 * Seeds like a new profile, then does what the user does for auto mode: away on since an hour ago,
 * the warning accepted, the starter rule in auto mode, short delay bounds.
 */
export async function setUp(db: AwayDb, clock: Clock, options: Options = {}): Promise<Settings> {
  await ensureSeeded(db, { locale: 'en', timeZone: 'UTC' });
  const mode = options.mode ?? 'auto';
  await db.rules.toCollection().modify({ mode });
  const outcome = await updateSettings(db, ENV, (s) => ({
    ...s,
    schedule: { ...s.schedule, awayEnabled: true, awaySince: clock.now() - 3_600_000 },
    timing: { minDelayMs: options.minDelayMs ?? 2_000, maxDelayMs: options.maxDelayMs ?? 6_000 },
    limits: {
      ...s.limits,
      minGapMs: options.minGapMs ?? 0,
      hourlyCap: options.hourlyCap ?? s.limits.hourlyCap,
      contactCooldownMs: options.cooldownMs ?? 4 * DAY_MS,
    },
    autoSendAcknowledged: mode === 'auto',
    defaultMode: mode,
  }));
  if (!outcome.ok) throw new Error(`settings refused: ${outcome.problem.code} ${outcome.problem.path}`);
  return outcome.value;
}

let ids = 0;
export function pipelineDeps(
  db: AwayDb,
  clock: Clock,
  overrides: Partial<PipelineDeps> = {},
): PipelineDeps & { wakes: number } {
  const deps = {
    db,
    env: ENV,
    rules: new RulesCache(),
    retries: new RetryStore(memoryArea()),
    now: clock.now,
    rng: createRng(7),
    newId: () => `job-${++ids}`,
    wakes: 0,
    changed: () => {
      deps.wakes++;
    },
    ...overrides,
  };
  return deps;
}

let messages = 0;
/** A DM from `handle` in its own 1:1 thread, seen now. */
export function dm(clock: Clock, handle = 'alice', overrides: Partial<IncomingDm> = {}): IncomingDm {
  const n = ++messages;
  const id = 2000 + [...handle].reduce((sum, c) => sum + c.charCodeAt(0), 0);
  return {
    messageId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    threadId: `1000-${id}`,
    threadKind: 'direct',
    senderId: '',
    senderHandle: handle,
    senderName: `${handle[0]!.toUpperCase()}${handle.slice(1)} Example`,
    text: 'Hello, are you around this week?',
    timeLabel: '12:00 PM',
    detectedAt: clock.now(),
    source: 'thread',
    ...overrides,
  };
}

/** Stores the DM as the detection handler does; only a new one goes on to the decision. */
export async function arrive(db: AwayDb, message: IncomingDm): Promise<IncomingDm> {
  if (!(await recordIncoming(db, message))) throw new Error('not new');
  return message;
}

/** A DM decided in auto mode: returns its pending job. */
export async function scheduled(db: AwayDb, clock: Clock, handle = 'alice') {
  const { decideAndAct } = await import('../../../src/background/pipeline.ts');
  await decideAndAct(pipelineDeps(db, clock), await arrive(db, dm(clock, handle)));
  const job = await db.jobs.filter((j) => j.contactHandle === handle).first();
  if (!job) throw new Error(`no job for ${handle}`);
  return job;
}
