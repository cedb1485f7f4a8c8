import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACK_DELAY_MS,
  AdapterStatusStore,
  type DetectionDeps,
  memoryArea,
  registerDetection,
  storeDetected,
} from '../../../src/background/detection.ts';
import type { IncomingDm } from '../../../src/core/types.ts';
import { type AdapterStatus, DETECTION_PORT } from '../../../src/messaging/detection.ts';
import { MessageRouter } from '../../../src/messaging/router.ts';
import { openDb } from '../../../src/storage/db.ts';
import { type FakePortEnd, fakeRuntime } from '../support/fake-ports.ts';

const OWN_ID = 'away-for-x';
let dbCount = 0;

function setup(now = () => 1_000, extra: Partial<DetectionDeps> = {}) {
  const db = openDb(`detection-worker-${++dbCount}`, { indexedDB, IDBKeyRange });
  const area = memoryArea();
  const statuses = new AdapterStatusStore(area, now);
  const router = new MessageRouter(OWN_ID);
  const runtime = fakeRuntime(DETECTION_PORT, OWN_ID);
  const deps: DetectionDeps = {
    db: () => db,
    statuses,
    ports: { onConnect: runtime.onConnect, ownId: OWN_ID },
    ...extra,
  };
  registerDetection(router, deps);
  const send = (type: string, payload: unknown, tabId: number | null = 7) =>
    router.dispatch({ type, payload }, { id: OWN_ID, ...(tabId === null ? {} : { tab: { id: tabId } }) });
  return { db, area, statuses, send, runtime, deps };
}

const dm: IncomingDm = {
  messageId: '2f1c9a4e-0d1b-4c56-9a55-0e8c3b1e7d10',
  threadId: '100-200',
  threadKind: 'direct',
  senderId: '',
  senderHandle: 'alice',
  senderName: 'Alice',
  text: 'Hello <img src=x onerror=alert(1)>',
  timeLabel: '10:42 AM',
  detectedAt: 5_000,
  source: 'thread',
};

/** Posts a batch the way the page does. */
function post(port: { postMessage(message: unknown): void }, batch: { seq: number; dms: unknown[] }) {
  port.postMessage(batch);
}

/** What the worker posted back on a page's port. */
function acks(port: FakePortEnd | undefined): number[] {
  const peer = port?.peer;
  return (peer?.posted ?? []).flatMap((m) => (m as { acked: number[] }).acked);
}

describe('worker: storing a detected DM', () => {
  it('stores a new DM once and says whether it was new', async () => {
    const onNewDm = vi.fn(async () => {});
    const { db, deps } = setup(undefined, { onNewDm });
    await expect(storeDetected(deps, dm)).resolves.toEqual({ stored: true });
    await expect(storeDetected(deps, { ...dm, detectedAt: 6_000 })).resolves.toEqual({ stored: false });
    const rows = await db.incoming.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject(dm);
    expect(onNewDm).toHaveBeenCalledTimes(1);
  });

  it('keeps the DM stored when the decision after it fails, and says so in the console', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { db, deps } = setup(undefined, { onNewDm: () => Promise.reject(new Error('boom')) });
    await expect(storeDetected(deps, dm)).resolves.toEqual({ stored: true });
    expect(await db.incoming.count()).toBe(1);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('deciding'), expect.any(Error));
    error.mockRestore();
  });
});

describe('worker: the detection port', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** Lets Dexie (real promises, fake IndexedDB) finish, without moving the fake clock. */
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => queueMicrotask(resolve));
    await vi.advanceTimersByTimeAsync(0);
  };
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 200 && !(await check()); i++) await settle();
  };

  it('stores every DM of a batch in order, once, and acknowledges the batches together later', async () => {
    const onNewDm = vi.fn(async (_dm: IncomingDm) => {});
    const { db, runtime } = setup(undefined, { onNewDm });
    const port = runtime.connect();
    const second = { ...dm, messageId: 'b-2', text: 'second' };
    post(port, { seq: 1, dms: [dm, second] });
    // The same batch again (a page that lost its port before the acknowledgement): stored once.
    post(port, { seq: 1, dms: [dm, second] });
    post(port, { seq: 2, dms: [{ ...dm, messageId: 'c-3', text: 'third' }] });
    await until(async () => (await db.incoming.count()) === 3);
    expect(acks(runtime.pagePorts[0])).toEqual([]);
    await vi.advanceTimersByTimeAsync(ACK_DELAY_MS);
    expect(runtime.pagePorts[0]?.peer?.posted).toEqual([{ acked: [1, 1, 2] }]);
    expect(onNewDm.mock.calls.map(([d]) => d.text)).toEqual([dm.text, 'second', 'third']);
  });

  it('refuses a malformed DM without storing it, and still stores and acknowledges the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { db, runtime } = setup();
    const port = runtime.connect();
    post(port, {
      seq: 4,
      dms: [
        { ...dm, threadId: 'not a thread' },
        { ...dm, messageId: 'ok-1' },
      ],
    });
    // Not a batch at all: refused, and there is nothing to acknowledge.
    port.postMessage({ seq: 0, dms: [dm] });
    port.postMessage('{"seq": 6, "dms": []}');
    await until(async () => (await db.incoming.count()) === 1);
    await vi.advanceTimersByTimeAsync(ACK_DELAY_MS);
    expect((await db.incoming.toArray()).map((r) => r.messageId)).toEqual(['ok-1']);
    expect(acks(runtime.pagePorts[0])).toEqual([4]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('threadId'));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('malformed detection batch'));
  });

  it('stores the sender’s X id with the DM, and takes a DM without one (an older page) as unknown', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { db, runtime } = setup();
    const port = runtime.connect();
    const { senderId: _, ...older } = { ...dm, messageId: 'old-page' };
    post(port, {
      seq: 1,
      dms: [{ ...dm, senderId: '200' }, older, { ...dm, messageId: 'bad', senderId: 'alice' }],
    });
    await until(async () => (await db.incoming.count()) === 2);
    const rows = await db.incoming.toArray();
    expect(rows.map((r) => [r.messageId, r.senderId])).toEqual([
      [dm.messageId, '200'],
      ['old-page', ''],
    ]);
  });

  it('acknowledges nothing for a batch it could not store, so the page posts it again', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { db, runtime } = setup();
    vi.spyOn(db, 'transaction').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const port = runtime.connect();
    post(port, { seq: 1, dms: [dm] });
    post(port, { seq: 2, dms: [{ ...dm, messageId: 'later' }] });
    await until(async () => (await db.incoming.count()) === 1);
    await vi.advanceTimersByTimeAsync(ACK_DELAY_MS);
    expect(acks(runtime.pagePorts[0])).toEqual([2]);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('storing'), expect.any(Error));
  });

  it('cuts off a port from another extension or a page, and ignores ports of other names', async () => {
    const { db, deps } = setup();
    const stranger = fakeRuntime(DETECTION_PORT, 'someone-else');
    const other = fakeRuntime('another-port', OWN_ID);
    const router = new MessageRouter(OWN_ID);
    registerDetection(router, { ...deps, ports: { onConnect: stranger.onConnect, ownId: OWN_ID } });
    registerDetection(router, { ...deps, ports: { onConnect: other.onConnect, ownId: OWN_ID } });
    const refused = stranger.connect();
    const ignored = other.connect();
    const cut = vi.fn();
    refused.onDisconnect.addListener(cut);
    post(refused, { seq: 1, dms: [dm] });
    post(ignored, { seq: 1, dms: [dm] });
    await settle();
    await vi.advanceTimersByTimeAsync(ACK_DELAY_MS);
    expect(cut).toHaveBeenCalledTimes(1);
    expect(await db.incoming.count()).toBe(0);
    expect(acks(other.pagePorts[0])).toEqual([]);
  });
});

const broken: AdapterStatus = {
  ok: false,
  variant: 'shadow',
  missing: ['composer'],
  url: 'https://x.com/i/chat',
};

describe('worker: adapter status', () => {
  it('keeps the latest status per tab and lists it for the popup', async () => {
    let now = 1_000;
    const { send } = setup(() => now);
    await send('adapterStatus', { ...broken, ok: true, missing: [] }, 7);
    now = 2_000;
    await send('adapterStatus', broken, 7);
    await send('adapterStatus', { ...broken, variant: 'light' }, 3);
    await expect(send('getAdapterStatuses', {})).resolves.toEqual([
      { tabId: 3, at: 2_000, status: { ...broken, variant: 'light' } },
      { tabId: 7, at: 2_000, status: broken },
    ]);
  });

  it('forgets a closed tab', async () => {
    const { send, statuses } = setup();
    await send('adapterStatus', broken, 7);
    await statuses.drop(7);
    await expect(send('getAdapterStatuses', {})).resolves.toEqual([]);
  });

  it('refuses a status that comes from no tab', async () => {
    const { send } = setup();
    await expect(send('adapterStatus', broken, null)).rejects.toThrow(/tab/);
  });

  it('ignores stored records of another shape instead of handing them to the popup', async () => {
    const { area, send } = setup();
    await area.set({ 'adapterStatus:9': { tabId: 9, status: 'broken' }, unrelated: 1 });
    await send('adapterStatus', broken, 7);
    const list = (await send('getAdapterStatuses', {})) as { tabId: number }[];
    expect(list.map((r) => r.tabId)).toEqual([7]);
  });
});
