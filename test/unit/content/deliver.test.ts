import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deliver, RETRY_DELAYS_MS } from '../../../src/content/deliver.ts';
import { realTimers } from '../../../src/content/timers.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('delivering a report to the worker', () => {
  it('retries while the worker is unreachable, then returns its answer', async () => {
    const send = vi
      .fn<() => Promise<{ stored: boolean }>>()
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce({ stored: true });
    const onGone = vi.fn();
    const result = deliver(send, { timers: realTimers, onGone, what: 'a DM' });
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]);
    await expect(result).resolves.toEqual({ stored: true });
    expect(send).toHaveBeenCalledTimes(2);
    expect(onGone).not.toHaveBeenCalled();
  });

  it('gives up after the last retry and says so in the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const send = vi.fn(() => Promise.reject(new Error('worker busy')));
    const result = deliver(send, { timers: realTimers, onGone: () => {}, what: 'a DM' });
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0));
    await expect(result).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('a DM'), expect.any(Error));
  });

  it('stops at once when the extension context is gone (updated or removed)', async () => {
    const onGone = vi.fn();
    const send = vi.fn(() => Promise.reject(new Error('Extension context invalidated.')));
    await expect(deliver(send, { timers: realTimers, onGone, what: 'a DM' })).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledTimes(1);
    expect(onGone).toHaveBeenCalledTimes(1);
  });
});
