import * as v from 'valibot';
import { checkTemplateContent } from './content-checks.ts';
import { fail, type Outcome, type Problem, problemFromIssue } from './problems.ts';
import { checkRuleContent } from './rule-checks.ts';
import { checkRuleTemplates } from './rule-templates.ts';
import { byPriority } from './rules.ts';
import { scanJson } from './transfer-scan.ts';
import { type ExportDoc, exportDocSchema, FORMAT, FORMAT_VERSION } from './transfer-schema.ts';

function own(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function firstDuplicate(values: readonly string[]): number {
  const seen = new Set<string>();
  for (const [index, value] of values.entries()) {
    if (seen.has(value)) return index;
    seen.add(value);
  }
  return -1;
}

/** What no schema can say alone: unique ids, rules pointing at templates of the same file, valid content. */
function checkMeaning(doc: ExportDoc): Problem | undefined {
  const ruleDup = firstDuplicate(doc.rules.map((rule) => rule.id));
  if (ruleDup >= 0) return { code: 'duplicateId', path: `/rules/${ruleDup}/id` };
  const templates = new Map(doc.templates.map((template) => [template.id, template]));
  for (const [index, rule] of doc.rules.entries()) {
    const content = checkRuleContent(rule, `/rules/${index}`);
    if (content) return content;
    const refused = checkRuleTemplates(rule, (id) => templates.get(id), `/rules/${index}`);
    if (refused) return refused;
  }
  const templateDup = firstDuplicate(doc.templates.map((template) => template.id));
  if (templateDup >= 0) return { code: 'duplicateId', path: `/templates/${templateDup}/id` };
  for (const [index, template] of doc.templates.entries()) {
    const content = checkTemplateContent(template, `/templates/${index}`);
    if (content) return content;
  }
  const contactDup = firstDuplicate(doc.contacts.map((contact) => contact.handle));
  if (contactDup >= 0) return { code: 'duplicateId', path: `/contacts/${contactDup}/handle` };
  return undefined;
}

/**
 * Reads a settings file without touching the database, for import and for a preview before it. Checks run
 * in this order and the first problem is returned: size, JSON syntax, structure (depth, forbidden keys),
 * format and version, shape (strict schema), meaning (ids, references, template and rule content).
 */
export function parseExport(text: unknown): Outcome<ExportDoc> {
  const scanned = scanJson(text);
  if (!scanned.ok) return scanned;
  const root = scanned.value;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return fail('wrongFormat');
  if (own(root, 'format') !== FORMAT) return fail('wrongFormat', '/format');
  if (own(root, 'version') !== FORMAT_VERSION) return fail('unsupportedVersion', '/version');
  const parsed = v.safeParse(exportDocSchema, root, { abortEarly: true });
  if (!parsed.success) return { ok: false, problem: problemFromIssue(parsed.issues[0]) };
  const problem = checkMeaning(parsed.output);
  if (problem) return { ok: false, problem };
  // Rules are kept in the order they are tried, whatever order the file lists them in.
  return { ok: true, value: { ...parsed.output, rules: [...parsed.output.rules].sort(byPriority) } };
}
