import * as v from 'valibot';
import { hasFields } from '../core/template-fields.ts';
import type { Template } from '../core/types.ts';
import { checkTemplateContent } from './content-checks.ts';
import type { AwayDb } from './db.ts';
import { cleanTemplate, MAX_TEMPLATES, templateSchema } from './entity-schema.ts';
import { checkPermutation } from './order.ts';
import { fail, type Outcome, problemFromIssue } from './problems.ts';
import type { StoredTemplate } from './rows.ts';
import { fieldInRule, usesTemplate } from './rule-templates.ts';

const byPosition = (a: StoredTemplate, b: StoredTemplate) =>
  a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Templates in the user's order, without the storage-only `position`. */
export async function listTemplates(db: AwayDb): Promise<Template[]> {
  return (await db.templates.toArray()).sort(byPosition).map(cleanTemplate);
}

/** The popup's quick replies: templates marked as such, in the user's order. */
export async function listQuickReplies(db: AwayDb): Promise<Template[]> {
  return (await listTemplates(db)).filter((template) => template.quickReply);
}

export async function getTemplate(db: AwayDb, id: string): Promise<Template | undefined> {
  const stored = await db.templates.get(id);
  return stored && cleanTemplate(stored);
}

/**
 * Adds (at the end of the list) or replaces (in place) a template, after validation. A body with a field
 * is refused while a rule uses the template (`fieldInRule`, naming the rule).
 */
export function putTemplate(db: AwayDb, template: Template): Promise<Outcome<Template>> {
  const parsed = v.safeParse(templateSchema, cleanTemplate(template), { abortEarly: true });
  if (!parsed.success) return Promise.resolve({ ok: false, problem: problemFromIssue(parsed.issues[0]) });
  const content = checkTemplateContent(parsed.output);
  if (content) return Promise.resolve({ ok: false, problem: content });
  return db.transaction('rw', [db.templates, db.rules], async (): Promise<Outcome<Template>> => {
    if (hasFields(parsed.output.body)) {
      // A rule would then send a question no one answers (rule-templates.ts).
      const user = await db.rules.filter((rule) => usesTemplate(rule, parsed.output.id)).first();
      if (user) return { ok: false, problem: { ...fieldInRule(user), path: '/body' } };
    }
    const existing = await db.templates.get(parsed.output.id);
    let position = existing?.position;
    if (position === undefined) {
      if ((await db.templates.count()) >= MAX_TEMPLATES) return fail('tooMany', '');
      const last = await db.templates.orderBy('position').last();
      position = last ? last.position + 1 : 0;
    }
    await db.templates.put({ ...parsed.output, position });
    return { ok: true, value: parsed.output };
  });
}

/** Refused with `templateInUse` (detail: the first rule's id) while a rule still uses the template. */
export function deleteTemplate(db: AwayDb, id: string): Promise<Outcome> {
  return db.transaction('rw', [db.templates, db.rules], async () => {
    if (!(await db.templates.get(id))) return fail('notFound', '');
    const user = await db.rules.filter((rule) => usesTemplate(rule, id)).first();
    if (user) return fail('templateInUse', '', user.id);
    await db.templates.delete(id);
    return { ok: true, value: undefined };
  });
}

export function reorderTemplates(db: AwayDb, ids: readonly string[]): Promise<Outcome> {
  return db.transaction('rw', db.templates, async () => {
    const check = checkPermutation(ids, (await db.templates.toCollection().primaryKeys()) as string[]);
    if (!check.ok) return check;
    await Promise.all(ids.map((id, position) => db.templates.update(id, { position })));
    return check;
  });
}
