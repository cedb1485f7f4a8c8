import * as v from 'valibot';
import type { Rule } from '../core/types.ts';
import type { AwayDb } from './db.ts';
import { cleanRule, MAX_RULES, ruleSchema } from './entity-schema.ts';
import { checkPermutation } from './order.ts';
import { fail, type Outcome, problemFromIssue } from './problems.ts';
import { checkRuleContent } from './rule-checks.ts';
import { checkRuleTemplates, ruleTemplateIds } from './rule-templates.ts';

/** The order `decide` tries rules in: priority, then id so that ties are stable. */
export const byPriority = (a: Rule, b: Rule): number =>
  a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Rules in the order `decide` tries them: priority, then id so that ties are stable. Each in its clean
 * form: a rule stored before grace periods existed reads with `graceMinutes: 0`.
 */
export async function listRules(db: AwayDb): Promise<Rule[]> {
  return (await db.rules.toArray()).map(cleanRule).sort(byPriority);
}

export function getRule(db: AwayDb, id: string): Promise<Rule | undefined> {
  return db.rules.get(id);
}

/**
 * Adds or replaces a rule. Refused (and nothing stored) when its shape is wrong, its content is invalid for
 * core (e.g. a regex that does not compile), one of its templates does not exist or asks for a field, or
 * it would be rule 1,001.
 */
export function putRule(db: AwayDb, rule: Rule): Promise<Outcome<Rule>> {
  const clean = cleanRule(rule);
  const parsed = v.safeParse(ruleSchema, clean, { abortEarly: true });
  if (!parsed.success) return Promise.resolve({ ok: false, problem: problemFromIssue(parsed.issues[0]) });
  const content = checkRuleContent(parsed.output);
  if (content) return Promise.resolve({ ok: false, problem: content });
  return db.transaction('rw', [db.rules, db.templates], async (): Promise<Outcome<Rule>> => {
    const rule = parsed.output;
    const templates = new Map(
      (await db.templates.bulkGet(ruleTemplateIds(rule))).flatMap((t) => (t ? [[t.id, t] as const] : [])),
    );
    const refused = checkRuleTemplates(rule, (id) => templates.get(id));
    if (refused) return { ok: false, problem: refused };
    if (!(await db.rules.get(clean.id)) && (await db.rules.count()) >= MAX_RULES) return fail('tooMany', '');
    await db.rules.put(parsed.output);
    return { ok: true, value: parsed.output };
  });
}

/** True when a rule was deleted. */
export function deleteRule(db: AwayDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.rules, async () => {
    if (!(await db.rules.get(id))) return false;
    await db.rules.delete(id);
    return true;
  });
}

/** Gives the rules the order of `ids` (first = tried first) by renumbering priorities 10, 20, 30… */
export function reorderRules(db: AwayDb, ids: readonly string[]): Promise<Outcome> {
  return db.transaction('rw', db.rules, async () => {
    const check = checkPermutation(ids, (await db.rules.toCollection().primaryKeys()) as string[]);
    if (!check.ok) return check;
    await Promise.all(ids.map((id, index) => db.rules.update(id, { priority: (index + 1) * 10 })));
    return check;
  });
}
