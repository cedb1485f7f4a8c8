import { DEFAULT_AWAY_RULE_ID, defaultRulesFor, starterTemplateId } from '../core/defaults.ts';
import { isLocaleCode, type LocaleCode, localeInfo } from '../core/locales.ts';
import { validateTemplate } from '../core/templates.ts';
import type { ReplyMode, Rule, Settings, Template } from '../core/types.ts';

/** What the welcome page asks, as typed so far. Nothing is stored before Finish. */
export interface WelcomeDraft {
  name: string;
  /** As typed: with or without the @, any case. */
  handle: string;
  /** The language people will read the away message in. */
  replyLocale: LocaleCode;
  body: string;
  mode: ReplyMode;
  /** The automatic-sending warning was accepted (ticked here, or earlier in the options). */
  acknowledged: boolean;
}

/** What is stored now: the welcome page starts from it and changes only the parts it asks about. */
export interface CurrentSetup {
  settings: Settings;
  rules: readonly Rule[];
  templates: readonly Template[];
}

/** The rule the welcome page sets up: the starter away rule. */
export function awayRuleOf(rules: readonly Rule[]): Rule | undefined {
  return rules.find((rule) => rule.id === DEFAULT_AWAY_RULE_ID);
}

/** `@Jo_Away ` → `jo_away`, as settings store handles. */
export function normalHandle(typed: string): string {
  return typed.trim().replace(/^@/, '').toLowerCase();
}

/**
 * The draft a visit starts with: what is stored (a second visit shows the user's own answers), else the
 * starter away text in the interface language.
 */
export function initialDraft(current: CurrentSetup, uiLocale: LocaleCode): WelcomeDraft {
  const { settings } = current;
  const rule = awayRuleOf(current.rules);
  const template = rule && current.templates.find((t) => t.id === rule.templateId);
  const replyLocale = template && isLocaleCode(template.locale) ? template.locale : uiLocale;
  return {
    name: settings.myName,
    handle: settings.myHandle ? `@${settings.myHandle}` : '',
    replyLocale,
    body: template?.body ?? localeInfo(replyLocale).starters.away.body,
    mode: rule?.mode === 'auto' && settings.autoSendAcknowledged ? 'auto' : 'suggest',
    acknowledged: settings.autoSendAcknowledged,
  };
}

export type DraftProblem =
  | { field: 'handle'; code: 'invalid' }
  | { field: 'body'; code: 'empty' | 'invalid' }
  | { field: 'acknowledged'; code: 'required' };

/** Why the draft cannot be finished yet, field by field, in page order; empty when it can. */
export function draftProblems(draft: WelcomeDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!/^[a-z0-9_]{0,50}$/.test(normalHandle(draft.handle)))
    problems.push({ field: 'handle', code: 'invalid' });
  if (draft.body.trim() === '') problems.push({ field: 'body', code: 'empty' });
  else if (!validateTemplate(draft.body).ok) problems.push({ field: 'body', code: 'invalid' });
  if (draft.mode === 'auto' && !draft.acknowledged)
    problems.push({ field: 'acknowledged', code: 'required' });
  return problems;
}

export interface WelcomePlan {
  settings: Settings;
  rule: Rule;
  template: Template;
}

/**
 * What Finish stores. The away message goes into the template the away rule uses when it is in the chosen
 * language, else into that language's starter away template (created if the profile lacks it); the away
 * rule (re-created if it was deleted) points at it, in the chosen mode. The schedule is never touched:
 * finishing switches nothing on.
 */
export function planWelcome(draft: WelcomeDraft, current: CurrentSetup): WelcomePlan {
  const existingRule = awayRuleOf(current.rules);
  const used = existingRule && current.templates.find((t) => t.id === existingRule.templateId);
  const starterId = starterTemplateId(draft.replyLocale, 'away');
  const base: Template =
    used && used.locale === draft.replyLocale
      ? used
      : (current.templates.find((t) => t.id === starterId) ?? {
          id: starterId,
          name: localeInfo(draft.replyLocale).starters.away.name,
          body: '',
          locale: draft.replyLocale,
          quickReply: false,
        });
  const template: Template = { ...base, body: draft.body };
  const starterRule = defaultRulesFor(draft.replyLocale)[0] as Rule;
  const rule: Rule = { ...(existingRule ?? starterRule), templateId: template.id, mode: draft.mode };
  const auto = draft.mode === 'auto' && draft.acknowledged;
  const settings: Settings = {
    ...current.settings,
    myName: draft.name.trim().slice(0, 200),
    myHandle: normalHandle(draft.handle),
    autoSendAcknowledged: auto || current.settings.autoSendAcknowledged,
    defaultMode: auto ? 'auto' : 'suggest',
  };
  return { settings, rule, template };
}

/** The stored lists with the plan's rule and template in place (or added), as `decide` would see them. */
export function withPlan(current: CurrentSetup, plan: WelcomePlan): { rules: Rule[]; templates: Template[] } {
  const replace = <T extends { id: string }>(list: readonly T[], item: T) =>
    list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
  return { rules: replace(current.rules, plan.rule), templates: replace(current.templates, plan.template) };
}
