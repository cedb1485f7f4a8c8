import { validateTemplate } from '../core/templates.ts';
import type { Template } from '../core/types.ts';
import type { Problem } from './problems.ts';

/**
 * What the shape schemas cannot see: whether a template body parses (rule triggers: rule-checks.ts).
 * Core owns the grammar; this only turns its verdict into a Problem whose detail is core's
 * `<code>@<position>`.
 */
export function checkTemplateContent(template: Template, base = ''): Problem | undefined {
  const verdict = validateTemplate(template.body);
  if (verdict.ok) return undefined;
  return { code: 'invalidTemplate', path: `${base}/body`, detail: `${verdict.code}@${verdict.position}` };
}
