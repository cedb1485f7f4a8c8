import { languageTemplateIds } from '../core/language-choice.ts';
import { hasFields } from '../core/template-fields.ts';
import type { Rule, Template } from '../core/types.ts';
import type { Problem } from './problems.ts';

/** Every template a rule may send: its default, then one per language. */
export function ruleTemplateIds(rule: Rule): string[] {
  return [rule.templateId, ...languageTemplateIds(rule)];
}

export function usesTemplate(rule: Rule, templateId: string): boolean {
  return ruleTemplateIds(rule).includes(templateId);
}

/** A rule's reply would ask for a field no one is there to fill in. */
export function fieldInRule(rule: Rule, base = ''): Problem {
  return { code: 'fieldInRule', path: `${base}/templateId`, detail: rule.id, ruleName: rule.name };
}

/**
 * What a rule's templates must be, wherever the rule is written (editor, import): each one exists
 * (`unknownTemplate`, pointing at the reference) and none asks for a field (`fieldInRule`, naming the rule):
 * fields are for quick replies the user inserts, never for replies a rule prepares or sends.
 */
export function checkRuleTemplates(
  rule: Rule,
  find: (id: string) => Pick<Template, 'body'> | undefined,
  base = '',
): Problem | undefined {
  const refs: [string, string][] = [
    ['/templateId', rule.templateId],
    ...Object.entries(rule.languageTemplates ?? {}).map(([code, id]): [string, string] => [
      `/languageTemplates/${code}`,
      id ?? '',
    ]),
  ];
  for (const [path, id] of refs) {
    const template = find(id);
    if (!template) return { code: 'unknownTemplate', path: base + path };
    if (hasFields(template.body)) return { ...fieldInRule(rule, base), path: base + path };
  }
  return undefined;
}
