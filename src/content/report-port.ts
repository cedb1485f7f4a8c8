import type { IncomingDm } from '../core/types.ts';
import { type DmBatch, MAX_BATCH, readDmAck } from '../messaging/detection.ts';
import type { OwnMessageReport } from '../messaging/own-message.ts';
import { isContextGone, RETRY_DELAYS_MS } from './deliver.ts';
import type { Timers } from './timers.ts';

/** The part of `runtime.Port` the reporter uses. */
export interface ReportPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface DmReporterDeps {
  /** Opens a port to the worker (waking it); throws when the extension context is gone. */
  connect(): ReportPort;
  timers: Timers;
  now(): number;
  /** The extension was updated or removed: nothing can be delivered any more. */
  onGone(): void;
}

/** A batch the worker has not acknowledged after this long is posted again (the worker acks within ~1 s). */
export const ACK_TIMEOUT_MS = 10_000;

/**
 * Posts are at least this far apart, so a burst of DMs (X delivering a backlog, a busy group) goes out in
 * a few posts: each one costs the page's main thread ~0.2 ms in Chrome whatever it carries. A DM after a
 * quiet second still goes out at the end of the task that showed it. Waiting costs replies nothing: they
 * are planned from the DM's `detectedAt`, and their human-like delays are seconds long.
 */
export const MIN_POST_GAP_MS = 1000;

interface Posted {
  batch: DmBatch;
  postedAt: number;
}

/**
 * Delivers detected DMs to the worker through one long-lived port, opened lazily at the first report and
 * again at the next one after the worker went away (MV3 workers and event pages stop when idle). Reports
 * made in the same task go out as one post. Nothing is dropped: every batch stays here until the worker
 * acknowledges it, and is posted again on a new port when the old one broke first, or when no
 * acknowledgement came in time; the worker stores each DM once, so a batch seen twice does no harm.
 */
export class DmReporter {
  #port: ReportPort | null = null;
  #queue: (IncomingDm | OwnMessageReport)[] = [];
  #flushQueued = false;
  #flushTimer: unknown = null;
  #lastPostAt = Number.NEGATIVE_INFINITY;
  readonly #unacked = new Map<number, Posted>();
  #seq = 0;
  /** Connections in a row that broke before any acknowledgement: sets the wait before the next one. */
  #failures = 0;
  #retry: unknown = null;
  #watchdog: unknown = null;
  #stopped = false;

  constructor(
    private readonly deps: DmReporterDeps,
    signal?: AbortSignal,
  ) {
    signal?.addEventListener('abort', () => this.#stop(), { once: true });
  }

  report(dm: IncomingDm | OwnMessageReport): void {
    if (this.#stopped) return;
    this.#queue.push(dm);
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    const wait = this.#lastPostAt + MIN_POST_GAP_MS - this.deps.now();
    // After the current observer callback (and any other in this microtask checkpoint): one post for all.
    if (wait <= 0) queueMicrotask(() => this.#flush());
    else this.#flushTimer = this.deps.timers.setTimeout(() => this.#flush(), wait);
  }

  /** Posts what waits at once: the page is going away (pagehide), a timer would never fire. */
  flushNow(): void {
    if (this.#flushQueued) this.#flush();
  }

  /** DMs handed over but not acknowledged by the worker yet (for tests and diagnostics). */
  get unacknowledged(): number {
    let count = 0;
    for (const { batch } of this.#unacked.values()) count += batch.dms.length;
    return count + this.#queue.length;
  }

  #flush(): void {
    if (!this.#flushQueued) return;
    this.#flushQueued = false;
    if (this.#flushTimer !== null) this.deps.timers.clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    if (this.#stopped) return;
    this.#lastPostAt = this.deps.now();
    while (this.#queue.length > 0) {
      const batch: DmBatch = { seq: ++this.#seq, dms: this.#queue.splice(0, MAX_BATCH) };
      this.#unacked.set(batch.seq, { batch, postedAt: this.deps.now() });
      if (this.#port) this.#post(this.#port, batch);
    }
    // No port (first report, or the worker went away): open one now; it posts everything unacknowledged.
    if (!this.#port && this.#retry === null) this.#connect();
    this.#armWatchdog();
  }

  #post(port: ReportPort, batch: DmBatch): void {
    try {
      port.postMessage(batch);
    } catch {
      // The port broke before its disconnect event came: the batch is still unacknowledged.
      this.#lose(port);
    }
  }

  #connect(): void {
    if (this.#stopped || this.#port) return;
    let port: ReportPort;
    try {
      port = this.deps.connect();
    } catch (error) {
      if (isContextGone(error)) {
        this.#stop();
        this.deps.onGone();
      } else this.#scheduleReconnect();
      return;
    }
    this.#port = port;
    port.onMessage.addListener((message) => this.#onAck(message));
    port.onDisconnect.addListener(() => this.#lose(port));
    const now = this.deps.now();
    // Map order is insertion order, i.e. sequence order: the worker sees DMs in the order they came.
    for (const posted of this.#unacked.values()) {
      if (this.#port !== port) break;
      posted.postedAt = now;
      this.#post(port, posted.batch);
    }
    this.#armWatchdog();
  }

  #onAck(message: unknown): void {
    const acked = readDmAck(message);
    if (!acked) return;
    for (const seq of acked) this.#unacked.delete(seq);
    this.#failures = 0;
  }

  /** The port broke: forget it, and reconnect soon only if something still waits for the worker. */
  #lose(port: ReportPort): void {
    if (this.#port !== port) return;
    this.#port = null;
    if (this.#unacked.size > 0) this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#stopped || this.#retry !== null) return;
    const delay = RETRY_DELAYS_MS[this.#failures];
    if (delay === undefined) {
      // The worker keeps refusing: wait for the next report to try again, rather than retry forever.
      this.#failures = 0;
      console.warn(`Away for X: ${this.unacknowledged} detected DMs wait for the extension to answer`);
      return;
    }
    this.#failures += 1;
    this.#retry = this.deps.timers.setTimeout(() => {
      this.#retry = null;
      this.#connect();
    }, delay);
  }

  /** While batches wait for an acknowledgement, checks now and then that they are not stuck. */
  #armWatchdog(): void {
    if (this.#watchdog !== null || this.#unacked.size === 0 || this.#stopped) return;
    this.#watchdog = this.deps.timers.setTimeout(() => {
      this.#watchdog = null;
      const oldest = this.#unacked.values().next().value;
      const port = this.#port;
      if (oldest && port && this.deps.now() - oldest.postedAt >= ACK_TIMEOUT_MS) {
        // The worker took them but never finished (a storage error, or it died quietly): start over.
        port.disconnect();
        this.#lose(port);
      }
      // Without a port nothing can be stuck in the worker: the next connection arms it again.
      if (this.#port) this.#armWatchdog();
    }, ACK_TIMEOUT_MS);
  }

  #stop(): void {
    this.#stopped = true;
    if (this.#flushTimer !== null) this.deps.timers.clearTimeout(this.#flushTimer);
    if (this.#retry !== null) this.deps.timers.clearTimeout(this.#retry);
    if (this.#watchdog !== null) this.deps.timers.clearTimeout(this.#watchdog);
    this.#retry = null;
    this.#watchdog = null;
    const port = this.#port;
    this.#port = null;
    port?.disconnect();
  }
}
