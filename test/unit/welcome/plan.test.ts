import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AWAY_RULE_ID,
  DEFAULT_SETTINGS,
  defaultRulesFor,
  starterTemplatesFor,
} from '../../../src/core/defaults.ts';
import { localeInfo } from '../../../src/core/locales.ts';
import type { Settings } from '../../../src/core/types.ts';
import {
  type CurrentSetup,
  draftProblems,
  initialDraft,
  planWelcome,
  type WelcomeDraft,
  withPlan,
} from '../../../src/welcome/plan.ts';

function setup(change: (settings: Settings) => void = () => undefined): CurrentSetup {
  const settings = structuredClone(DEFAULT_SETTINGS);
  change(settings);
  return { settings, rules: defaultRulesFor('fr'), templates: starterTemplatesFor('fr') };
}

const draft = (current: CurrentSetup, change: Partial<WelcomeDraft> = {}): WelcomeDraft => ({
  ...initialDraft(current, 'en'),
  ...change,
});

describe('the welcome page’s first answers', () => {
  it('start from what is stored: the away rule’s text and language, suggest mode, no name yet', () => {
    const current = setup();
    expect(initialDraft(current, 'en')).toEqual({
      name: '',
      handle: '',
      replyLocale: 'fr',
      body: localeInfo('fr').starters.away.body,
      mode: 'suggest',
      acknowledged: false,
    });
  });

  it('show a second visit the user’s own answers', () => {
    const current = setup((s) => {
      s.myName = 'Jo';
      s.myHandle = 'jo_away';
      s.autoSendAcknowledged = true;
    });
    const rules = current.rules.map((rule) => ({ ...rule, mode: 'auto' as const }));
    expect(initialDraft({ ...current, rules }, 'en')).toMatchObject({
      name: 'Jo',
      handle: '@jo_away',
      mode: 'auto',
      acknowledged: true,
    });
  });

  it('start in the interface language when there is no away rule', () => {
    expect(initialDraft({ ...setup(), rules: [] }, 'de')).toMatchObject({
      replyLocale: 'de',
      body: localeInfo('de').starters.away.body,
    });
  });
});

describe('what stops Finish', () => {
  it('a handle X would not accept, a broken or empty text, automatic without the acknowledgement', () => {
    const current = setup();
    expect(draftProblems(draft(current, { handle: '@Jo_Away' }))).toEqual([]);
    expect(draftProblems(draft(current, { handle: 'jo away' }))).toEqual([
      { field: 'handle', code: 'invalid' },
    ]);
    expect(draftProblems(draft(current, { body: '  ' }))).toEqual([{ field: 'body', code: 'empty' }]);
    expect(draftProblems(draft(current, { body: 'Hi {oops' }))).toEqual([{ field: 'body', code: 'invalid' }]);
    expect(draftProblems(draft(current, { mode: 'auto' }))).toEqual([
      { field: 'acknowledged', code: 'required' },
    ]);
    expect(draftProblems(draft(current, { mode: 'auto', acknowledged: true }))).toEqual([]);
  });
});

describe('what Finish stores', () => {
  it('the name and handle, the text in the away rule’s template, suggest mode; the schedule is untouched', () => {
    const current = setup((s) => {
      s.schedule.awayEnabled = false;
    });
    const plan = planWelcome(
      draft(current, { name: ' Jo ', handle: '@Jo_Away', body: 'Back soon, je suis absent.' }),
      current,
    );
    expect(plan.settings).toEqual({
      ...current.settings,
      myName: 'Jo',
      myHandle: 'jo_away',
      defaultMode: 'suggest',
    });
    expect(plan.settings.schedule).toEqual(current.settings.schedule);
    expect(plan.template).toMatchObject({ id: 'away-fr', locale: 'fr', body: 'Back soon, je suis absent.' });
    expect(plan.rule).toEqual({ ...current.rules[0], templateId: 'away-fr', mode: 'suggest' });
  });

  it('automatic only with the acknowledgement, and then for the away rule and new rules', () => {
    const current = setup();
    const plan = planWelcome(draft(current, { mode: 'auto', acknowledged: true }), current);
    expect(plan.rule.mode).toBe('auto');
    expect(plan.settings).toMatchObject({ autoSendAcknowledged: true, defaultMode: 'auto' });
  });

  it('a language the profile has no template for gets its starter template, which the rule then uses', () => {
    const current = setup();
    const plan = planWelcome(draft(current, { replyLocale: 'ja', body: 'ただいま不在です。' }), current);
    expect(plan.template).toEqual({
      id: 'away-ja',
      name: localeInfo('ja').starters.away.name,
      body: 'ただいま不在です。',
      locale: 'ja',
      quickReply: false,
    });
    expect(plan.rule.templateId).toBe('away-ja');
    const { rules, templates } = withPlan(current, plan);
    expect(templates.map((t) => t.id)).toContain('away-ja');
    expect(templates.find((t) => t.id === 'away-fr')?.body).toBe(localeInfo('fr').starters.away.body);
    expect(rules).toHaveLength(1);
  });

  it('a deleted away rule comes back', () => {
    const current = { ...setup(), rules: [] };
    const plan = planWelcome(draft(current, { replyLocale: 'es' }), current);
    expect(plan.rule).toMatchObject({ id: DEFAULT_AWAY_RULE_ID, templateId: 'away-es', enabled: true });
    expect(withPlan(current, plan).rules).toEqual([plan.rule]);
  });
});
