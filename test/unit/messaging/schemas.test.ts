import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MessageRouter } from '../../../src/messaging/router.ts';
import { runJobSchema } from '../../../src/messaging/schemas/sending.ts';
import { insertReplySchema } from '../../../src/messaging/schemas/ui.ts';
import { runJob } from '../../../src/messaging/sending.ts';

const folder = join(import.meta.dirname, '../../../src/messaging');
/** Files of src/messaging/ that define messages, each with its schemas in schemas/<same name>. */
const topics = readdirSync(join(folder, 'schemas')).filter((name) => name.endsWith('.ts'));

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

describe('message definitions and their schemas', () => {
  it('finds the message definitions (guards against a walk that finds nothing)', async () => {
    const sending = await import(join(folder, 'sending.ts'));
    expect(definitions(sending).map((def) => def.name)).toContain('runJob');
  });

  it('every message has its receiver’s schema, `<name>Schema`, in schemas/ under the same file name', async () => {
    const missing: string[] = [];
    for (const topic of topics) {
      const defs = definitions(await import(join(folder, topic)));
      const schemas: Record<string, unknown> = await import(join(folder, 'schemas', topic));
      for (const { name } of defs) {
        const schema = schemas[`${name}Schema`] as { kind?: unknown } | undefined;
        if (schema?.kind !== 'schema') missing.push(`${topic}: ${name}Schema`);
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

  it('the router checks the payload with the schema it was given', async () => {
    const router = new MessageRouter('me').on(runJob, runJobSchema, () => ({ accepted: true }) as const);
    const job = {
      jobId: 'j1',
      threadId: '1-2',
      text: 'hi',
      chunks: ['hi'],
      keyDelaysMs: [10],
      typingStartAt: 0,
      seenOwnRows: null,
    } satisfies v.InferOutput<typeof runJobSchema>;
    await expect(router.dispatch({ type: 'runJob', payload: job }, { id: 'me' })).resolves.toEqual({
      accepted: true,
    });
    await expect(
      router.dispatch({ type: 'runJob', payload: { ...job, threadId: 'x' } }, { id: 'me' }),
    ).rejects.toThrow(/Invalid "runJob" payload at threadId/);
  });

  it('a schema that does not fit the definition does not compile', () => {
    const router = new MessageRouter('me');
    // @ts-expect-error insertReply's schema does not give runJob's payload
    router.on(runJob, insertReplySchema, () => ({ accepted: true }) as const);
    expect(v.safeParse(insertReplySchema, { text: 'hi' }).success).toBe(true);
  });
});
