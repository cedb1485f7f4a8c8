import { describe, expect, it } from 'vitest';
import {
  activity,
  awayReplyPattern,
  firstName,
  incoming,
  jobs,
  pause,
  people,
  sentIn,
  threadWith,
  until,
} from './sending-helpers.ts';
import { freshSession } from './sending-session.ts';
import { closedAfter } from './support/closed-after.ts';
import type { Session } from './support/session.ts';

// The main path end to end: a DM arrives while away in auto mode, the built extension answers it once,
// in the right thread, with the rendered template, after a delay inside the configured bounds.

const BOUNDS = { minDelayMs: 300, maxDelayMs: 1200 };
const [ALICE, BOB] = people(2);
const ALICE_THREAD = threadWith(ALICE!);
const BOB_THREAD = threadWith(BOB!);

const keep = closedAfter<Session>();

const browsers = ['chromium', 'firefox'] as const;

describe.each(browsers)('auto reply in %s', (browser) => {
  it('answers one DM once, with the template, inside the delay bounds', async () => {
    const s = await freshSession(keep, {
      browser,
      people: [ALICE!, BOB!],
      setup: { mode: 'auto', ...BOUNDS, minGapMs: 0 },
    });

    const id = await s.fakeX.receive({ thread: ALICE_THREAD, text: 'Hello, are you around this week?' });
    const [reply] = await until('the reply to be sent', async () => {
      const sent = await sentIn(s, ALICE_THREAD);
      return sent.some((m) => m.status === 'sent') && sent;
    });
    expect(reply!.text).toMatch(awayReplyPattern(firstName(ALICE!)));

    // The delay is measured from the moment the extension saw the DM to the moment it pressed send.
    const seen = (await incoming(s)).find((dm) => dm.threadId === ALICE_THREAD);
    expect(seen).toBeDefined();
    const delay = reply!.at - seen!.detectedAt;
    expect(delay).toBeGreaterThanOrEqual(BOUNDS.minDelayMs);
    expect(delay).toBeLessThanOrEqual(BOUNDS.maxDelayMs);
    expect(id).toBeTruthy();

    // Nothing more goes out later, in this thread or any other, and the log tells what happened.
    await pause(2500);
    expect(await s.fakeX.sent()).toHaveLength(1);
    expect(await sentIn(s, BOB_THREAD)).toEqual([]);
    const log = await activity(s);
    expect(log.filter((e) => e.kind === 'scheduled' && e.threadId === ALICE_THREAD)).toHaveLength(1);
    expect(log.filter((e) => e.kind === 'sent' && e.threadId === ALICE_THREAD)).toHaveLength(1);
    expect((await jobs(s)).map((job) => job.state)).toEqual(['sent']);
    expect(await s.fakeX.composerState()).toBe('');
  });
});
