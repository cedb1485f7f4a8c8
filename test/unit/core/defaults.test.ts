import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  DEFAULT_SETTINGS,
  DEFAULT_TEMPLATES,
  defaultRulesFor,
  X_DAILY_DM_LIMIT,
} from '../../../src/core/defaults.ts';
import { LOCALE_CODES } from '../../../src/core/locales.ts';

describe('defaults', () => {
  it('start safe: suggest mode, no auto-send, away off, no label', () => {
    expect(DEFAULT_SETTINGS.defaultMode).toBe('suggest');
    expect(DEFAULT_SETTINGS.autoSendAcknowledged).toBe(false);
    expect(DEFAULT_SETTINGS.schedule.awayEnabled).toBe(false);
    expect(DEFAULT_SETTINGS.addAutoReplyLabel).toBe(false);
    expect(DEFAULT_SETTINGS.answerGroups).toBe(false);
    expect(DEFAULT_SETTINGS.answerRequests).toBe(false);
  });

  it('limits match the design and stay far below X', () => {
    expect(DEFAULT_SETTINGS.limits).toEqual({
      contactCooldownMs: 4 * 24 * 3600_000,
      minGapMs: 20_000,
      hourlyCap: 20,
      dailyCap: 100,
    });
    expect(DEFAULT_SETTINGS.limits.dailyCap).toBeLessThan(X_DAILY_DM_LIMIT);
    expect(X_DAILY_DM_LIMIT).toBe(500);
    expect(DEFAULT_SETTINGS.timing).toEqual({ minDelayMs: 30_000, maxDelayMs: 120_000 });
  });

  it('has an away template and quick replies in each language, with unique ids', () => {
    for (const locale of LOCALE_CODES) {
      const mine = DEFAULT_TEMPLATES.filter((t) => t.locale === locale);
      expect(mine.filter((t) => !t.quickReply)).toHaveLength(1);
      expect(mine.filter((t) => t.quickReply).length).toBeGreaterThanOrEqual(2);
    }
    const ids = DEFAULT_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the default rule answers anyone while away, in suggest mode, in the UI language', () => {
    for (const locale of LOCALE_CODES) {
      const [rule, ...rest] = defaultRulesFor(locale);
      expect(rest).toHaveLength(0);
      expect(rule).toMatchObject({ enabled: true, mode: 'suggest', when: 'away', trigger: { kind: 'any' } });
      const template = DEFAULT_TEMPLATES.find((t) => t.id === rule?.templateId);
      expect(template?.locale).toBe(locale);
      expect(template?.quickReply).toBe(false);
    }
    expect(DEFAULT_RULES).toEqual(defaultRulesFor('en'));
  });
});
