import type { PayloadSchema } from '../define.ts';

/**
 * A few checks without a library, for the messages the content script receives (content.ts). The content
 * script is loaded into every X page, and valibot's share of it was about 0.9 kB gzipped, far more than
 * these checks need. `payloadSchema` makes a check a Standard Schema (https://standardschema.dev), as
 * valibot's schemas are, so MessageRouter takes either; the worker and the pages keep valibot. As
 * valibot's `object` does, an object keeps only the keys its check names.
 */

/** Returns what the receiver gets from a value, or throws an Issue. */
export type Check<Output> = (value: unknown) => Output;

/** Why a value was refused, and where: the keys and indexes from the payload down to it. */
class Issue {
  readonly path: PropertyKey[] = [];
  constructor(readonly message: string) {}
}

function refuse(message: string): never {
  throw new Issue(message);
}

/** The payload schema a router takes: an issue comes back as the result, anything else is thrown. */
export function payloadSchema<Output>(check: Check<Output>): PayloadSchema<Output> {
  const validate = (value: unknown) => {
    try {
      return { value: check(value) };
    } catch (error) {
      if (error instanceof Issue) return { issues: [error] };
      throw error;
    }
  };
  return { '~standard': { version: 1, vendor: 'afx', validate } };
}

interface Length {
  min?: number;
  max?: number;
}

function checkLength(length: number, { min = 0, max = Number.POSITIVE_INFINITY }: Length): void {
  if (length < min || length > max) refuse(`Expected a length from ${min} to ${max}`);
}

export function string(rules: Length & { pattern?: RegExp } = {}): Check<string> {
  return (value) => {
    if (typeof value !== 'string') return refuse('Expected a string');
    checkLength(value.length, rules);
    if (rules.pattern && !rules.pattern.test(value)) refuse(`Expected ${rules.pattern}`);
    return value;
  };
}

export function number(min = Number.NEGATIVE_INFINITY): Check<number> {
  return (value) => {
    if (typeof value !== 'number' || !(value >= min)) return refuse(`Expected a number >= ${min}`);
    return value;
  };
}

/** Runs a check on a part of the value, so that an issue says where it is. */
function at<Output>(key: PropertyKey, check: Check<Output>, value: unknown): Output {
  try {
    return check(value);
  } catch (error) {
    if (error instanceof Issue) error.path.unshift(key);
    throw error;
  }
}

export function array<Item>(item: Check<Item>, rules: Length = {}): Check<Item[]> {
  return (value) => {
    if (!Array.isArray(value)) return refuse('Expected an array');
    checkLength(value.length, rules);
    return value.map((element, index) => at(index, item, element));
  };
}

export function optional<Output>(check: Check<Output>): Check<Output | undefined> {
  return (value) => (value === undefined ? undefined : check(value));
}

export function nullable<Output>(check: Check<Output>): Check<Output | null> {
  return (value) => (value === null ? null : check(value));
}

type Entries = Record<string, Check<unknown>>;
type OutputOf<C> = C extends Check<infer Output> ? Output : never;
/** Keys whose value may be undefined are optional, as in valibot's `object`. */
type ObjectOutput<E extends Entries> = {
  [K in keyof E as undefined extends OutputOf<E[K]> ? never : K]: OutputOf<E[K]>;
} & { [K in keyof E as undefined extends OutputOf<E[K]> ? K : never]?: OutputOf<E[K]> };

export function object<E extends Entries>(
  entries: E,
): Check<{ [K in keyof ObjectOutput<E>]: ObjectOutput<E>[K] }> {
  return (value) => {
    if (typeof value !== 'object' || value === null) return refuse('Expected an object');
    const input = value as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    for (const key in entries) {
      const found = at(key, entries[key] as Check<unknown>, input[key]);
      if (found !== undefined || key in input) output[key] = found;
    }
    return output as never;
  };
}
