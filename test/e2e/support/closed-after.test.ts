import { describe, expect, it } from 'vitest';
import { closedAfter } from './closed-after.ts';

// The e2e files hand their sessions and browsers to `closedAfter`: a leak here would leave browsers
// running between tests. The tests of a file run in order, so the second sees what the first left.

const closed: string[] = [];
const keep = closedAfter<{ close(): Promise<void> }>();
const opened = (name: string) => ({
  close: async () => {
    closed.push(name);
  },
});

describe('closedAfter', () => {
  it('returns what it keeps and closes nothing during the test', () => {
    const first = opened('first');
    expect(keep(first)).toBe(first);
    keep(opened('second'));
    expect(closed).toEqual([]);
  });

  it('closed it after that test, in the order it was opened, once', () => {
    expect(closed).toEqual(['first', 'second']);
  });

  it('has nothing left to close after a test that kept nothing', () => {
    expect(closed).toEqual(['first', 'second']);
  });
});
