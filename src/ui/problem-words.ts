import type { RuleErrorCode } from '../core/rules.ts';
import type { TemplateErrorCode } from '../core/template-syntax.ts';
import { t } from '../shared/i18n.ts';
import type { Problem } from '../storage/problems.ts';
import { PROBLEM_KEYS } from './words.ts';

export const RULE_ERROR_KEYS: Record<RuleErrorCode, string> = {
  keywordsMissing: 'ruleError_keywordsMissing',
  tooManyKeywords: 'ruleError_tooManyKeywords',
  keywordBlank: 'ruleError_keywordBlank',
  patternMissing: 'ruleError_patternMissing',
  patternTooLong: 'ruleError_patternTooLong',
  patternInvalid: 'ruleError_patternInvalid',
  backreference: 'ruleError_backreference',
  lookaround: 'ruleError_lookaround',
  patternUnsupported: 'ruleError_patternUnsupported',
  patternTooComplex: 'ruleError_patternTooComplex',
  templateMissing: 'ruleError_templateMissing',
  priorityInvalid: 'ruleError_priorityInvalid',
};

export const TEMPLATE_ERROR_KEYS: Record<TemplateErrorCode, string> = {
  empty: 'templateError_empty',
  tooLong: 'templateError_tooLong',
  unclosedBrace: 'templateError_unclosedBrace',
  unexpectedCloseBrace: 'templateError_unexpectedCloseBrace',
  emptyBraces: 'templateError_emptyBraces',
  unknownVariable: 'templateError_unknownVariable',
  bareVariableInVariation: 'templateError_bareVariableInVariation',
  tooDeep: 'templateError_tooDeep',
  mayBeTooLong: 'templateError_mayBeTooLong',
  fieldEmptyLabel: 'templateError_fieldEmptyLabel',
  fieldInvalid: 'templateError_fieldInvalid',
  fieldInVariation: 'templateError_fieldInVariation',
  tooManyFields: 'templateError_tooManyFields',
};

/** Keyword codes count keywords, limit codes carry the limit: only these positions are characters. */
const RULE_POSITION_IS_KEYWORD = new Set<RuleErrorCode>(['keywordBlank']);
const RULE_POSITION_IS_LIMIT = new Set<RuleErrorCode>(['tooManyKeywords', 'patternTooLong']);

export function ruleErrorText(code: RuleErrorCode, position?: number): string {
  const what = t(RULE_ERROR_KEYS[code], position ?? 0);
  if (position === undefined || RULE_POSITION_IS_LIMIT.has(code)) return what;
  return RULE_POSITION_IS_KEYWORD.has(code)
    ? t('errorAtKeyword', what, position + 1)
    : t('errorAtCharacter', what, position + 1);
}

export function templateErrorText(code: TemplateErrorCode, position: number): string {
  // The whole body is too long once filled in: no one character is to blame.
  if (code === 'mayBeTooLong') return t(TEMPLATE_ERROR_KEYS[code]);
  return t('errorAtCharacter', t(TEMPLATE_ERROR_KEYS[code]), position + 1);
}

function isKey<K extends string>(table: Record<K, string>, code: string): code is K {
  return Object.hasOwn(table, code);
}

/** Storage's detail is core's `<code>` or `<code>@<position>` for invalid rules and templates. */
export function detailText(problem: Problem): string | null {
  const match = /^([A-Za-z]+)(?:@(\d+))?$/.exec(problem.detail ?? '');
  if (!match) return null;
  const [, code = '', at] = match;
  const position = at === undefined ? undefined : Number(at);
  if (problem.code === 'invalidTemplate' && isKey(TEMPLATE_ERROR_KEYS, code)) {
    return templateErrorText(code, position ?? 0);
  }
  if (problem.code === 'invalidRule' && isKey(RULE_ERROR_KEYS, code)) return ruleErrorText(code, position);
  return null;
}

/** A storage problem in words: what, the core detail when there is one, and where. */
export function problemText(problem: Problem): string {
  // The rule is named: with many rules, "a rule" would leave the user searching.
  const what =
    problem.code === 'fieldInRule'
      ? t(PROBLEM_KEYS[problem.code], problem.ruleName ?? problem.detail ?? '')
      : t(PROBLEM_KEYS[problem.code]);
  const detail = detailText(problem);
  const full = detail ? `${what} ${detail}` : what;
  return problem.path ? t('problemAt', full, problem.path) : full;
}
