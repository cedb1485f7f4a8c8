import { describe, expect, it } from 'vitest';
import { type DecisionState, decide } from '../../../src/core/decide.ts';
import { createRng } from '../../../src/core/rng.ts';
import { compileRules } from '../../../src/core/rules.ts';
import type { Decision, SkipReason } from '../../../src/core/types.ts';
import { DAY, dm, HOUR, MINUTE, NOW, rule, settings, state } from './fixtures.ts';

const run = (s: DecisionState, message = dm(), now = NOW): Decision => decide(message, s, now, createRng(7));

function expectSkip(decision: Decision, reason: SkipReason) {
  expect(decision).toMatchObject({ kind: 'skip', reason });
}

describe('decide: replies', () => {
  it('answers a new message while away with the rule template, rendered, and a timing plan', () => {
    const d = run(state());
    expect(d.kind).toBe('reply');
    if (d.kind !== 'reply') return;
    expect(d).toMatchObject({ ruleId: 'away-default', templateId: 'away-en', mode: 'suggest' });
    expect(d.text).toMatch(/^(Hi|Hello|Hey) Alice, thanks for your message!/);
    expect(d.timing.totalMs).toBeGreaterThanOrEqual(30_000);
    expect(d.timing.totalMs).toBeLessThanOrEqual(120_000);
    expect(d.timing.chunks.join('')).toBe(d.text);
  });

  it('is deterministic for the same inputs and seed', () => {
    expect(run(state())).toEqual(run(state()));
  });

  it('sends by itself only when the rule is auto AND the warning was accepted', () => {
    const auto = [rule({ mode: 'auto' })];
    const accepted = run(state({ rules: auto, settings: settings({ autoSendAcknowledged: true }) }));
    const notAccepted = run(state({ rules: auto, settings: settings({ autoSendAcknowledged: false }) }));
    const suggestRule = run(state({ settings: settings({ autoSendAcknowledged: true }) }));
    expect(accepted).toMatchObject({ kind: 'reply', mode: 'auto' });
    expect(notAccepted).toMatchObject({ kind: 'reply', mode: 'suggest' });
    expect(suggestRule).toMatchObject({ kind: 'reply', mode: 'suggest' });
  });

  it('appends the label when asked, localised or the neutral marker', () => {
    const s = settings({ addAutoReplyLabel: true });
    const neutral = run(state({ settings: s }));
    const localised = run(state({ settings: s, autoReplyLabel: '[réponse automatique]' }));
    expect(neutral.kind === 'reply' && neutral.text.endsWith(' [auto-reply]')).toBe(true);
    expect(localised.kind === 'reply' && localised.text.endsWith(' [réponse automatique]')).toBe(true);
  });

  it('accepts precompiled rules and gives the same answer', () => {
    const rules = [rule()];
    expect(run(state({ rules: compileRules(rules) }))).toEqual(run(state({ rules })));
  });

  it('the first matching rule by priority wins', () => {
    const rules = [
      rule({ id: 'low', priority: 50 }),
      rule({
        id: 'kw',
        priority: 10,
        trigger: { kind: 'keywords', keywords: ['call'] },
        templateId: 'away-fr',
      }),
    ];
    expect(run(state({ rules }))).toMatchObject({ kind: 'reply', ruleId: 'kw', templateId: 'away-fr' });
    expect(run(state({ rules }), dm({ text: 'hello' }))).toMatchObject({ kind: 'reply', ruleId: 'low' });
  });

  it('firstContact matches only someone never seen before this message', () => {
    const rules = [rule({ trigger: { kind: 'firstContact' } })];
    expect(run(state({ rules, contact: null, thread: null }))).toMatchObject({ kind: 'reply' });
    expect(run(state({ rules }))).toMatchObject({ kind: 'reply' });
    const known = state({ rules, contact: { ...state().contact!, firstSeenAt: NOW - DAY } });
    expectSkip(run(known), 'noRuleMatched');
    const oldThread = state({ rules, contact: null, thread: { ...state().thread!, firstSeenAt: NOW - DAY } });
    expectSkip(run(oldThread), 'noRuleMatched');
  });
});

describe('decide: every skip reason', () => {
  it('awayOff: switch off, or awayUntil passed — even for always rules', () => {
    const always = [rule({ when: 'always' })];
    const off = settings({ schedule: { ...settings().schedule, awayEnabled: false } });
    const ended = settings({ schedule: { ...settings().schedule, awayUntil: NOW - 1 } });
    expect(run(state({ settings: off, rules: always }))).toMatchObject({ reason: 'awayOff', detail: 'off' });
    expect(run(state({ settings: ended, rules: always }))).toMatchObject({
      reason: 'awayOff',
      detail: 'ended',
    });
    expect(
      run(state({ settings: settings({ schedule: { ...settings().schedule, awayUntil: NOW + 1 } }) })).kind,
    ).toBe('reply');
  });

  it('outsideSchedule: present by the weekly hours; always-rules still answer', () => {
    // Wednesday 12:00 UTC is outside a Sunday-only slot.
    const weekly = settings({
      schedule: {
        ...settings().schedule,
        useWeekly: true,
        weekly: [{ day: 0, startMinute: 0, endMinute: 1440 }],
      },
    });
    expectSkip(run(state({ settings: weekly })), 'outsideSchedule');
    const mixed = [
      rule({ id: 'away', priority: 1 }),
      rule({
        id: 'always',
        priority: 2,
        when: 'always',
        trigger: { kind: 'keywords', keywords: ['invoice'] },
      }),
    ];
    expectSkip(run(state({ settings: weekly, rules: mixed })), 'outsideSchedule');
    expect(
      run(state({ settings: weekly, rules: mixed }), dm({ text: 'Where is my invoice?' })),
    ).toMatchObject({
      kind: 'reply',
      ruleId: 'always',
    });
  });

  it('history: before the thread was first seen, or before away was switched on', () => {
    const thread = { ...state().thread!, firstSeenAt: NOW };
    expect(run(state({ thread }))).toMatchObject({ reason: 'history', detail: 'thread' });
    const late = settings({ schedule: { ...settings().schedule, awaySince: NOW } });
    expect(run(state({ settings: late }))).toMatchObject({ reason: 'history', detail: 'awaySince' });
  });

  it('ownMessage: the user never answers themselves, whatever the case or @', () => {
    expectSkip(run(state(), dm({ senderHandle: 'Me' })), 'ownMessage');
    expectSkip(
      run(state({ settings: settings({ myHandle: '@ME' }) }), dm({ senderHandle: 'me' })),
      'ownMessage',
    );
  });

  it('groupThread and requestThread unless opted in', () => {
    expectSkip(run(state(), dm({ threadKind: 'group', threadId: 'g123' })), 'groupThread');
    expectSkip(run(state(), dm({ threadKind: 'request' })), 'requestThread');
    const optedIn = state({ settings: settings({ answerGroups: true, answerRequests: true }), thread: null });
    expect(run(optedIn, dm({ threadKind: 'group', threadId: 'g123' })).kind).toBe('reply');
    expect(run(optedIn, dm({ threadKind: 'request' })).kind).toBe('reply');
  });

  it('denyListed, and notAllowListed when an allow list exists', () => {
    expectSkip(run(state({ settings: settings({ denyList: ['@Alice'] }) })), 'denyListed');
    expectSkip(run(state({ settings: settings({ allowList: ['bob'] }) })), 'notAllowListed');
    expect(run(state({ settings: settings({ allowList: ['ALICE'] }) })).kind).toBe('reply');
  });

  it('stopWord comes before every other check: a stop is honoured whatever else holds the message back', () => {
    const stop = dm({ text: 'Please STOP writing to me' });
    const off = settings({ schedule: { ...settings().schedule, awayEnabled: false } });
    const ended = settings({ schedule: { ...settings().schedule, awayUntil: NOW - 1 } });
    const present = settings({
      schedule: {
        ...settings().schedule,
        useWeekly: true,
        weekly: [{ day: 0, startMinute: 0, endMinute: 60 }],
      },
    });
    const cases: [string, DecisionState, typeof stop][] = [
      ['away off', state({ settings: off }), stop],
      ['away ended', state({ settings: ended }), stop],
      ['outside the weekly hours', state({ settings: present }), stop],
      ['history', state({ thread: { ...state().thread!, firstSeenAt: NOW } }), stop],
      ['a group', state(), { ...stop, threadKind: 'group', threadId: 'g123' }],
      ['a request', state(), { ...stop, threadKind: 'request' }],
      ['deny-listed', state({ settings: settings({ denyList: ['alice'] }) }), stop],
      ['not on the allow list', state({ settings: settings({ allowList: ['bob'] }) }), stop],
      ['looks automatic', state(), { ...stop, text: 'Automatic reply: stop' }],
    ];
    for (const [name, s, message] of cases) {
      expect(run(s, message), name).toEqual({ kind: 'skip', reason: 'stopWord' });
    }
    // The user's own "stop" is not a request to stop answering them.
    expectSkip(run(state({ settings: off }), dm({ text: 'stop', senderHandle: 'me' })), 'awayOff');
  });

  it('stopWord comes before silenced so each stop is recorded', () => {
    const silenced = { ...state().contact!, silencedAt: NOW - DAY };
    expectSkip(run(state(), dm({ text: 'STOP' })), 'stopWord');
    expectSkip(run(state({ contact: silenced }), dm({ text: 'please arrête' })), 'stopWord');
    expectSkip(run(state({ contact: silenced })), 'silenced');
  });

  it('looksAutomatic, with which signal', () => {
    expect(run(state(), dm({ text: 'Automatic reply: I am out of office' }))).toMatchObject({
      reason: 'looksAutomatic',
      detail: 'phrase',
    });
    const echo = [{ at: NOW - 5_000, threadId: '100-200', contactHandle: 'alice' }];
    expect(run(state({ sends: echo, thread: null }), dm({ detectedAt: NOW - 1_000 }))).toMatchObject({
      reason: 'looksAutomatic',
      detail: 'timing',
    });
    // Another copy of this extension, or our own text, coming back: matched against our rules' templates.
    const fishing = {
      id: 'fish',
      name: 'Fishing',
      body: '{Hi|Hello} {first_name}! Gone fishing until {away_until}, talk soon.',
      locale: 'en' as const,
      quickReply: false,
    };
    const withFishing = state({ templates: [fishing], rules: [rule({ templateId: 'fish' })] });
    const back = 'Hello Sam! Gone fishing until Monday, June 15, talk soon.';
    expect(run(withFishing, dm({ text: back }))).toMatchObject({
      reason: 'looksAutomatic',
      detail: 'template',
    });
    expect(run(withFishing, dm({ text: 'Gone fishing? Lucky you!' })).kind).toBe('reply');
  });

  it('cooldown: one automatic message per contact per cooldown', () => {
    const contact = { ...state().contact!, lastRepliedAt: NOW - 3 * DAY };
    expectSkip(run(state({ contact })), 'cooldown');
    expect(run(state({ contact: { ...contact, lastRepliedAt: NOW - 5 * DAY } })).kind).toBe('reply');
  });

  it('alreadyAnswered: another responder answering our reply minutes later gets nothing (issue 11)', () => {
    // Cooldown 0, no label, a custom template: nothing tells its reply from a person's.
    const free = settings({ limits: { ...settings().limits, contactCooldownMs: 0, minGapMs: 0 } });
    const templates = [
      { id: 't', name: 't', body: 'Back on Monday.', locale: 'en' as const, quickReply: false },
    ];
    const rules = [rule({ templateId: 't', mode: 'auto' })];
    const thread = { ...state().thread!, lastAutoReplyAt: NOW - 2 * MINUTE };
    const echo = dm({ text: 'Thanks, I will be offline until Friday.', detectedAt: NOW - 1_000 });
    expectSkip(run(state({ settings: free, rules, templates, thread }), echo), 'alreadyAnswered');
    // Once the user switches away on again, the conversation may get one new automatic reply.
    const again = settings({ ...free, schedule: { ...free.schedule, awaySince: NOW - MINUTE } });
    expect(run(state({ settings: again, rules, templates, thread }), echo).kind).toBe('reply');
  });

  it('alreadyAnswered: with weekly hours, once per away stretch, not once ever', () => {
    // NOW is Wednesday 14:00 in Paris; away from 13:00 to 18:00 every Wednesday, switched on weeks ago.
    const base = settings();
    const weekly = settings({
      limits: { ...base.limits, contactCooldownMs: 0 },
      schedule: {
        ...base.schedule,
        timeZone: 'Europe/Paris',
        useWeekly: true,
        weekly: [{ day: 3, startMinute: 13 * 60, endMinute: 18 * 60 }],
        awaySince: NOW - 30 * DAY,
      },
    });
    const lastWeek = { ...state().thread!, lastAutoReplyAt: NOW - 7 * DAY };
    expect(run(state({ settings: weekly, thread: lastWeek })).kind).toBe('reply');
    const thisAfternoon = { ...state().thread!, lastAutoReplyAt: NOW - 30 * MINUTE };
    expectSkip(run(state({ settings: weekly, thread: thisAfternoon })), 'alreadyAnswered');
    const beforeTheSlot = { ...state().thread!, lastAutoReplyAt: NOW - 90 * MINUTE };
    expect(run(state({ settings: weekly, thread: beforeTheSlot })).kind).toBe('reply');
  });

  it('alreadyAnswered: our reply came after this message; a pending one counts', () => {
    const free = settings({ limits: { ...settings().limits, contactCooldownMs: 0 } });
    const thread = { ...state().thread!, lastAutoReplyAt: NOW - 500 };
    expectSkip(run(state({ settings: free, thread })), 'alreadyAnswered');
    // Someone else in the same (group) thread is about to get our reply.
    const pending = [{ at: NOW + MINUTE, threadId: '100-200', contactHandle: 'bob' }];
    expectSkip(run(state({ settings: free, sends: pending })), 'alreadyAnswered');
  });

  it('minGap with retryAt, then hourlyCap and dailyCap', () => {
    const other = (at: number, i = 0) => ({ at, threadId: `9-${i}`, contactHandle: `u${i}` });
    const gap = run(state({ sends: [other(NOW - 5_000)] }));
    expect(gap).toMatchObject({ kind: 'skip', reason: 'minGap', retryAt: NOW + 15_000 });
    const hour = Array.from({ length: 20 }, (_, i) => other(NOW - HOUR + (i + 1) * MINUTE, i));
    expectSkip(run(state({ sends: hour })), 'hourlyCap');
    const day = Array.from({ length: 100 }, (_, i) => other(NOW - DAY + (i + 1) * 10 * MINUTE, i));
    expectSkip(run(state({ sends: day })), 'dailyCap');
  });

  it('noRuleMatched: no enabled rule matches', () => {
    expectSkip(run(state({ rules: [] })), 'noRuleMatched');
    expectSkip(run(state({ rules: [rule({ enabled: false })] })), 'noRuleMatched');
    const kw = [rule({ trigger: { kind: 'keywords', keywords: ['invoice'] } })];
    expectSkip(run(state({ rules: kw })), 'noRuleMatched');
  });

  it('ruleRefused: a stored regex the engine refuses is skipped with its id, without falling through', () => {
    // Stored by an older version, whose analyser accepted this lookahead (13.9 s on 401 characters).
    const rules = [
      rule({ id: 'old', priority: 1, trigger: { kind: 'regex', pattern: '(?=\\w+\\w+\\w+!)' } }),
      rule({ id: 'fallback', priority: 2 }),
    ];
    const text = `${'a'.repeat(400)}?`;
    const started = performance.now();
    expect(run(state({ rules }), dm({ text }))).toMatchObject({ reason: 'ruleRefused', detail: 'old' });
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('never schedules a reply longer than X accepts: a stored 333 × {name} template is invalid now', () => {
    const templates = [
      { id: 'long', name: 'x', body: '{name}'.repeat(333), locale: 'en' as const, quickReply: false },
    ];
    const s = state({ rules: [rule({ id: 'r', templateId: 'long', mode: 'auto' })], templates });
    const decision = run(s, dm({ senderName: 'N'.repeat(200) }));
    expect(decision).toMatchObject({ kind: 'skip', reason: 'templateInvalid', detail: 'r' });
  });

  it('templateMissing / templateInvalid for the winning rule, without falling through', () => {
    const rules = [
      rule({ id: 'broken', priority: 1, templateId: 'gone' }),
      rule({ id: 'fallback', priority: 2 }),
    ];
    expect(run(state({ rules }))).toMatchObject({ reason: 'templateMissing', detail: 'broken' });
    const templates = [
      { id: 'bad', name: 'x', body: 'Hi {nobody}', locale: 'en' as const, quickReply: false },
    ];
    const invalid = state({ rules: [rule({ id: 'r', templateId: 'bad' })], templates });
    expect(run(invalid)).toMatchObject({ reason: 'templateInvalid', detail: 'r' });
  });
});
