import { useEffect } from 'preact/hooks';
import type { Rule } from '../core/types.ts';
import { uiDb } from '../shared/db.ts';
import { listRules } from '../storage/rules.ts';
import { useLive } from '../ui/live.ts';

/**
 * Follows the stored rules, so the status sentence can say whether replies are suggested or sent by
 * themselves (that is each rule's mode). Part of the second chunk: Dexie is not in the first. Renders nothing.
 */
export function RulesFeed({ onRules }: { onRules: (rules: Rule[]) => void }) {
  const live = useLive(() => listRules(uiDb()));
  const rules = live.value.state === 'ready' ? live.value.value : null;
  useEffect(() => {
    if (rules) onRules(rules);
  }, [rules]);
  return null;
}
