import { describe, expect, it } from 'vitest';
import {
  type Consent,
  cancelStep,
  consentEnded,
  EXPIRE_MS,
  expireStep,
  finishStep,
  LEASE_MS,
  leased,
  MAX_SEND_ATTEMPTS,
  scheduleStep,
  sendVerdict,
  startStep,
} from '../../../src/core/job-lifecycle.ts';
import type { SendJob } from '../../../src/core/types.ts';
import { DAY, NOW, settings } from './fixtures.ts';

const pending = scheduleStep(
  {
    id: 'j1',
    threadId: '100-200',
    messageId: 'm-1',
    contactHandle: 'alice',
    text: 'Back on Monday',
    timing: { readMs: 0, thinkMs: 0, chunks: ['Back on Monday'], keyDelaysMs: [500], totalMs: 500 },
    dueAt: NOW + 5_000,
  },
  NOW,
).job;
const typing = startStep(leased(pending, 7, NOW)!, 7, ['old'], NOW)!.job;
const consent = (changes: Partial<Consent> = {}): Consent => ({
  settings: settings(),
  contact: null,
  ...changes,
});

describe('job lifecycle: pure steps, each with its log entry and ledger state', () => {
  it('schedules a pending job, given up EXPIRE_MS after its due time, logged as scheduled', () => {
    const step = scheduleStep({ ...pending, id: 'j2' }, NOW);
    expect(step.job).toMatchObject({ state: 'pending', attempts: 0, leaseTabId: null, createdAt: NOW });
    expect(step.job.expiresAt).toBe(pending.dueAt + EXPIRE_MS);
    expect(step.entry).toEqual({
      at: NOW,
      kind: 'scheduled',
      threadId: '100-200',
      messageId: 'm-1',
      contactHandle: 'alice',
      text: 'Back on Monday',
    });
    expect(step.ledger).toBeNull();
  });

  it('typing starts only in the tab holding the job; attempts used up fail it instead', () => {
    expect(typing).toMatchObject({
      state: 'typing',
      attempts: 1,
      seenOwnRows: ['old'],
      leaseUntil: NOW + LEASE_MS,
    });
    expect(startStep(pending, 7, [], NOW)).toBeNull();
    const worn = { ...typing, attempts: MAX_SEND_ATTEMPTS };
    expect(startStep(worn, 7, [], NOW)).toMatchObject({
      job: { state: 'failed', leaseTabId: null },
      entry: { kind: 'failed', reason: 'notConfirmed' },
      ledger: 'failed',
    });
  });

  it('sent is a fact from any tab, counted from the press, never from the future; other reports need the holder', () => {
    const sent = finishStep(typing, { outcome: 'sent', pressedAt: NOW + 10 }, 99, NOW + 20);
    expect(sent).toMatchObject({
      job: { state: 'sent', sentAt: NOW + 10 },
      entry: { kind: 'sent' },
      ledger: 'sent',
    });
    expect(finishStep(typing, { outcome: 'sent', pressedAt: NOW + 99 }, 7, NOW + 20)?.job.sentAt).toBe(
      NOW + 20,
    );
    expect(finishStep(sent!.job, { outcome: 'alreadySent' }, 7, NOW + 30)).toBeNull();
    expect(finishStep(typing, { outcome: 'failed', code: 'sendFailed' }, 99, NOW)).toBeNull();
    expect(finishStep(typing, { outcome: 'postponed', code: 'userBusy' }, 7, NOW)).toMatchObject({
      job: { state: 'pending', leaseTabId: null, error: 'userBusy' },
      entry: null,
    });
  });

  it('cancels a waiting or typing job, quoting it, with a reason unless the user did it; not a finished one', () => {
    expect(cancelStep(typing, NOW, 'stopWord')).toMatchObject({
      job: { state: 'cancelled', leaseTabId: null, leaseUntil: null },
      entry: { kind: 'cancelled', reason: 'stopWord', text: 'Back on Monday' },
      ledger: null,
    });
    expect(cancelStep(pending, NOW)?.entry).not.toHaveProperty('reason');
    expect(cancelStep({ ...pending, state: 'sent' }, NOW)).toBeNull();
  });

  it('expires a job past its deadline unless a tab is typing it right now', () => {
    const late = NOW + 5_000 + EXPIRE_MS;
    expect(expireStep(pending, late)?.entry).toMatchObject({ kind: 'failed', reason: 'expired' });
    expect(expireStep(typing, late - 1 - EXPIRE_MS)).toBeNull();
    expect(expireStep({ ...typing, leaseUntil: late + 1 }, late)).toBeNull();
  });

  it('consent ends with away off or ended, a silence, the deny list, or a missing place on the allow list', () => {
    const job: SendJob = { ...pending, contactHandle: 'Alice' };
    expect(consentEnded(job, consent(), NOW)).toBeNull();
    const off = settings({ schedule: { ...settings().schedule, awayEnabled: false } });
    const ended = settings({ schedule: { ...settings().schedule, awayUntil: NOW } });
    expect(consentEnded(job, consent({ settings: off }), NOW)).toBe('awayOff');
    expect(consentEnded(job, consent({ settings: ended }), NOW)).toBe('awayOff');
    const silenced = {
      key: '@alice',
      id: '',
      handle: 'alice',
      handles: ['alice'],
      name: '',
      firstSeenAt: 0,
      lastRepliedAt: null,
      silencedAt: NOW - DAY,
    };
    expect(consentEnded(job, consent({ contact: silenced }), NOW)).toBe('silenced');
    expect(consentEnded(job, consent({ settings: settings({ denyList: ['@ALICE'] }) }), NOW)).toBe(
      'denyListed',
    );
    expect(consentEnded(job, consent({ settings: settings({ allowList: ['bob'] }) }), NOW)).toBe(
      'notAllowListed',
    );
    expect(consentEnded(job, consent({ settings: settings({ allowList: ['alice'] }) }), NOW)).toBeNull();
  });

  it('right before send: go only for the job typing in this tab, with consent; a lost consent cancels', () => {
    expect(sendVerdict(typing, 7, consent(), NOW)).toEqual({ go: true });
    expect(sendVerdict(typing, 8, consent(), NOW)).toEqual({ go: false, cancel: null });
    expect(sendVerdict(pending, 7, consent(), NOW)).toEqual({ go: false, cancel: null });
    expect(sendVerdict(undefined, 7, consent(), NOW)).toEqual({ go: false, cancel: null });
    const deny = consent({ settings: settings({ denyList: ['alice'] }) });
    expect(sendVerdict(typing, 7, deny, NOW)).toEqual({ go: false, cancel: 'denyListed' });
  });
});
