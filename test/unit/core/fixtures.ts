import type { DecisionState } from '../../../src/core/decide.ts';
import { DEFAULT_SETTINGS, DEFAULT_TEMPLATES, defaultRulesFor } from '../../../src/core/defaults.ts';
import type { IncomingDm, Rule, Settings } from '../../../src/core/types.ts';

/** 2026-06-10 12:00 UTC, a Wednesday. */
export const NOW = Date.UTC(2026, 5, 10, 12, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function dm(overrides: Partial<IncomingDm> = {}): IncomingDm {
  return {
    messageId: 'm-1',
    threadId: '100-200',
    threadKind: 'direct',
    senderId: '',
    senderHandle: 'alice',
    senderName: 'Alice Martin',
    text: 'Hey, are you free for a call tomorrow?',
    timeLabel: '12:00 PM',
    detectedAt: NOW - 1_000,
    source: 'thread',
    ...overrides,
  };
}

/** Away on since yesterday, user @me, auto-send accepted. */
export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    schedule: { ...DEFAULT_SETTINGS.schedule, awayEnabled: true, awaySince: NOW - DAY },
    myHandle: 'me',
    myName: 'Sam',
    ...overrides,
  };
}

export function rule(overrides: Partial<Rule> = {}): Rule {
  return { ...defaultRulesFor('en')[0]!, ...overrides };
}

export function state(overrides: Partial<DecisionState> = {}): DecisionState {
  return {
    settings: settings(),
    rules: [rule()],
    templates: DEFAULT_TEMPLATES,
    contact: {
      key: '@alice',
      id: '',
      handle: 'alice',
      handles: ['alice'],
      name: 'Alice Martin',
      firstSeenAt: NOW - 1_000,
      lastRepliedAt: null,
      silencedAt: null,
    },
    thread: {
      threadId: '100-200',
      firstSeenAt: NOW - 1_000,
      lastIncomingAt: NOW - 1_000,
      lastAutoReplyAt: null,
    },
    sends: [],
    ...overrides,
  };
}
