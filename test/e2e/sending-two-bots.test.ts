import { afterEach, describe, expect, it } from 'vitest';
import type { Person, Seed } from '../fixtures/fake-x/src/api.ts';
import { configure, type JobRow, jobs, threadWith, until } from './sending-helpers.ts';
import { Relay } from './support/relay.ts';
import { openSession, type Session } from './support/session.ts';

// Two people who both use the extension, both away in auto mode, writing to each other: each instance
// sends at most one automatic message and the conversation stops (invariant 5). Two browser profiles,
// joined by a relay in the test process.

const ANNA: Person = { id: '1000', handle: 'anna_away', name: 'Anna Away' };
const BEN: Person = { id: '2000', handle: 'ben_away', name: 'Ben Away' };

function account(me: Person, other: Person): Seed {
  return {
    me,
    threads: [{ with: [other], history: [{ from: other.handle, text: 'Old news', minutesAgo: 120 }] }],
  };
}

const sessions: Session[] = [];
let relay: Relay | null = null;
afterEach(async () => {
  await relay?.stop();
  relay = null;
  for (const s of sessions.splice(0)) await s.close();
});

/** Two sessions, Anna's and Ben's, each showing the other's conversation. */
async function twoAccounts(): Promise<[Session, Session]> {
  const anna = await openSession({
    browser: 'chromium',
    state: account(ANNA, BEN),
    config: { churnPerSecond: 0 },
  });
  sessions.push(anna);
  const ben = await openSession({
    browser: 'chromium',
    state: account(BEN, ANNA),
    config: { churnPerSecond: 0 },
  });
  sessions.push(ben);
  return [anna, ben];
}

const automatic = async (s: Session) => ((await jobs(s)) as JobRow[]).filter((job) => job.state === 'sent');
const skipReasons = async (s: Session) =>
  ((await s.readExtensionStore('activity')) as { kind: string; reason?: string }[])
    .filter((e) => e.kind === 'skipped')
    .map((e) => e.reason);

describe('two instances facing each other', () => {
  it('each sends at most one automatic message and the conversation stops', async () => {
    const [anna, ben] = await twoAccounts();
    const thread = threadWith(BEN, ANNA);
    expect(thread).toBe(threadWith(ANNA, BEN));
    // Replies without the usual "I'm away" phrase, and different on each side, so that neither instance
    // can tell the other's reply from its wording: only timing and limits can stop the loop.
    const setup = { mode: 'auto' as const, minDelayMs: 300, maxDelayMs: 1200, minGapMs: 0 };
    await configure(anna, { ...setup, templateBody: 'Hello {first_name}, got it, more soon.' });
    await configure(ben, { ...setup, templateBody: 'Thanks {first_name}, I will answer shortly.' });
    relay = await Relay.start({ name: 'anna', fakeX: anna.fakeX }, { name: 'ben', fakeX: ben.fakeX });

    // Ben (the person, from his phone) writes to Anna; the relay carries everything after that.
    await anna.fakeX.receive({ thread, text: 'Hi Anna, are you free tomorrow?' });

    await until('both automatic replies', async () => relay!.forwarded.length >= 2, 20_000);
    // Quiet for a while: longer than the echo window, the delays and a postponed attempt.
    await until(
      'the conversation to stop',
      async () => relay!.lastForwardAt !== null && Date.now() - relay!.lastForwardAt > 12_000,
      60_000,
    );
    await relay.stop();

    expect(await automatic(anna)).toHaveLength(1);
    expect(await automatic(ben)).toHaveLength(1);
    expect(relay.forwarded.map((f) => [f.from, f.text])).toEqual([
      ['anna', 'Hello Ben, got it, more soon.'],
      ['ben', 'Thanks Anna, I will answer shortly.'],
    ]);
    // Anna's extension saw Ben's automatic answer come back and let it be.
    expect(await skipReasons(anna)).toEqual(['looksAutomatic']);
  });

  it('with cooldown 0, no label and replies slower than any echo window, still one message each (issue 11)', async () => {
    const [anna, ben] = await twoAccounts();
    const thread = threadWith(BEN, ANNA);
    // Nothing in the words, the label or the timing tells an automatic reply from a person's: Ben's
    // extension waits longer than the echo window, and no cooldown holds Anna back.
    const common = { mode: 'auto' as const, minGapMs: 0, contactCooldownMs: 0 };
    await configure(anna, {
      ...common,
      minDelayMs: 300,
      maxDelayMs: 1200,
      templateBody: 'Hello {first_name}, got it, more soon.',
    });
    await configure(ben, {
      ...common,
      minDelayMs: 11_000,
      maxDelayMs: 12_000,
      templateBody: 'Thanks {first_name}, I will answer shortly.',
    });
    relay = await Relay.start({ name: 'anna', fakeX: anna.fakeX }, { name: 'ben', fakeX: ben.fakeX });

    await anna.fakeX.receive({ thread, text: 'Hi Anna, are you free tomorrow?' });

    await until('both automatic replies', async () => relay!.forwarded.length >= 2, 40_000);
    await until(
      'the conversation to stop',
      async () => relay!.lastForwardAt !== null && Date.now() - relay!.lastForwardAt > 20_000,
      70_000,
    );
    await relay.stop();

    expect(await automatic(anna)).toHaveLength(1);
    expect(await automatic(ben)).toHaveLength(1);
    expect(relay.forwarded.map((f) => f.from)).toEqual(['anna', 'ben']);
    // Ben's answer came back 11 s later: Anna's conversation already had its automatic message.
    expect(await skipReasons(anna)).toEqual(['alreadyAnswered']);
  });
});
