import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACK_DELAY_MS,
  AdapterStatusStore,
  memoryArea,
  registerDetection,
} from '../../../src/background/detection.ts';
import { DETECTION_PORT } from '../../../src/messaging/detection.ts';
import type { OwnMessageReport } from '../../../src/messaging/own-message.ts';
import { MessageRouter } from '../../../src/messaging/router.ts';
import { openDb } from '../../../src/storage/db.ts';
import { fakeRuntime } from '../support/fake-ports.ts';

const OWN_ID = 'away-for-x';
let count = 0;

const mine: OwnMessageReport = {
  kind: 'own',
  threadId: '100-200',
  messageId: 'm-1',
  text: 'typed on my phone',
  detectedAt: 5_000,
  live: true,
  answers: ['t-1'],
  answeredTexts: ['are you there?'],
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('worker: my own messages arrive in the detection batches', () => {
  it('hands each to the stepping-aside handler, stores no DM for it, refuses a malformed one, acknowledges', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = openDb(`own-port-${++count}`, { indexedDB, IDBKeyRange });
    const runtime = fakeRuntime(DETECTION_PORT, OWN_ID);
    const onOwnMessage = vi.fn(async (_own: OwnMessageReport) => {});
    const onNewDm = vi.fn(async () => {});
    registerDetection(new MessageRouter(OWN_ID), {
      db: () => db,
      statuses: new AdapterStatusStore(memoryArea(), () => 0),
      ports: { onConnect: runtime.onConnect, ownId: OWN_ID },
      onNewDm,
      onOwnMessage,
    });
    const port = runtime.connect();
    port.postMessage({ seq: 1, dms: [mine, { ...mine, messageId: 'm-2', answers: 'not a list' }] });
    for (let i = 0; i < 200 && onOwnMessage.mock.calls.length === 0; i++)
      await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(ACK_DELAY_MS);
    expect(onOwnMessage.mock.calls.map(([own]) => own)).toEqual([mine]);
    expect(onNewDm).not.toHaveBeenCalled();
    expect(await db.incoming.count()).toBe(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('own message'));
    expect(runtime.pagePorts[0]?.peer?.posted).toEqual([{ acked: [1] }]);
  });
});
