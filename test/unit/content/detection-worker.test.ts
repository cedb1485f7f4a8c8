import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AdapterStatusStore, memoryArea, registerDetection } from '../../../src/background/detection.ts';
import type { IncomingDm } from '../../../src/core/types.ts';
import type { AdapterStatus } from '../../../src/messaging/detection.ts';
import { MessageRouter } from '../../../src/messaging/router.ts';
import { openDb } from '../../../src/storage/db.ts';

const OWN_ID = 'away-for-x';
let dbCount = 0;

function setup(now = () => 1_000) {
  const db = openDb(`detection-worker-${++dbCount}`, { indexedDB, IDBKeyRange });
  const area = memoryArea();
  const statuses = new AdapterStatusStore(area, now);
  const router = new MessageRouter(OWN_ID);
  registerDetection(router, { db: () => db, statuses });
  const send = (type: string, payload: unknown, tabId: number | null = 7) =>
    router.dispatch({ type, payload }, { id: OWN_ID, ...(tabId === null ? {} : { tab: { id: tabId } }) });
  return { db, area, statuses, send };
}

const dm: IncomingDm = {
  messageId: '2f1c9a4e-0d1b-4c56-9a55-0e8c3b1e7d10',
  threadId: '100-200',
  threadKind: 'direct',
  senderHandle: 'alice',
  senderName: 'Alice',
  text: 'Hello <img src=x onerror=alert(1)>',
  timeLabel: '10:42 AM',
  detectedAt: 5_000,
  source: 'thread',
};

const broken: AdapterStatus = {
  ok: false,
  variant: 'shadow',
  missing: ['composer'],
  url: 'https://x.com/i/chat',
};

describe('worker: dmDetected', () => {
  it('stores a new DM once and says whether it was new', async () => {
    const { db, send } = setup();
    await expect(send('dmDetected', dm)).resolves.toEqual({ stored: true });
    await expect(send('dmDetected', { ...dm, detectedAt: 6_000 })).resolves.toEqual({ stored: false });
    const rows = await db.incoming.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject(dm);
  });

  it('refuses a malformed DM without storing anything', async () => {
    const { db, send } = setup();
    await expect(send('dmDetected', { ...dm, threadId: 'not a thread' })).rejects.toThrow(/threadId/);
    expect(await db.incoming.count()).toBe(0);
  });
});

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
