import { describe, expect, it } from 'vitest';
import type { PayloadResult, PayloadSchema } from '../../../src/messaging/define.ts';
import { insertReplySchema, runJobSchema } from '../../../src/messaging/schemas/content.ts';
import * as s from '../../../src/messaging/schemas/light.ts';

/** The issue's place and message, or 'ok'. */
function verdict(result: PayloadResult<unknown> | Promise<PayloadResult<unknown>>): string {
  if (result instanceof Promise) throw new Error('light schemas answer at once');
  if (!result.issues) return 'ok';
  const [issue] = result.issues;
  return `${issue?.path?.join('.') ?? ''}: ${issue?.message}`;
}

const check = (schema: PayloadSchema<unknown>, value: unknown) =>
  verdict(schema['~standard'].validate(value));

const job = {
  jobId: 'j1',
  threadId: '1-2',
  text: 'hi',
  chunks: ['h', 'i'],
  keyDelaysMs: [10, 0],
  typingStartAt: 5,
  seenOwnRows: null,
};

describe('light schemas (what the content script receives)', () => {
  it('accept a good payload and keep only the keys they name', () => {
    expect(runJobSchema['~standard'].validate({ ...job, extra: 'x' })).toEqual({ value: job });
    expect(insertReplySchema['~standard'].validate({ text: 'a' })).toEqual({ value: { text: 'a' } });
    expect(insertReplySchema['~standard'].validate({ threadId: 'g12', text: 'a' })).toEqual({
      value: { threadId: 'g12', text: 'a' },
    });
  });

  it('refuse each broken rule of runJob, saying where', () => {
    const cases: [unknown, string][] = [
      [null, ': Expected an object'],
      [{ ...job, jobId: '' }, 'jobId: Expected a length from 1 to 100'],
      [{ ...job, jobId: 'x'.repeat(101) }, 'jobId: Expected a length from 1 to 100'],
      [{ ...job, threadId: '12' }, 'threadId: Expected /^(?:\\d+-\\d+|g\\d+)$/'],
      [{ ...job, text: undefined }, 'text: Expected a string'],
      [{ ...job, chunks: [] }, 'chunks: Expected a length from 1 to 10000'],
      [{ ...job, chunks: 'hi' }, 'chunks: Expected an array'],
      [{ ...job, keyDelaysMs: [1, -1] }, 'keyDelaysMs.1: Expected a number >= 0'],
      [{ ...job, keyDelaysMs: [Number.NaN] }, 'keyDelaysMs.0: Expected a number >= 0'],
      [{ ...job, typingStartAt: '5' }, 'typingStartAt: Expected a number >= -Infinity'],
      [{ ...job, seenOwnRows: undefined }, 'seenOwnRows: Expected an array'],
      [{ ...job, seenOwnRows: ['x'.repeat(201)] }, 'seenOwnRows.0: Expected a length from 0 to 200'],
    ];
    for (const [payload, expected] of cases) expect(check(runJobSchema, payload)).toBe(expected);
    expect(check(runJobSchema, { ...job, seenOwnRows: ['a', 'b'] })).toBe('ok');
  });

  it('refuse a broken insertReply, and take one without a thread', () => {
    expect(check(insertReplySchema, { text: '' })).toBe('text: Expected a length from 1 to 10000');
    expect(check(insertReplySchema, { text: 'x'.repeat(10_001) })).toBe(
      'text: Expected a length from 1 to 10000',
    );
    expect(check(insertReplySchema, { threadId: null, text: 'a' })).toBe('threadId: Expected a string');
    expect(check(insertReplySchema, { threadId: undefined, text: 'a' })).toBe('ok');
  });

  it('an empty object schema takes any object (the empty payloads)', () => {
    const empty = s.payloadSchema(s.object({}));
    expect(empty['~standard'].validate({ any: 1 })).toEqual({ value: {} });
    expect(check(empty, 'x')).toBe(': Expected an object');
  });

  it('errors that are not issues are not swallowed', () => {
    const boom = s.payloadSchema(s.array(s.string()));
    const value = new Proxy([], {
      get() {
        throw new Error('boom');
      },
    });
    expect(() => boom['~standard'].validate(value)).toThrow('boom');
  });
});
