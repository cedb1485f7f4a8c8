import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwayDb } from '../../../src/storage/db.ts';
import { exportAll, importAll } from '../../../src/storage/transfer.ts';
import { parseExport } from '../../../src/storage/transfer-check.ts';
import { env, populatedWithExport, snapshot } from './transfer-data.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

let db: AwayDb;
let valid: string;
beforeAll(async () => {
  ({ db, valid } = await populatedWithExport());
});
afterAll(() => db.close());

/**
 * Imports `text` and checks the all-or-nothing promise: importAll resolves (never throws); when it refuses,
 * every table is as before; when it accepts, exporting gives the file's content, normalized.
 */
async function importIsAtomic(text: string): Promise<boolean> {
  const before = await snapshot(db);
  const outcome = await importAll(db, text, env);
  if (!outcome.ok) {
    expect(await snapshot(db)).toEqual(before);
    return false;
  }
  const parsed = parseExport(text);
  expect(parsed.ok).toBe(true);
  const after = await exportAll(db, env);
  expect(after.ok).toBe(true);
  if (!parsed.ok || !after.ok) return true;
  const reexported = JSON.parse(after.value);
  expect(reexported.rules).toEqual(parsed.value.rules);
  expect(reexported.templates).toEqual(parsed.value.templates);
  expect({ ...reexported.settings, defaultMode: 'suggest' }).toEqual({
    ...parsed.value.settings,
    defaultMode: 'suggest',
  });
  return true;
}

/** Every path to a value inside a JSON document, containers included. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((item, i) => paths(item, [...prefix, i])));
  if (value !== null && typeof value === 'object') {
    return here.concat(Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key])));
  }
  return here;
}

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'kind', 'body', 'handle', ''),
  fc.string({ maxLength: 12 }),
);
const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>('', 'x'.repeat(3000), -1, 1e21, 0.5, 501, '(a+)+$', '{first_name', 'away-en', null),
);

type Mutation =
  | { op: 'set'; at: number; value: Json }
  | { op: 'delete'; at: number }
  | { op: 'add'; at: number; key: string; value: Json }
  | { op: 'duplicate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: replacement }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: hostileKey, value: replacement }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
);

function mutate(doc: Json, change: Mutation): Json {
  const all = paths(doc).filter((path) => path.length > 0);
  const path = all[change.at % all.length]!;
  let parent = doc as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path.at(-1)!;
  const target = parent[last];
  if (change.op === 'set') parent[last] = change.value;
  else if (change.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (change.op === 'add' && target !== null && typeof target === 'object' && !Array.isArray(target)) {
    // defineProperty, so that a `__proto__` key becomes an own key as JSON.parse would make it.
    Object.defineProperty(target, change.key, {
      value: change.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else if (change.op === 'duplicate' && Array.isArray(parent)) parent.push(structuredClone(target as Json));
  return doc;
}

describe('import fuzzing', () => {
  it('random JSON values never throw and never change the database', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        await importIsAtomic(JSON.stringify(value));
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('random text never throws and never changes the database', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
        await importIsAtomic(text);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('mutated valid exports are either applied whole or refused without a trace', async () => {
    let applied = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (changes) => {
        const doc = changes.reduce<Json>((current, change) => mutate(current, change), JSON.parse(valid));
        if (await importIsAtomic(JSON.stringify(doc))) {
          applied++;
          // Put the original back so every run starts from the same profile.
          expect((await importAll(db, valid, env)).ok).toBe(true);
        } else {
          refused++;
        }
      }),
      { numRuns: 120 },
    );
    // Guards the generator: both branches of the property were exercised.
    expect(applied).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 60_000);
});
