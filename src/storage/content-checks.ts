import { type RuleErrorCode, validateRule } from '../core/rules.ts';
import { validateTemplate } from '../core/templates.ts';
import type { Rule, Template } from '../core/types.ts';
import type { Problem } from './problems.ts';

/**
 * What the shape schemas cannot see: whether a template body parses, whether a rule's regex compiles and
 * is safe from catastrophic backtracking. Core owns both grammars; this only turns its verdict into a
 * Problem whose detail is core's `<code>` or `<code>@<position>`.
 */
export function checkTemplateContent(template: Template, base = ''): Problem | undefined {
  const verdict = validateTemplate(template.body);
  if (verdict.ok) return undefined;
  return { code: 'invalidTemplate', path: `${base}/body`, detail: `${verdict.code}@${verdict.position}` };
}

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
