import { type RuleErrorCode, validateRule } from '../core/rules.ts';
import type { Rule } from '../core/types.ts';
import type { Problem } from './problems.ts';

/**
 * What the shape schemas cannot see in a rule: whether its keywords are usable and its regex runs on
 * core's linear-time engine. Kept apart from template checks so the pages that only write templates (the
 * popup) do not load the regex engine. The Problem's detail is core's `<code>` or `<code>@<position>`.
 */
function rulePath(code: RuleErrorCode, position: number | undefined): string {
  switch (code) {
    case 'keywordBlank':
      return `/trigger/keywords/${position ?? 0}`;
    case 'keywordsMissing':
    case 'tooManyKeywords':
      return '/trigger/keywords';
    case 'templateMissing':
      return '/templateId';
    case 'priorityInvalid':
      return '/priority';
    default:
      return '/trigger/pattern';
  }
}

export function checkRuleContent(rule: Rule, base = ''): Problem | undefined {
  const verdict = validateRule(rule);
  if (verdict.ok) return undefined;
  const detail = verdict.position === undefined ? verdict.code : `${verdict.code}@${verdict.position}`;
  return { code: 'invalidRule', path: base + rulePath(verdict.code, verdict.position), detail };
}
