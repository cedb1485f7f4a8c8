import { describe, expect, it } from 'vitest';
import { type Detection, measureLatency, type Received, type SentDm } from '../../../bench/latency.ts';

const clock = { timeOrigin: 1_000_000, skewMs: 0.5 };
// Page time t (performance.now) is epoch 1,000,000 + t + 0.5.
const epoch = (t: number) => 1_000_000.5 + t;

const sent: SentDm[] = [
  { id: 'u1', thread: '1-2', text: 'hello', open: true, doneAt: 12 },
  { id: 'u2', thread: '1-3', text: 'inbox one', open: false, doneAt: 30 },
  { id: 'u3', thread: '1-2', text: 'again', open: true, doneAt: 52 },
];
const received: Received[] = [
  { id: 'u1', thread: '1-2', receivedAt: 10, renderedAt: 11, inboxRenderedAt: 10.5 },
  { id: 'u2', thread: '1-3', receivedAt: 20, renderedAt: null, inboxRenderedAt: 22 },
  { id: 'u3', thread: '1-2', receivedAt: 50, renderedAt: 51, inboxRenderedAt: 50.5 },
  { id: 'warm', thread: '1-2', receivedAt: 1, renderedAt: 2, inboxRenderedAt: 1.5 },
];

describe('detection latency', () => {
  it('times rows by uuid and inbox previews by thread and text, from render and from the task end', () => {
    const detections: Detection[] = [
      { messageId: 'u1', threadId: '1-2', text: 'hello', at: epoch(13) },
      { messageId: null, threadId: '1-3', text: 'inbox one', at: epoch(31) },
      // A later sighting of the same row does not count: the first one does.
      { messageId: 'u1', threadId: '1-2', text: 'hello', at: epoch(400) },
    ];
    const report = measureLatency(sent, received, detections, clock);
    expect(report.render.count).toBe(3);
    expect(report.render.max).toBeCloseTo(2); // 22 − 20
    expect(report.detection.count).toBe(2);
    expect(report.detection.p50).toBeCloseTo(2); // 13 − 11
    expect(report.detection.max).toBeCloseTo(9); // 31 − 22
    expect(report.afterTask.max).toBeCloseTo(1); // 31 − 30 and 13 − 12
    expect(report.missed).toBe(1); // u3
  });

  it('an inbox sighting with other text is not this DM', () => {
    const detections: Detection[] = [{ messageId: null, threadId: '1-3', text: 'other', at: epoch(31) }];
    expect(measureLatency([sent[1] as SentDm], received, detections, clock).missed).toBe(1);
  });

  it('refuses a DM the fake never recorded', () => {
    const ghost: SentDm = { id: 'nope', thread: '1-2', text: 'x', open: true, doneAt: 1 };
    expect(() => measureLatency([ghost], received, [], clock)).toThrow(/no record/);
  });
});
