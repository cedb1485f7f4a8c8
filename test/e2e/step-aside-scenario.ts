import { expect } from 'vitest';
import type { Person } from '../fixtures/fake-x/src/api.ts';
import { activity, jobs, pause, sentIn, threadWith, until } from './sending-helpers.ts';
import type { Session } from './support/session.ts';

// "You answered yourself", end to end and in any browser: a DM gets an automatic reply that waits in its
// rule's grace period; my own reply, typed on my phone, arrives through X's sync while the conversation is
// open; the waiting reply is cancelled and logged, and nothing automatic is ever sent there.

export async function answeredYourself(s: Session, person: Person): Promise<void> {
  const thread = threadWith(person);
  await s.fakeX.open(thread);
  await pause(800);
  const theirs = await s.fakeX.receive({ thread, text: 'Are you coming tonight?' });
  const [job] = await until('the reply waiting in its grace period', async () => {
    const waiting = (await jobs(s)).filter((row) => row.threadId === thread && row.state === 'pending');
    return waiting.length > 0 && waiting;
  });
  expect((job as unknown as { graceUntil?: number }).graceUntil).toBeGreaterThan(Date.now());
  const mine = await s.fakeX.replyFromOtherDevice({ thread, text: 'Yes! See you at 8' });
  await until('the waiting reply cancelled', async () =>
    (await jobs(s)).some((row) => row.id === job!.id && row.state === 'cancelled'),
  );
  const log = (await activity(s)).filter((entry) => entry.threadId === thread);
  expect(log.map((entry) => [entry.kind, entry.reason ?? ''])).toEqual([
    ['scheduled', ''],
    ['cancelled', 'answeredYourself'],
  ]);
  expect(log[1]?.messageId).toBe(theirs);
  await pause(1500);
  // Only my own message: the extension sent nothing.
  expect((await sentIn(s, thread)).map((record) => record.id)).toEqual([mine]);
}
