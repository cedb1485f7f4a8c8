import { describe, expect, it } from 'vitest';
import { graceLeft, graceMs, graceSchedule } from '../../../src/core/grace.ts';
import { leased, scheduleStep, sendNowStep, startStep } from '../../../src/core/job-lifecycle.ts';
import { compileRules } from '../../../src/core/rules.ts';
import {
  answeredBy,
  answers,
  isOurReply,
  type OwnMessage,
  ruleGraceMinutes,
} from '../../../src/core/step-aside.ts';
import type { Rule, SendJob } from '../../../src/core/types.ts';
import { NOW } from './fixtures.ts';

const MINUTE = 60_000;

function job(changes: Partial<SendJob> = {}): SendJob {
  return {
    ...scheduleStep(
      {
        id: 'j1',
        threadId: '100-200',
        messageId: 'their-1',
        contactHandle: 'alice',
        text: 'I am away until Monday [auto-reply]',
        timing: { readMs: 0, thinkMs: 0, chunks: ['x'], keyDelaysMs: [0], totalMs: 0 },
        dueAt: NOW + 10 * MINUTE,
        graceUntil: NOW + 10 * MINUTE - 1000,
      },
      NOW,
    ).job,
    ...changes,
  };
}

function own(changes: Partial<OwnMessage> = {}): OwnMessage {
  return {
    threadId: '100-200',
    messageId: 'mine-1',
    text: 'Sure, see you at 5',
    detectedAt: NOW + 2 * MINUTE,
    live: true,
    answers: [],
    ...changes,
  };
}

describe('answered yourself', () => {
  it('my message that appears after theirs answers the reply waiting for it', () => {
    expect(answeredBy(own(), [job()], [job()])).toHaveLength(1);
  });

  it('a message of mine already there when the conversation opened answers only what it follows', () => {
    const opened = own({ live: false, answers: ['their-1'] });
    expect(answers(opened, job())).toBe(true);
    // Their newer message came after my answer: its reply still waits.
    expect(answers(opened, job({ messageId: 'their-2' }))).toBe(false);
  });

  it('a reply decided after my message (their newer message) is not answered by it', () => {
    const later = job({ createdAt: NOW + 3 * MINUTE });
    expect(answers(own({ detectedAt: NOW + 2 * MINUTE }), later)).toBe(false);
  });

  it('another conversation is never touched', () => {
    expect(answers(own({ threadId: '100-300', answers: ['their-1'] }), job())).toBe(false);
  });

  it('our own automatic reply, once typed, is mine on the page but does not count', () => {
    const typed = job({ state: 'typing' });
    const ours = own({ text: '  I am away until Monday\n[auto-reply] ' });
    expect(isOurReply(ours, [typed])).toBe(true);
    expect(answeredBy(ours, [typed], [typed])).toEqual([]);
    const sent = job({ id: 'j0', state: 'sent', messageId: 'their-0' });
    expect(answeredBy(ours, [job()], [sent, job()])).toEqual([]);
  });

  it('the same text typed by me while our reply still waits (not typed yet) is mine', () => {
    const waiting = job();
    expect(isOurReply(own({ text: waiting.text }), [waiting])).toBe(false);
  });
});

describe('grace period, with injected time', () => {
  it('0 or absent minutes: the reply keeps the time its plan gave it', () => {
    expect(graceMs(undefined)).toBe(0);
    expect(graceSchedule(NOW + 5000, NOW, 0, 800)).toEqual({ dueAt: NOW + 5000 });
  });

  it('N minutes: due N minutes later, and never before the tab could prepare after the period', () => {
    expect(graceSchedule(NOW + 5000, NOW, 10, 800)).toEqual({
      dueAt: NOW + 10 * MINUTE + 5000,
      graceUntil: NOW + 10 * MINUTE,
    });
    expect(graceSchedule(NOW, NOW, 1, 800)).toEqual({ dueAt: NOW + MINUTE + 800, graceUntil: NOW + MINUTE });
  });

  it('counts down, and is over for a job that moved on', () => {
    const waiting = job();
    expect(graceLeft(waiting, NOW + MINUTE)).toBe(9 * MINUTE - 1000);
    expect(graceLeft(waiting, NOW + 20 * MINUTE)).toBe(0);
    expect(graceLeft({ ...waiting, state: 'cancelled' }, NOW)).toBe(0);
  });

  it('nothing is typed while it runs: the start step refuses; after it, the same checks decide', () => {
    const held = leased(job(), 3, NOW)!;
    expect(startStep(held, 3, [], NOW + MINUTE)).toBeNull();
    const after = leased(job(), 3, NOW + 10 * MINUTE)!;
    expect(startStep(after, 3, [], NOW + 10 * MINUTE)?.job.state).toBe('typing');
  });

  it('send now ends the period and makes the reply due at once; only while it runs', () => {
    const step = sendNowStep(job(), NOW + MINUTE);
    expect(step?.job).toMatchObject({ graceUntil: NOW + MINUTE, dueAt: NOW + MINUTE, state: 'pending' });
    expect(step?.entry).toBeNull();
    expect(sendNowStep(job(), NOW + 20 * MINUTE)).toBeNull();
    expect(sendNowStep(job({ graceUntil: undefined }), NOW)).toBeNull();
    expect(sendNowStep(job({ state: 'cancelled' }), NOW)).toBeNull();
  });

  it("reads the decision's rule grace from plain or compiled rules", () => {
    const rule: Rule = {
      id: 'r1',
      name: 'R',
      enabled: true,
      priority: 1,
      trigger: { kind: 'any' },
      mode: 'auto',
      when: 'away',
      templateId: 't',
      graceMinutes: 15,
    };
    expect(ruleGraceMinutes([rule], 'r1')).toBe(15);
    expect(ruleGraceMinutes(compileRules([rule]), 'r1')).toBe(15);
    expect(ruleGraceMinutes([rule], 'nope')).toBeUndefined();
  });
});
