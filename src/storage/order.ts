import { fail, type Outcome } from './problems.ts';

/**
 * Checks that `ids` is a permutation of `existing`: a reorder from a stale options page (an item added or
 * removed in another tab meanwhile) is refused rather than half applied.
 */
export function checkPermutation(ids: readonly string[], existing: readonly string[]): Outcome {
  const known = new Set(existing);
  const seen = new Set<string>();
  for (const [index, id] of ids.entries()) {
    if (!known.has(id)) return fail('notFound', `/${index}`);
    if (seen.has(id)) return fail('duplicateId', `/${index}`);
    seen.add(id);
  }
  if (seen.size !== known.size) return fail('missingKey', '');
  return { ok: true, value: undefined };
}
