import type { AutoReplyLabels, DecisionState } from '../core/decide.ts';
import { type CompiledRules, compileRules } from '../core/rules.ts';
import type { IncomingDm, Rule } from '../core/types.ts';
import type { AwayDb } from '../storage/db.ts';
import { findContact } from '../storage/people.ts';
import { listRules } from '../storage/rules.ts';
import { type Environment, getSettings } from '../storage/settings.ts';
import { listTemplates } from '../storage/templates.ts';
import { recentSends } from './sends.ts';

/**
 * Compiling rules (keyword index, regex safety checks) costs more than reading them, so the compiled form
 * is kept until the rules change. Rules are edited from the options page, another context, so "changed"
 * is judged by content on every read rather than by a notification the worker may have slept through.
 */
export class RulesCache {
  #key = '';
  #compiled: CompiledRules | null = null;

  get(rules: readonly Rule[]): CompiledRules {
    const key = JSON.stringify(rules);
    if (this.#compiled === null || key !== this.#key) {
      this.#compiled = compileRules(rules);
      this.#key = key;
    }
    return this.#compiled;
  }
}

export interface StateDeps {
  db: AwayDb;
  env: Environment;
  rules: RulesCache;
  /** The visible auto-reply label in the user's language, when one is configured. */
  autoReplyLabel?: string;
  /** The label in each template language: replies carry their template's, loop checks know them all. */
  autoReplyLabels?: AutoReplyLabels;
}

/** Everything `decide` needs about one DM, read from the database in one consistent transaction. */
export function loadDecisionState(deps: StateDeps, dm: IncomingDm, now: number): Promise<DecisionState> {
  const { db } = deps;
  return db.transaction(
    'r',
    [db.settings, db.rules, db.templates, db.people, db.threads, db.jobs],
    async () => {
      const [settings, rules, templates, contact, thread, sends] = await Promise.all([
        getSettings(db, deps.env),
        listRules(db),
        listTemplates(db),
        findContact(db, { id: dm.senderId, handle: dm.senderHandle }),
        db.threads.get(dm.threadId),
        recentSends(db, now),
      ]);
      const state: DecisionState = {
        settings,
        rules: deps.rules.get(rules),
        templates,
        contact: contact ?? null,
        thread: thread ?? null,
        sends,
      };
      if (deps.autoReplyLabel !== undefined) state.autoReplyLabel = deps.autoReplyLabel;
      if (deps.autoReplyLabels !== undefined) state.autoReplyLabels = deps.autoReplyLabels;
      return state;
    },
  );
}
