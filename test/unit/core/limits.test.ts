import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, X_DAILY_DM_LIMIT } from '../../../src/core/defaults.ts';
import { type AutoSend, checkLimits, clampLimits, type LimitInput } from '../../../src/core/limits.ts';
import { DAY, HOUR, MINUTE, NOW } from './fixtures.ts';

const send = (at: number, threadId = '1-2', contactHandle = 'zoe'): AutoSend => ({
  at,
  threadId,
  contactHandle,
});
const input = (over: Partial<LimitInput> = {}): LimitInput => ({
  limits: DEFAULT_LIMITS,
  threadId: '100-200',
  contactHandle: 'alice',
  contact: null,
  thread: null,
  awaySince: NOW - DAY,
  sends: [],
  now: NOW,
  ...over,
});
const contact = (lastRepliedAt: number | null) => ({
  key: '@alice',
  id: '',
  handle: 'alice',
  handles: ['alice'],
  name: 'Alice',
  firstSeenAt: 0,
  lastRepliedAt,
  silencedAt: null,
});

describe('checkLimits', () => {
  it('passes when nothing was sent', () => {
    expect(checkLimits(input())).toBeNull();
  });

  it('cooldown: from the contact record or from a recent/pending send to them, case-insensitively', () => {
    expect(checkLimits(input({ contact: contact(NOW - 4 * DAY + 1) }))).toEqual({ reason: 'cooldown' });
    expect(checkLimits(input({ contact: contact(NOW - 4 * DAY) }))).toBeNull();
    expect(checkLimits(input({ sends: [send(NOW - HOUR, '1-2', 'ALICE')] }))).toEqual({ reason: 'cooldown' });
    expect(checkLimits(input({ sends: [send(NOW + MINUTE, '1-2', 'alice')] }))).toEqual({
      reason: 'cooldown',
    });
  });

  it('alreadyAnswered: one reply per thread since away was switched on, whatever the cooldown', () => {
    const noCooldown = { ...DEFAULT_LIMITS, contactCooldownMs: 0, minGapMs: 0 };
    const thread = (lastAutoReplyAt: number | null) => ({
      threadId: '100-200',
      firstSeenAt: 0,
      lastIncomingAt: null,
      lastAutoReplyAt,
    });
    const base = input({ limits: noCooldown, awaySince: NOW - DAY });
    expect(checkLimits({ ...base, thread: thread(NOW - 1_000) })).toEqual({ reason: 'alreadyAnswered' });
    // They (or another responder) wrote again long after our reply: still no second one.
    expect(checkLimits({ ...base, thread: thread(NOW - DAY + 1) })).toEqual({ reason: 'alreadyAnswered' });
    expect(checkLimits({ ...base, sends: [send(NOW - 5_000, '100-200', 'bob')] })).toEqual({
      reason: 'alreadyAnswered',
    });
    // A reply from before away was last switched on does not count; nor does one in another thread.
    expect(checkLimits({ ...base, thread: thread(NOW - DAY - 1) })).toBeNull();
    expect(checkLimits({ ...base, sends: [send(NOW - 5_000, '1-2', 'bob')] })).toBeNull();
    // Without a known switch-on time, any reply in the thread counts.
    expect(checkLimits({ ...base, awaySince: null, thread: thread(0) })).toEqual({
      reason: 'alreadyAnswered',
    });
  });

  it('minGap: refuses within the gap and says when to retry', () => {
    expect(checkLimits(input({ sends: [send(NOW - 5_000), send(NOW - 12_000, '3-4', 'ann')] }))).toEqual({
      reason: 'minGap',
      retryAt: NOW + 15_000,
    });
    expect(checkLimits(input({ sends: [send(NOW - 20_000)] }))).toBeNull();
    // A pending send due later counts too.
    expect(checkLimits(input({ sends: [send(NOW + 40_000)] }))).toEqual({
      reason: 'minGap',
      retryAt: NOW + 60_000,
    });
  });

  it('hourlyCap over a sliding hour, with retryAt when the oldest leaves', () => {
    const limits = { ...DEFAULT_LIMITS, hourlyCap: 3 };
    const sends = [NOW - 50 * MINUTE, NOW - 40 * MINUTE, NOW - 30 * MINUTE].map((t, i) =>
      send(t, `t${i}`, `u${i}`),
    );
    expect(checkLimits(input({ limits, sends }))).toEqual({
      reason: 'hourlyCap',
      retryAt: NOW + 10 * MINUTE,
    });
    expect(checkLimits(input({ limits, sends: sends.slice(1) }))).toBeNull();
    const older = [send(NOW - HOUR, 'old', 'old'), ...sends.slice(1)];
    expect(checkLimits(input({ limits, sends: older }))).toBeNull();
  });

  it('dailyCap over a sliding day', () => {
    const limits = { ...DEFAULT_LIMITS, dailyCap: 2, hourlyCap: 10 };
    const sends = [send(NOW - 23 * HOUR, 'a', 'a'), send(NOW - 2 * HOUR, 'b', 'b')];
    expect(checkLimits(input({ limits, sends }))).toEqual({ reason: 'dailyCap', retryAt: NOW + HOUR });
    expect(checkLimits(input({ limits, sends: [send(NOW - DAY, 'a', 'a'), sends[1]!] }))).toBeNull();
  });

  it('a cap of zero blocks everything', () => {
    expect(checkLimits(input({ limits: { ...DEFAULT_LIMITS, hourlyCap: 0 } }))).toEqual({
      reason: 'hourlyCap',
    });
  });
});

describe('clampLimits', () => {
  it('keeps valid values, including lower ones the user chose', () => {
    expect(clampLimits(DEFAULT_LIMITS)).toEqual(DEFAULT_LIMITS);
    const low = { contactCooldownMs: 0, minGapMs: 0, hourlyCap: 1, dailyCap: 1 };
    expect(clampLimits(low)).toEqual(low);
  });

  it('never lets a cap exceed X’s daily limit; negatives become 0; fractions round down', () => {
    expect(clampLimits({ ...DEFAULT_LIMITS, dailyCap: 5_000, hourlyCap: 501 })).toMatchObject({
      dailyCap: X_DAILY_DM_LIMIT,
      hourlyCap: X_DAILY_DM_LIMIT,
    });
    expect(clampLimits({ contactCooldownMs: -1, minGapMs: -5, hourlyCap: -2, dailyCap: 9.7 })).toEqual({
      contactCooldownMs: 0,
      minGapMs: 0,
      hourlyCap: 0,
      dailyCap: 9,
    });
  });

  it('replaces non-numbers with the defaults', () => {
    const broken = {
      contactCooldownMs: Number.NaN,
      minGapMs: Number.POSITIVE_INFINITY,
      hourlyCap: Number.NaN,
      dailyCap: Number.NaN,
    };
    expect(clampLimits(broken)).toEqual(DEFAULT_LIMITS);
  });
});
