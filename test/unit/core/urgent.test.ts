import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/core/decide.ts';
import { createRng } from '../../../src/core/rng.ts';
import {
  alertDue,
  alertFor,
  URGENT_ALERT_GAP_MS,
  urgencyOf,
  urgentWordIn,
} from '../../../src/core/urgent.ts';
import { dm, HOUR, MINUTE, NOW, rule, settings, state } from './fixtures.ts';

const urgentOn = (overrides = {}) => settings({ urgentAlerts: true, vipList: ['boss'], ...overrides });
const rng = () => createRng(7);

describe('urgent people: who counts', () => {
  it('finds the urgent words of several languages as whole words, ignoring case and accents', () => {
    expect(urgentWordIn('This is URGENT, call me', [])).toBe('urgent');
    expect(urgentWordIn("C'est une urgence !", [])).toBe('urgence');
    expect(urgentWordIn('Es urgente, llámame', [])).toBe('urgente');
    expect(urgentWordIn('Bitte DRINGEND zurückrufen', [])).toBe('dringend');
    expect(urgentWordIn('至急連絡ください', [])).toBe('至急');
    expect(urgentWordIn('الأمر عاجل جدا', [])).toBe('عاجل');
    expect(urgentWordIn('preciso disso o mais rápido possível', [])).toBe('o mais rápido possível');
    expect(urgentWordIn('an insurgent group', [])).toBeNull();
    expect(urgentWordIn('see you tomorrow', [])).toBeNull();
  });

  it("adds the user's own words, matched the same way", () => {
    expect(urgentWordIn('The SERVER is down!', ['server is down'])).toBe('server is down');
    expect(urgentWordIn('the server is fine', ['server is down'])).toBeNull();
  });

  it('a VIP (any case, with or without @) or an urgent word, only with the feature on', () => {
    expect(urgencyOf(dm({ senderHandle: 'Boss' }), urgentOn())).toBe('vip');
    expect(urgencyOf(dm({ senderHandle: 'boss' }), urgentOn({ vipList: ['@BOSS'] }))).toBe('vip');
    expect(urgencyOf(dm({ text: 'urgent: call me' }), urgentOn())).toBe('word');
    expect(urgencyOf(dm(), urgentOn())).toBeNull();
    expect(
      urgencyOf(dm({ senderHandle: 'boss', text: 'urgent' }), settings({ vipList: ['boss'] })),
    ).toBeNull();
  });
});

describe('decide: urgent people get no automatic reply unless a rule says so', () => {
  it('holds a VIP message while away, with the reason and why', () => {
    const decision = decide(dm({ senderHandle: 'boss' }), state({ settings: urgentOn() }), NOW, rng());
    expect(decision).toEqual({ kind: 'skip', reason: 'urgent', detail: 'vip' });
  });

  it('holds a message with an urgent word, in French or Japanese too', () => {
    for (const text of ['Urgent, rappelle-moi', 'Necesito ayuda urgente', '緊急です']) {
      const decision = decide(dm({ text }), state({ settings: urgentOn() }), NOW, rng());
      expect(decision).toEqual({ kind: 'skip', reason: 'urgent', detail: 'word' });
    }
  });

  it('answers as before when the feature is off or the message is ordinary', () => {
    const off = settings({ vipList: ['boss'] });
    expect(
      decide(dm({ senderHandle: 'boss', text: 'urgent' }), state({ settings: off }), NOW, rng()).kind,
    ).toBe('reply');
    expect(decide(dm(), state({ settings: urgentOn() }), NOW, rng()).kind).toBe('reply');
  });

  it('a rule that explicitly answers urgent messages still answers them, and only such rules do', () => {
    const urgentRule = rule({
      id: 'urgent-rule',
      priority: 200,
      answerUrgent: true,
      trigger: { kind: 'keywords', keywords: ['urgent'] },
    });
    const rules = [rule(), urgentRule];
    const decision = decide(
      dm({ text: 'urgent please' }),
      state({ settings: urgentOn(), rules }),
      NOW,
      rng(),
    );
    // The starter rule comes first by priority, but it does not take urgent messages.
    expect(decision).toMatchObject({ kind: 'reply', ruleId: 'urgent-rule' });
    // A VIP's message that the urgent rule does not match is held.
    const vip = decide(dm({ senderHandle: 'boss' }), state({ settings: urgentOn(), rules }), NOW, rng());
    expect(vip).toEqual({ kind: 'skip', reason: 'urgent', detail: 'vip' });
    // A disabled rule says nothing.
    const disabled = [rule(), { ...urgentRule, enabled: false }];
    expect(
      decide(dm({ text: 'urgent please' }), state({ settings: urgentOn(), rules: disabled }), NOW, rng()),
    ).toEqual({ kind: 'skip', reason: 'urgent', detail: 'word' });
  });

  it('comes before the limits, so someone answered recently is still let through', () => {
    const contact = {
      key: '@boss',
      id: '',
      handles: ['boss'],
      handle: 'boss',
      name: 'Boss',
      firstSeenAt: NOW - HOUR,
      lastRepliedAt: NOW - MINUTE,
      silencedAt: null,
    };
    const decision = decide(
      dm({ senderHandle: 'boss' }),
      state({ settings: urgentOn(), contact }),
      NOW,
      rng(),
    );
    expect(decision).toEqual({ kind: 'skip', reason: 'urgent', detail: 'vip' });
  });

  it('stop words, away off and automatic-looking messages keep their own reasons', () => {
    expect(
      decide(dm({ senderHandle: 'boss', text: 'stop' }), state({ settings: urgentOn() }), NOW, rng()),
    ).toEqual({ kind: 'skip', reason: 'stopWord' });
    const awayOff = urgentOn({ schedule: { ...settings().schedule, awayEnabled: false } });
    expect(decide(dm({ senderHandle: 'boss' }), state({ settings: awayOff }), NOW, rng())).toMatchObject({
      reason: 'awayOff',
    });
    const auto = decide(
      dm({ text: 'Urgent? Auto-reply: I am away' }),
      state({ settings: urgentOn() }),
      NOW,
      rng(),
    );
    expect(auto).toMatchObject({ reason: 'looksAutomatic' });
  });
});

describe('urgent notifications: one per conversation per hour', () => {
  it('is due the first time, not again within the hour, and again after it', () => {
    expect(alertDue(null, NOW)).toBe(true);
    expect(alertDue(NOW, NOW + 1)).toBe(false);
    expect(alertDue(NOW, NOW + URGENT_ALERT_GAP_MS - 1)).toBe(false);
    expect(alertDue(NOW, NOW + URGENT_ALERT_GAP_MS)).toBe(true);
    expect(URGENT_ALERT_GAP_MS).toBe(HOUR);
  });

  it('a time in the future (the clock went back) does not silence for ever', () => {
    expect(alertDue(NOW + HOUR, NOW)).toBe(true);
  });
});

describe('alertFor: which decided messages raise a notification', () => {
  it('a held urgent message, and an urgent one a rule took; nothing else', () => {
    const s = urgentOn();
    const held = decide(dm({ senderHandle: 'boss' }), state({ settings: s }), NOW, rng());
    expect(alertFor(dm({ senderHandle: 'boss' }), s, held, NOW)).toBe('vip');
    const urgentRule = rule({ answerUrgent: true });
    const taken = decide(dm({ text: 'urgent!' }), state({ settings: s, rules: [urgentRule] }), NOW, rng());
    expect(taken.kind).toBe('reply');
    expect(alertFor(dm({ text: 'urgent!' }), s, taken, NOW)).toBe('word');
    const ordinary = decide(dm(), state({ settings: s }), NOW, rng());
    expect(alertFor(dm(), s, ordinary, NOW)).toBeNull();
    const stop = decide(dm({ senderHandle: 'boss', text: 'stop' }), state({ settings: s }), NOW, rng());
    expect(alertFor(dm({ senderHandle: 'boss', text: 'stop' }), s, stop, NOW)).toBeNull();
  });
});
