import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scheduleStep } from '../../../src/core/job-lifecycle.ts';
import type { OwnMessage } from '../../../src/core/step-aside.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { recordIncoming } from '../../../src/storage/incoming.ts';
import { listJobs, scheduleJob, sendJobNow } from '../../../src/storage/jobs.ts';
import { recordOwnMessage } from '../../../src/storage/own-messages.ts';
import { setSuggestion } from '../../../src/storage/suggestions.ts';
import { dm, freshDb } from '../support/fresh-db.ts';

const NOW = 1_750_000_000_000;
const MINUTE = 60_000;
let db: AwayDb;

beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

async function waitingReply(id = 'j1', messageId = 'their-1', text = 'Away until Monday') {
  await scheduleJob(
    db,
    scheduleStep(
      {
        id,
        threadId: '100-200',
        messageId,
        contactHandle: 'alice',
        text,
        timing: { readMs: 0, thinkMs: 0, chunks: [text], keyDelaysMs: [0], totalMs: 0 },
        dueAt: NOW + 5 * MINUTE,
        graceUntil: NOW + 5 * MINUTE - 800,
      },
      NOW,
    ),
  );
}

const mine = (changes: Partial<OwnMessage> = {}): OwnMessage => ({
  threadId: '100-200',
  messageId: 'mine-1',
  text: 'On my way!',
  detectedAt: NOW + MINUTE,
  live: true,
  answers: [],
  ...changes,
});

describe('my own message: stepping aside', () => {
  it('cancels the waiting reply, logged "you answered yourself", and remembers when I wrote', async () => {
    await recordIncoming(db, dm({ messageId: 'their-1', detectedAt: NOW }));
    await waitingReply();
    const outcome = await recordOwnMessage(db, mine(), NOW + MINUTE);
    expect(outcome.cancelled.map((job) => job.id)).toEqual(['j1']);
    expect(await listJobs(db, ['pending', 'typing'])).toEqual([]);
    const [job] = await listJobs(db, ['cancelled']);
    expect(job?.error).toBe('answeredYourself');
    const log = await db.activity.where('kind').equals('cancelled').toArray();
    expect(log).toMatchObject([
      { reason: 'answeredYourself', messageId: 'their-1', text: 'Away until Monday' },
    ]);
    expect((await db.threads.get('100-200'))?.lastOwnAt).toBe(NOW + MINUTE);
  });

  it('drops the suggestion for their message, logged the same way', async () => {
    await recordIncoming(db, dm({ messageId: 'their-1', detectedAt: NOW }));
    await setSuggestion(db, {
      threadId: '100-200',
      messageId: 'their-1',
      text: 'Back soon',
      ruleId: 'r',
      templateId: 't',
      createdAt: NOW,
    });
    const outcome = await recordOwnMessage(db, mine({ live: false, answers: ['their-1'] }), NOW + MINUTE);
    expect(outcome.suggestionDropped).toBe(true);
    expect(await db.suggestions.count()).toBe(0);
    const [entry] = await db.activity.where('kind').equals('cancelled').toArray();
    expect(entry).toMatchObject({ reason: 'answeredYourself', contactHandle: 'alice', text: 'Back soon' });
  });

  it('our own automatic reply appearing on the page cancels nothing and is not "mine"', async () => {
    await recordIncoming(db, dm({ messageId: 'their-0', detectedAt: NOW - 10 * MINUTE }));
    await waitingReply('j0', 'their-0', 'Away until Monday');
    await db.jobs.update('j0', { state: 'typing' });
    await waitingReply('j1', 'their-1', 'Away until Monday, again');
    const outcome = await recordOwnMessage(db, mine({ text: 'Away until Monday' }), NOW + MINUTE);
    expect(outcome).toEqual({ ours: true, cancelled: [], suggestionDropped: false });
    expect((await listJobs(db, ['pending', 'typing'])).map((job) => job.id).sort()).toEqual(['j0', 'j1']);
    expect((await db.threads.get('100-200'))?.lastOwnAt).toBeUndefined();
  });

  it('answers a message first seen as an inbox preview, recognised by its text (my phone, tab on the inbox)', async () => {
    await recordIncoming(
      db,
      dm({ messageId: 'inbox:abc', source: 'inbox', text: 'Are you coming tonight?', detectedAt: NOW }),
    );
    await waitingReply('j1', 'inbox:abc');
    const opened = mine({ live: false, answers: ['row-uuid'], answeredTexts: ['Are you coming tonight?'] });
    expect((await recordOwnMessage(db, opened, NOW + MINUTE)).cancelled.map((job) => job.id)).toEqual(['j1']);
  });

  it('a message of mine older than their message leaves its reply alone', async () => {
    await waitingReply();
    const outcome = await recordOwnMessage(db, mine({ live: false, answers: ['their-0'] }), NOW + MINUTE);
    expect(outcome.cancelled).toEqual([]);
    expect(await listJobs(db, ['pending'])).toHaveLength(1);
  });
});

describe('send now', () => {
  it('ends the grace period through the jobs owner; false once it is over', async () => {
    await waitingReply();
    expect(await sendJobNow(db, 'j1', NOW + MINUTE)).toBe(true);
    expect(await db.jobs.get('j1')).toMatchObject({ dueAt: NOW + MINUTE, graceUntil: NOW + MINUTE });
    expect(await sendJobNow(db, 'j1', NOW + 2 * MINUTE)).toBe(false);
  });
});
