import { describe, expect, it } from 'vitest';
import { RulesCache } from '../../../src/background/decision-state.ts';
import { decideAndAct, SEND_SLACK_MS, SerialQueue } from '../../../src/background/pipeline.ts';
import { sendTimeOf } from '../../../src/background/sends.ts';
import { EXPIRE_MS } from '../../../src/core/job-lifecycle.ts';
import type { Rule } from '../../../src/core/types.ts';
import { getContact } from '../../../src/storage/contacts.ts';
import { recordIncoming } from '../../../src/storage/incoming.ts';
import { freshDb } from '../support/fresh-db.ts';
import { arrive, Clock, dm, pipelineDeps, setUp } from '../support/sending.ts';

describe('pipeline: a DM stored as new is decided, acted on and logged', () => {
  it('auto mode: a job reserved in the ledger, due when the plan says, logged as scheduled', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock, { minDelayMs: 2_000, maxDelayMs: 6_000 });
    const deps = pipelineDeps(db, clock);
    const message = await arrive(db, dm(clock));
    clock.advance(40);
    const decision = await decideAndAct(deps, message);

    expect(decision).toMatchObject({ kind: 'reply', mode: 'auto' });
    const [job] = await db.jobs.toArray();
    expect(job).toMatchObject({
      threadId: message.threadId,
      messageId: message.messageId,
      contactHandle: 'alice',
      state: 'pending',
      attempts: 0,
      leaseTabId: null,
    });
    expect(job!.text).toMatch(/^(Hi|Hello|Hey) Alice, thanks for your message!/);
    // The plan runs from when the DM was seen: reading and thinking, then typing; the whole delay inside
    // the bounds (aiming a little under the upper one).
    expect(job!.dueAt).toBe(message.detectedAt + job!.timing.readMs + job!.timing.thinkMs);
    const delay = sendTimeOf(job!) - message.detectedAt;
    expect(delay).toBeGreaterThanOrEqual(2_000);
    expect(delay).toBeLessThanOrEqual(6_000 - SEND_SLACK_MS);
    expect(job!.expiresAt).toBe(job!.dueAt + EXPIRE_MS);
    expect(await db.ledger.get([message.threadId, message.messageId])).toMatchObject({
      jobId: job!.id,
      state: 'reserved',
    });
    expect(await db.activity.toArray()).toMatchObject([
      { kind: 'scheduled', threadId: message.threadId, contactHandle: 'alice', text: job!.text },
    ]);
    expect(deps.wakes).toBe(1);
  });

  it('suggest mode: a suggestion for the thread, no job, logged as suggested', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock, { mode: 'suggest' });
    const message = await arrive(db, dm(clock));
    await decideAndAct(pipelineDeps(db, clock), message);
    expect(await db.jobs.count()).toBe(0);
    const suggestion = await db.suggestions.get(message.threadId);
    expect(suggestion).toMatchObject({ messageId: message.messageId, templateId: 'away-en' });
    expect((await db.activity.toArray()).map((e) => [e.kind, e.text])).toEqual([
      ['suggested', suggestion!.text],
    ]);
  });

  it('auto rules degrade to suggestions until the warning is accepted', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock, { mode: 'suggest' });
    await db.rules.toCollection().modify({ mode: 'auto' });
    await decideAndAct(pipelineDeps(db, clock), await arrive(db, dm(clock)));
    expect(await db.jobs.count()).toBe(0);
    expect(await db.suggestions.count()).toBe(1);
  });

  it('a skip is logged with its reason code; nothing else happens', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const group = await arrive(db, dm(clock, 'bob', { threadId: 'g123', threadKind: 'group' }));
    const decision = await decideAndAct(pipelineDeps(db, clock), group);
    expect(decision).toEqual({ kind: 'skip', reason: 'groupThread' });
    expect(await db.activity.toArray()).toMatchObject([
      { kind: 'skipped', reason: 'groupThread', threadId: 'g123', text: group.text },
    ]);
    expect(await db.jobs.count()).toBe(0);
    expect(await db.suggestions.count()).toBe(0);
  });

  it('a stop word silences the contact: nothing is sent to them afterwards', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const deps = pipelineDeps(db, clock);
    await decideAndAct(deps, await arrive(db, dm(clock, 'carol', { text: 'STOP sending me these' })));
    expect((await getContact(db, 'carol'))?.silencedAt).toBe(clock.now());
    clock.advance(60_000);
    const later = await decideAndAct(deps, await arrive(db, dm(clock, 'carol', { text: 'Hi again' })));
    expect(later).toMatchObject({ kind: 'skip', reason: 'silenced' });
    expect(await db.jobs.count()).toBe(0);
    expect((await db.activity.toArray()).map((e) => e.reason)).toEqual(['stopWord', 'silenced']);
  });

  it('a second DM from the same contact inside the cooldown gets no second reply', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const deps = pipelineDeps(db, clock);
    await decideAndAct(deps, await arrive(db, dm(clock, 'dave')));
    clock.advance(30_000);
    const second = await decideAndAct(
      deps,
      await arrive(db, dm(clock, 'dave', { text: 'And another thing' })),
    );
    expect(second).toMatchObject({ kind: 'skip', reason: 'cooldown' });
    expect(await db.jobs.count()).toBe(1);
  });

  it('the minimum gap keeps a DM for later: stored as a retry, logged once, decided again then', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock, { minGapMs: 60_000 });
    const deps = pipelineDeps(db, clock);
    await decideAndAct(deps, await arrive(db, dm(clock, 'erin')));
    clock.advance(1_000);
    const held = await arrive(db, dm(clock, 'frank'));
    const first = await decideAndAct(deps, held);
    expect(first).toMatchObject({ kind: 'skip', reason: 'minGap', retryAt: expect.any(Number) });
    const [retry] = await deps.retries.list();
    expect(retry).toEqual({
      threadId: held.threadId,
      messageId: held.messageId,
      retryAt: first?.kind === 'skip' ? first.retryAt : 0,
    });

    // Too early still: held again, not logged twice.
    clock.advance(10_000);
    await deps.retries.remove(retry!);
    expect(await decideAndAct(deps, held, { retry: true })).toMatchObject({ reason: 'minGap' });
    expect((await db.activity.toArray()).filter((e) => e.reason === 'minGap')).toHaveLength(1);

    // On time: answered.
    clock.t = (await deps.retries.list())[0]!.retryAt;
    expect(await decideAndAct(deps, held, { retry: true })).toMatchObject({ kind: 'reply', mode: 'auto' });
    expect(await db.jobs.count()).toBe(2);
  });

  it('one message seen in the inbox, then as a thread row long after: one reply, even with no cooldown', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock, { cooldownMs: 0 });
    const deps = pipelineDeps(db, clock);
    const row = dm(clock, 'hana', { text: 'Is the flat still available next month?' });
    const preview = { ...row, messageId: 'inbox:1a2b', source: 'inbox' as const };
    await decideAndAct(deps, await arrive(db, preview));
    clock.advance(45 * 60_000);
    expect(await recordIncoming(db, { ...row, detectedAt: clock.now() })).toBe(false);
    expect(await db.jobs.count()).toBe(1);
  });

  it('a message already owned by a job never gets a second one', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const message = await arrive(db, dm(clock, 'gina'));
    const deps = pipelineDeps(db, clock);
    await decideAndAct(deps, message);
    // The same message decided again (a retry racing a new decision): the ledger refuses it.
    await db.jobs.clear();
    await decideAndAct(deps, message, { retry: true });
    expect(await db.jobs.count()).toBe(0);
    expect((await db.activity.toArray()).filter((e) => e.kind === 'scheduled')).toHaveLength(1);
  });
});

describe('pipeline: one decision at a time', () => {
  it('a burst of 200 DMs from 200 people never schedules more than the hourly cap', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock, { hourlyCap: 5, minGapMs: 0 });
    const deps = pipelineDeps(db, clock);
    const queue = new SerialQueue();
    const messages = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        arrive(db, dm(clock, `person${i}`, { threadId: `1000-${3000 + i}` })),
      ),
    );
    await Promise.all(messages.map((message) => queue.run(() => decideAndAct(deps, message))));
    expect(await db.jobs.count()).toBe(5);
    const log = await db.activity.toArray();
    expect(log.filter((e) => e.kind === 'scheduled')).toHaveLength(5);
    expect(log.filter((e) => e.kind === 'skipped' && e.reason === 'hourlyCap')).toHaveLength(195);
  });

  it('runs tasks in order, one after another, and a failure does not stop the next', async () => {
    const queue = new SerialQueue();
    const order: string[] = [];
    let running = 0;
    const task = (name: string, fail = false) =>
      queue.run(async () => {
        running++;
        expect(running).toBe(1);
        await new Promise((r) => setTimeout(r, 5));
        order.push(name);
        running--;
        if (fail) throw new Error(name);
      });
    const results = await Promise.allSettled([task('a'), task('b', true), task('c')]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});

describe('rules cache', () => {
  it('compiles once while the rules stay the same, again when they change', () => {
    const cache = new RulesCache();
    const rule: Rule = {
      id: 'r1',
      name: 'R',
      enabled: true,
      priority: 1,
      trigger: { kind: 'keywords', keywords: ['price'] },
      mode: 'auto',
      when: 'away',
      templateId: 't',
    };
    const first = cache.get([rule]);
    expect(cache.get([{ ...rule }])).toBe(first);
    const changed = cache.get([{ ...rule, trigger: { kind: 'keywords', keywords: ['cost'] } }]);
    expect(changed).not.toBe(first);
    expect(changed.rules[0]?.rule.trigger.keywords).toEqual(['cost']);
  });
});
