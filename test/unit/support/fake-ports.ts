import type { DetectionPort } from '../../../src/background/detection.ts';
import type { ReportPort } from '../../../src/content/report-port.ts';

/**
 * An in-memory `runtime.connect` pair as the browsers behave: messages arrive later (a microtask) as a
 * copy, `disconnect()` on one end fires onDisconnect on the other end only, and posting on a broken port
 * throws. `stopWorker()` breaks every open port the way a stopped MV3 worker does.
 */
type Listener<T> = (value: T) => void;

class End {
  readonly messages: Listener<unknown>[] = [];
  readonly disconnects: Listener<void>[] = [];
  peer: End | null = null;
  open = true;
  /** Every message posted from this end, for assertions. */
  readonly posted: unknown[] = [];

  constructor(
    readonly name: string,
    readonly sender?: { id?: string },
  ) {}

  readonly onMessage = { addListener: (listener: Listener<unknown>) => this.messages.push(listener) };
  readonly onDisconnect = { addListener: (listener: Listener<void>) => this.disconnects.push(listener) };

  postMessage(message: unknown): void {
    if (!this.open) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(message);
    const peer = this.peer;
    const copy = structuredClone(message);
    queueMicrotask(() => {
      if (peer?.open) for (const listener of peer.messages) listener(copy);
    });
  }

  disconnect(): void {
    if (!this.open) return;
    this.open = false;
    const peer = this.peer;
    // The other end learns it later: until then its posts are lost without an error, as in browsers.
    queueMicrotask(() => {
      if (!peer?.open) return;
      peer.open = false;
      for (const listener of peer.disconnects) listener();
    });
  }
}

export interface FakeRuntime {
  /** The page's `runtime.connect`. */
  connect(): ReportPort;
  /** The worker's `runtime.onConnect`. */
  onConnect: { addListener(listener: (port: DetectionPort) => void): void };
  /** Page ends of every connection made, oldest first. */
  pagePorts: End[];
  /** Breaks every open connection (the worker was stopped); the next connect starts it again. */
  stopWorker(): void;
  /** While true, the worker takes no connection: each one breaks at once, as with no listener. */
  refusing: boolean;
}

export function fakeRuntime(name: string, senderId: string): FakeRuntime {
  const listeners: ((port: DetectionPort) => void)[] = [];
  const workerEnds: End[] = [];
  const runtime: FakeRuntime = {
    pagePorts: [],
    refusing: false,
    onConnect: { addListener: (listener) => listeners.push(listener) },
    connect() {
      const page = new End(name);
      const worker = new End(name, { id: senderId });
      page.peer = worker;
      worker.peer = page;
      runtime.pagePorts.push(page);
      if (runtime.refusing) worker.disconnect();
      else {
        workerEnds.push(worker);
        for (const listener of listeners) listener(worker as unknown as DetectionPort);
      }
      return page;
    },
    stopWorker() {
      for (const end of workerEnds.splice(0)) end.disconnect();
    },
  };
  return runtime;
}

export type { End as FakePortEnd };
