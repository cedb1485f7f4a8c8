import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PayloadOf } from '../../../src/messaging/define.ts';
import { MessageRouter } from '../../../src/messaging/router.ts';
import { insertReplySchema, runJobSchema } from '../../../src/messaging/schemas/content.ts';
import { setAwaySchema } from '../../../src/messaging/schemas/ui.ts';
import { runJob } from '../../../src/messaging/sending.ts';
import { setAway } from '../../../src/messaging/ui.ts';

const folder = join(import.meta.dirname, '../../../src/messaging');
/** Files of src/messaging/ that define messages. */
const topics = readdirSync(folder).filter(
  (name) => name.endsWith('.ts') && readFileSync(join(folder, name), 'utf8').includes('defineMessage<'),
);
const schemaFiles = readdirSync(join(folder, 'schemas')).filter((name) => name.endsWith('.ts'));

/** The message definitions a module exports: objects that carry only a name. */
function definitions(module: Record<string, unknown>): { name: string }[] {
  return Object.values(module).filter(
    (value): value is { name: string } =>
      typeof value === 'object' &&
      value !== null &&
      Object.keys(value).join() === 'name' &&
      typeof (value as { name: unknown }).name === 'string',
  );
}

async function allSchemas(): Promise<Record<string, unknown>> {
  const found: Record<string, unknown> = {};
  for (const file of schemaFiles) Object.assign(found, await import(join(folder, 'schemas', file)));
  return found;
}

const job = {
  jobId: 'j1',
  threadId: '1-2',
  text: 'hi',
  chunks: ['hi'],
  keyDelaysMs: [10],
  typingStartAt: 0,
  seenOwnRows: null,
} satisfies PayloadOf<typeof runJobSchema>;

describe('message definitions and their schemas', () => {
  it('finds the message definitions (guards against a walk that finds nothing)', async () => {
    expect(topics).toEqual(expect.arrayContaining(['sending.ts', 'ui.ts', 'viewer.ts']));
    const sending = await import(join(folder, 'sending.ts'));
    expect(definitions(sending).map((def) => def.name)).toContain('runJob');
  });

  it('every message has its receiver’s schema, `<name>Schema`, in schemas/', async () => {
    const schemas = await allSchemas();
    const missing: string[] = [];
    for (const topic of topics) {
      for (const { name } of definitions(await import(join(folder, topic)))) {
        const schema = schemas[`${name}Schema`] as { '~standard'?: { validate?: unknown } } | undefined;
        if (typeof schema?.['~standard']?.validate !== 'function') missing.push(`${topic}: ${name}Schema`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('a definition carries no schema, so a sender loads none', async () => {
    for (const topic of topics) {
      for (const value of Object.values(await import(join(folder, topic)))) {
        const keys = typeof value === 'object' && value !== null ? Object.keys(value) : [];
        expect(keys, topic).not.toContain('schema');
      }
    }
  });

  it('the router checks the payload with the schema it was given: light (content script)', async () => {
    const router = new MessageRouter('me').on(runJob, runJobSchema, () => ({ accepted: true }) as const);
    await expect(router.dispatch({ type: 'runJob', payload: job }, { id: 'me' })).resolves.toEqual({
      accepted: true,
    });
    await expect(
      router.dispatch({ type: 'runJob', payload: { ...job, chunks: ['a', 3] } }, { id: 'me' }),
    ).rejects.toThrow('Invalid "runJob" payload at chunks.1: Expected a string');
  });

  it('the router checks the payload with the schema it was given: valibot (worker)', async () => {
    const router = new MessageRouter('me').on(setAway, setAwaySchema, ({ until }) => ({
      schedule: { until } as never,
    }));
    await expect(
      router.dispatch({ type: 'setAway', payload: { enabled: true, until: 5 } }, { id: 'me' }),
    ).resolves.toEqual({ schedule: { until: 5 } });
    await expect(
      router.dispatch({ type: 'setAway', payload: { enabled: true, until: -1 } }, { id: 'me' }),
    ).rejects.toThrow(/^Invalid "setAway" payload at until: /);
  });

  it('a schema that does not fit the definition does not compile', () => {
    const router = new MessageRouter('me');
    // @ts-expect-error insertReply's schema does not give runJob's payload
    router.on(runJob, insertReplySchema, () => ({ accepted: true }) as const);
    expect(router.dispatch({ type: 'other', payload: {} }, { id: 'me' })).toBeUndefined();
  });
});
