import { type Distribution, distribution } from './stats.ts';

/** What the fake recorded for one `fakeX.receive`, in the page's `performance.now()` clock. */
export interface Received {
  id: string;
  thread: string;
  receivedAt: number;
  renderedAt: number | null;
  inboxRenderedAt: number | null;
}

/** One DM of the bench's plan: which thread, what text, and where it should show up. */
export interface PlannedDm {
  thread: string;
  text: string;
  /** True when the thread is open: the message row is the sighting; otherwise the inbox row. */
  open: boolean;
}

/** A planned DM once sent: the uuid `fakeX.receive` gave it, and when the page's work for it ended. */
export interface SentDm extends PlannedDm {
  id: string;
  /** Page `performance.now()` right after `receive` returned: the page's render task is over. */
  doneAt: number;
}

/** One sighting by a detector: a message row (by uuid) or an inbox preview (by thread and text). */
export interface Detection {
  messageId: string | null;
  threadId: string;
  text: string;
  /** Epoch ms. */
  at: number;
}

/** `performance.now()` of the page → epoch ms: timeOrigin plus the drift of Date.now measured in the page. */
export interface PageClock {
  timeOrigin: number;
  /** Date.now() − (timeOrigin + performance.now()), measured once in the page. */
  skewMs: number;
}

export const toEpoch = (clock: PageClock, perfMs: number): number => clock.timeOrigin + perfMs + clock.skewMs;

export interface LatencyReport {
  /** From `receive` to the row (or inbox row) in the DOM: the page's own render time. */
  render: Distribution;
  /** From the row in the DOM to the detector's sighting. */
  detection: Distribution;
  /**
   * From the end of the page's task to the sighting. An observer runs only once the page's task is over,
   * so when the page keeps working after inserting the row (re-sorting the inbox) that wait is the page's.
   */
  afterTask: Distribution;
  /** Planned DMs the detector never reported. */
  missed: number;
}

/**
 * Pairs each sent DM with the fake's record of it and with the detector's sighting of it, and measures both
 * gaps. A DM whose row never rendered is left out of both (the fake trims and re-sorts, the bench does not).
 */
export function measureLatency(
  sent: readonly SentDm[],
  received: readonly Received[],
  detections: readonly Detection[],
  clock: PageClock,
): LatencyReport {
  const byId = new Map<string, Detection>();
  const byPreview = new Map<string, Detection>();
  for (const d of detections) {
    if (d.messageId !== null) keepEarliest(byId, d.messageId, d);
    keepEarliest(byPreview, `${d.threadId}\n${d.text}`, d);
  }
  const render: number[] = [];
  const detection: number[] = [];
  const afterTask: number[] = [];
  let missed = 0;
  const records = new Map(received.map((r) => [r.id, r]));
  for (const dm of sent) {
    const record = records.get(dm.id);
    if (!record) throw new Error(`The fake has no record of DM ${dm.id}`);
    const shown = dm.open ? record.renderedAt : record.inboxRenderedAt;
    if (shown === null) continue;
    render.push(shown - record.receivedAt);
    const seen = dm.open ? byId.get(record.id) : byPreview.get(`${dm.thread}\n${dm.text}`);
    if (!seen) {
      missed += 1;
      continue;
    }
    detection.push(seen.at - toEpoch(clock, shown));
    afterTask.push(seen.at - toEpoch(clock, dm.doneAt));
  }
  return {
    render: distribution(render),
    detection: distribution(detection),
    afterTask: distribution(afterTask),
    missed,
  };
}

function keepEarliest(map: Map<string, Detection>, key: string, d: Detection): void {
  const seen = map.get(key);
  if (!seen || d.at < seen.at) map.set(key, d);
}
