import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RETRY_DELAYS_MS } from '../../../src/content/deliver.ts';
import {
  ACK_TIMEOUT_MS,
  DmReporter,
  MIN_POST_GAP_MS,
  type ReportPort,
} from '../../../src/content/report-port.ts';
import { realTimers } from '../../../src/content/timers.ts';
import type { IncomingDm } from '../../../src/core/types.ts';
import { DETECTION_PORT, type DmBatch, MAX_BATCH } from '../../../src/messaging/detection.ts';
import { type FakePortEnd, fakeRuntime } from '../support/fake-ports.ts';

const dm = (n: number): IncomingDm => ({
  messageId: `m-${n}`,
  threadId: '1-2',
  threadKind: 'direct',
  senderId: '',
  senderHandle: 'alice',
  senderName: 'Alice',
  text: `message ${n}`,
  timeLabel: 'now',
  detectedAt: n,
  source: 'thread',
});

/** A page-side reporter on a fake runtime whose worker end records batches and acks only when told. */
function setup() {
  const runtime = fakeRuntime(DETECTION_PORT, 'own');
  const received: DmBatch[] = [];
  const workerPorts: { postMessage(m: unknown): void }[] = [];
  runtime.onConnect.addListener((port) => {
    workerPorts.push(port);
    port.onMessage.addListener((message) => received.push(message as DmBatch));
  });
  const connect = vi.fn(() => runtime.connect());
  const onGone = vi.fn();
  const controller = new AbortController();
  const reporter = new DmReporter(
    { connect, timers: realTimers, now: () => Date.now(), onGone },
    controller.signal,
  );
  /** The worker's last port acknowledges these batches. */
  const ack = (...seqs: number[]) => workerPorts.at(-1)?.postMessage({ acked: seqs });
  const texts = () => received.map((batch) => batch.dms.map((d) => d.text));
  return { runtime, received, reporter, connect, onGone, controller, ack, texts };
}

const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);
const pagePort = (ports: FakePortEnd[], i: number) => ports[i] as unknown as ReportPort;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('reporting DMs on one port', () => {
  it('opens the port at the first report, and posts reports of one task together', async () => {
    const { reporter, connect, received, texts } = setup();
    expect(connect).not.toHaveBeenCalled();
    reporter.report(dm(1));
    reporter.report(dm(2));
    await tick();
    expect(connect).toHaveBeenCalledTimes(1);
    expect(received.map((b) => b.seq)).toEqual([1]);
    expect(texts()).toEqual([['message 1', 'message 2']]);
  });

  it('keeps posts apart: a burst goes out in few posts, on the same port, none lost', async () => {
    const { reporter, connect, texts } = setup();
    for (let i = 1; i <= 12; i++) {
      reporter.report(dm(i));
      await tick(50);
    }
    await tick(MIN_POST_GAP_MS);
    const posts = texts();
    expect(posts.flat()).toEqual(Array.from({ length: 12 }, (_, i) => `message ${i + 1}`));
    expect(posts.length).toBeLessThanOrEqual(Math.ceil((12 * 50) / MIN_POST_GAP_MS) + 1);
    expect(posts[0]).toEqual(['message 1']);
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('posts what waits at once when the page goes away', async () => {
    const { reporter, received } = setup();
    reporter.report(dm(1));
    await tick();
    reporter.report(dm(2));
    reporter.flushNow();
    await tick();
    expect(received.map((b) => b.dms.map((d) => d.messageId))).toEqual([['m-1'], ['m-2']]);
  });

  it('ignores a message on the port that is not an acknowledgement', async () => {
    const { reporter, runtime } = setup();
    reporter.report(dm(1));
    await tick();
    const workerEnd = runtime.pagePorts[0]?.peer;
    for (const junk of [null, 'ack', { acked: 'all' }, { acked: [1.5] }]) workerEnd?.postMessage(junk);
    await tick();
    expect(reporter.unacknowledged).toBe(1);
    workerEnd?.postMessage({ acked: [1] });
    await tick();
    expect(reporter.unacknowledged).toBe(0);
  });

  it('splits a very large burst into batches the worker accepts', async () => {
    const { reporter, received } = setup();
    for (let i = 0; i < MAX_BATCH + 5; i++) reporter.report(dm(i));
    await tick();
    expect(received.map((b) => b.dms.length)).toEqual([MAX_BATCH, 5]);
    expect(received.map((b) => b.seq)).toEqual([1, 2]);
  });
});

describe('when the worker goes away', () => {
  it('after everything was acknowledged: reconnects only at the next report', async () => {
    const { runtime, reporter, connect, ack, texts } = setup();
    reporter.report(dm(1));
    await tick();
    ack(1);
    await tick();
    runtime.stopWorker();
    await tick(60_000);
    expect(connect).toHaveBeenCalledTimes(1);
    reporter.report(dm(2));
    await tick();
    expect(connect).toHaveBeenCalledTimes(2);
    expect(texts()).toEqual([['message 1'], ['message 2']]);
    expect(reporter.unacknowledged).toBe(1);
  });

  it('posts unacknowledged batches again on a new port, in order, and not the acknowledged ones', async () => {
    const { runtime, reporter, ack, received } = setup();
    reporter.report(dm(1));
    await tick(MIN_POST_GAP_MS);
    reporter.report(dm(2));
    await tick(MIN_POST_GAP_MS);
    reporter.report(dm(3));
    await tick();
    ack(1);
    await tick();
    runtime.stopWorker();
    await tick(RETRY_DELAYS_MS[0]);
    expect(received.map((b) => b.seq)).toEqual([1, 2, 3, 2, 3]);
    ack(2, 3);
    await tick();
    expect(reporter.unacknowledged).toBe(0);
  });

  it('a batch posted while the worker was stopping reaches the next worker', async () => {
    const { runtime, reporter, received } = setup();
    reporter.report(dm(1));
    await tick();
    // Stopped before it read the batch: the post is lost on the way, the page still has it.
    runtime.stopWorker();
    reporter.report(dm(2));
    await tick(MIN_POST_GAP_MS + RETRY_DELAYS_MS[0]);
    expect(received.map((b) => b.dms.map((d) => d.messageId))).toEqual([['m-1'], ['m-1'], ['m-2']]);
  });

  it('posting on a port that broke before its disconnect event arrived loses nothing', async () => {
    const { runtime, reporter, received } = setup();
    reporter.report(dm(1));
    await tick();
    vi.spyOn(pagePort(runtime.pagePorts, 0), 'postMessage').mockImplementation(() => {
      throw new Error('Attempting to use a disconnected port object');
    });
    reporter.report(dm(2));
    await tick(MIN_POST_GAP_MS + RETRY_DELAYS_MS[0]);
    expect(received.map((b) => b.seq)).toEqual([1, 1, 2]);
  });

  it('a worker that refuses connections: retries with backoff, then waits for the next report', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { runtime, reporter, connect, received, texts } = setup();
    runtime.refusing = true;
    reporter.report(dm(1));
    await tick(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0));
    expect(connect).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('1 detected DMs'));
    await tick(60_000);
    expect(connect).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
    runtime.refusing = false;
    reporter.report(dm(2));
    await tick();
    expect(received).toHaveLength(2);
    expect(texts()).toEqual([['message 1'], ['message 2']]);
  });

  it('no acknowledgement in time: starts over on a new port', async () => {
    const { runtime, reporter, received } = setup();
    reporter.report(dm(1));
    await tick(ACK_TIMEOUT_MS);
    expect(runtime.pagePorts[0]?.open).toBe(false);
    await tick(RETRY_DELAYS_MS[0]);
    expect(received.map((b) => b.seq)).toEqual([1, 1]);
  });

  it('stops for good when the extension context is gone', async () => {
    const { runtime, reporter, connect, onGone } = setup();
    reporter.report(dm(1));
    await tick();
    runtime.stopWorker();
    connect.mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    await tick(RETRY_DELAYS_MS[0]);
    expect(onGone).toHaveBeenCalledTimes(1);
    reporter.report(dm(2));
    await tick(60_000);
    expect(connect).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('releases the port and its timers when detection stops', async () => {
    const { runtime, reporter, controller } = setup();
    reporter.report(dm(1));
    await tick();
    controller.abort();
    expect(runtime.pagePorts[0]?.open).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
