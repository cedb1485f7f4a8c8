import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DecisionState, decide } from '../../../src/core/decide.ts';
import { type AutoSend, DAY_MS } from '../../../src/core/limits.ts';
import { createRng, type Rng } from '../../../src/core/rng.ts';
import { compileRules } from '../../../src/core/rules.ts';
import type { Contact, Settings, Template, ThreadState } from '../../../src/core/types.ts';
import { settings as baseSettings, dm, rule } from './fixtures.ts';

/**
 * Property (c) of issue 11: two copies of Away for X facing each other, each with any settings the file
 * format allows (cooldown 0 included, delays at their bounds, label on or off, its own template in any
 * language), exchange at most one automatic message each after one human message. Time is simulated:
 * each side decides when it sees a message, which may be long after it arrived (a closed browser).
 */

const HOUR = 3_600_000;
const bounded = (max: number, ...usual: number[]) =>
  fc.oneof(fc.constantFrom(0, max, ...usual), fc.integer({ min: 0, max }));

const WORDS = [
  'hello',
  'thanks',
  'merci',
  'gracias',
  'danke',
  'привет',
  'こんにちは',
  'شكرا',
  'back',
  'soon',
];
const templateBody = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom('{first_name}', '{name}', '{a|b}', '!')), {
    minLength: 1,
    maxLength: 12,
  })
  .map((words) => words.join(' '));

const side = fc.record({
  limits: fc.record({
    contactCooldownMs: bounded(365 * DAY_MS, 60_000),
    minGapMs: bounded(DAY_MS, 20_000),
    hourlyCap: fc.integer({ min: 1, max: 500 }),
    dailyCap: fc.integer({ min: 1, max: 500 }),
  }),
  delays: fc.tuple(bounded(DAY_MS, 30_000, 120_000), bounded(DAY_MS, 30_000, 120_000)),
  addAutoReplyLabel: fc.boolean(),
  locale: fc.constantFrom<Template['locale']>('en', 'fr'),
  body: templateBody,
  when: fc.constantFrom<'away' | 'always'>('away', 'always'),
  /** How long this side's browser may take to see a new message: at once, minutes, days. */
  seesAfter: fc.array(bounded(3 * DAY_MS, 1_000, HOUR), { minLength: 8, maxLength: 8 }),
  seed: fc.integer(),
});
type Side = typeof side extends fc.Arbitrary<infer T> ? T : never;

interface Instance {
  handle: string;
  settings: Settings;
  state: Omit<DecisionState, 'contact' | 'thread' | 'sends'>;
  contacts: Map<string, Contact>;
  thread: ThreadState | null;
  sends: AutoSend[];
  rng: Rng;
  seesAfter: number[];
  sent: number;
}

const THREAD = '100-200';
const LABELS = { en: '[auto-reply]', fr: '[réponse automatique]' };

function instance(handle: string, s: Side, awaySince: number): Instance {
  const [a, b] = s.delays;
  const settings: Settings = {
    ...baseSettings(),
    schedule: { ...baseSettings().schedule, awaySince },
    limits: s.limits,
    timing: { minDelayMs: Math.min(a, b), maxDelayMs: Math.max(a, b) },
    addAutoReplyLabel: s.addAutoReplyLabel,
    autoSendAcknowledged: true,
    myHandle: handle,
  };
  const template: Template = { id: 't', name: 't', body: s.body, locale: s.locale, quickReply: false };
  const rules = compileRules([rule({ templateId: 't', mode: 'auto', when: s.when })]);
  return {
    handle,
    settings,
    state: { settings, rules, templates: [template], autoReplyLabels: LABELS },
    contacts: new Map(),
    thread: null,
    sends: [],
    rng: createRng(s.seed),
    seesAfter: s.seesAfter,
    sent: 0,
  };
}

type Event = { at: number; run: () => void };

function simulate(first: Side, second: Side, humanAt: number): [number, number] {
  const awaySince = humanAt - HOUR;
  const ann = instance('ann', first, awaySince);
  const bob = instance('bob', second, awaySince);
  const queue: Event[] = [];
  const schedule = (at: number, run: () => void) => queue.push({ at, run });
  let seq = 0;

  /** `to` sees a message from `from`, some time after it was sent, and decides. */
  const receive = (to: Instance, from: Instance, text: string, sentAt: number) => {
    const id = `m${seq++}`;
    const seenAt = sentAt + (to.seesAfter[seq % to.seesAfter.length] ?? 0);
    schedule(seenAt, () => {
      const contact = to.contacts.get(from.handle) ?? {
        key: `@${from.handle}`,
        id: '',
        handle: from.handle,
        handles: [from.handle],
        name: from.handle,
        firstSeenAt: seenAt,
        lastRepliedAt: null,
        silencedAt: null,
      };
      to.contacts.set(from.handle, contact);
      to.thread ??= { threadId: THREAD, firstSeenAt: seenAt, lastIncomingAt: null, lastAutoReplyAt: null };
      to.thread.lastIncomingAt = seenAt;
      const message = dm({
        messageId: id,
        threadId: THREAD,
        senderHandle: from.handle,
        senderName: from.handle,
        text,
        detectedAt: seenAt,
      });
      const decideAt = (now: number, retries: number) => {
        const recent = to.sends.filter((s) => s.at > now - DAY_MS);
        const state = { ...to.state, contact, thread: to.thread, sends: recent };
        const d = decide(message, state, now, to.rng);
        if (d.kind === 'skip') {
          if (d.reason === 'stopWord') contact.silencedAt = now;
          if (d.retryAt !== undefined && retries < 3)
            schedule(d.retryAt, () => decideAt(d.retryAt!, retries + 1));
          return;
        }
        if (d.mode !== 'auto') return;
        const sendAt = now + d.timing.totalMs;
        const send = {
          at: sendAt,
          threadId: THREAD,
          contactHandle: from.handle,
          contactKey: `@${from.handle}`,
          text: d.text,
        };
        to.sends.push(send);
        schedule(sendAt, () => {
          to.sent++;
          contact.lastRepliedAt = sendAt;
          if (to.thread) to.thread.lastAutoReplyAt = sendAt;
          receive(from, to, d.text, sendAt);
        });
      };
      decideAt(seenAt, 0);
    });
  };

  // Bob writes by hand; from then on only the two responders act.
  receive(ann, bob, 'Hi Ann, are you around this week?', humanAt);
  for (let steps = 0; queue.length > 0 && steps < 200; steps++) {
    queue.sort((x, y) => x.at - y.at);
    queue.shift()!.run();
  }
  return [ann.sent, bob.sent];
}

describe('property: two instances facing each other', () => {
  it('exchange at most one automatic message each, whatever settings the format allows', () => {
    let answered = 0;
    let answeredBack = 0;
    fc.assert(
      fc.property(side, side, ({ ...first }, { ...second }) => {
        const [fromAnn, fromBob] = simulate(first, second, Date.UTC(2026, 5, 10, 12));
        expect(fromAnn).toBeLessThanOrEqual(1);
        expect(fromBob).toBeLessThanOrEqual(1);
        if (fromAnn === 1) answered++;
        if (fromBob === 1) answeredBack++;
      }),
      { numRuns: 500 },
    );
    // Not vacuous: the first responder answered the human, and the second answered the first.
    expect(answered).toBeGreaterThan(200);
    expect(answeredBack).toBeGreaterThan(100);
  });
});
