import type { AwayDb } from '../storage/db.ts';
import type { Outcome } from '../storage/problems.ts';
import { listRules, putRule } from '../storage/rules.ts';
import { type Environment, getSettings, putSettings } from '../storage/settings.ts';
import { listTemplates, putTemplate } from '../storage/templates.ts';
import { type CurrentSetup, planWelcome, type WelcomeDraft, type WelcomePlan } from './plan.ts';

export async function readCurrentSetup(db: AwayDb, env: Environment): Promise<CurrentSetup> {
  return {
    settings: await getSettings(db, env),
    rules: await listRules(db),
    templates: await listTemplates(db),
  };
}

class Refused extends Error {
  constructor(readonly outcome: Outcome<never>) {
    super('refused');
  }
}

/**
 * Stores the welcome page's answers in one transaction: the away template, the away rule, then the
 * settings. Each goes through the storage layer's own checks; if any refuses, nothing is stored.
 */
export async function finishWelcome(
  db: AwayDb,
  env: Environment,
  draft: WelcomeDraft,
): Promise<Outcome<WelcomePlan>> {
  try {
    return await db.transaction('rw', [db.settings, db.rules, db.templates], async () => {
      const plan = planWelcome(draft, await readCurrentSetup(db, env));
      const steps = [
        () => putTemplate(db, plan.template),
        () => putRule(db, plan.rule),
        () => putSettings(db, plan.settings),
      ];
      for (const step of steps) {
        const outcome = await step();
        if (!outcome.ok) throw new Refused(outcome);
      }
      return { ok: true as const, value: plan };
    });
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    throw error;
  }
}
