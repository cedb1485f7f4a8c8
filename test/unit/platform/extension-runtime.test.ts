import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { MessageRouter } from '../../../src/messaging/router.ts';
import { getViewerSchema } from '../../../src/messaging/schemas/content.ts';
import { getViewer } from '../../../src/messaging/viewer.ts';
import { extensionRuntime } from '../../../src/platform/extension-runtime.ts';
import { EXTENSION_ID, fakeChrome, fakeFirefox, NO_RECEIVER } from './fake-runtimes.ts';

/** A promise that settles later, like a handler that awaits the page. */
const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 5));
const laterFailing = (message: string) =>
  new Promise<never>((_, reject) => setTimeout(() => reject(new Error(message)), 5));

describe('the content script runtime on Chrome (chrome.*), against the worker using webextension-polyfill', () => {
  const chrome = fakeChrome();
  let worker: Browser;
  const saved = (globalThis as { chrome?: unknown }).chrome;

  beforeAll(async () => {
    // The worker's polyfill wraps the worker's `chrome`, exactly as in the built extension.
    (globalThis as { chrome?: unknown }).chrome = chrome.worker;
    worker = (await import('webextension-polyfill')).default;
  });
  afterAll(() => {
    (globalThis as { chrome?: unknown }).chrome = saved;
  });
  beforeEach(() => chrome.reset());

  it('picks chrome when there is no extension `browser`, even if the page defines one', () => {
    const runtime = extensionRuntime({ ...chrome.page, browser: {} });
    expect(runtime.id).toBe(EXTENSION_ID);
  });

  it("answers the worker's tabs.sendMessage with a value its handler resolves later", async () => {
    const runtime = extensionRuntime(chrome.page);
    runtime.addMessageListener((message) => later({ echo: message }));
    await expect(worker.tabs.sendMessage(1, 'hi')).resolves.toEqual({ echo: 'hi' });
  });

  it("turns its handler's rejection into a rejection of the worker's tabs.sendMessage, with the message", async () => {
    const runtime = extensionRuntime(chrome.page);
    runtime.addMessageListener(() => laterFailing('No chat is open'));
    await expect(worker.tabs.sendMessage(1, 'run')).rejects.toThrow('No chat is open');
  });

  it('leaves a message it does not handle to other listeners', async () => {
    const runtime = extensionRuntime(chrome.page);
    runtime.addMessageListener(() => undefined);
    runtime.addMessageListener(() => later('second'));
    await expect(worker.tabs.sendMessage(1, 'x')).resolves.toBe('second');
  });

  it('stops listening when removed', async () => {
    const runtime = extensionRuntime(chrome.page);
    const remove = runtime.addMessageListener(() => later('answer'));
    remove();
    await expect(worker.tabs.sendMessage(1, 'x')).rejects.toThrow(NO_RECEIVER);
  });

  it("resolves sendMessage with the worker's answer, and undefined when no worker listener answers", async () => {
    const runtime = extensionRuntime(chrome.page);
    worker.runtime.onMessage.addListener((message: unknown) =>
      message === 'ask' ? later('answer') : undefined,
    );
    await expect(runtime.sendMessage('ask')).resolves.toBe('answer');
    await expect(runtime.sendMessage('other')).resolves.toBeUndefined();
  });

  it("rejects sendMessage when the worker's listener rejects (the polyfill's reply mark), or nobody listens", async () => {
    const runtime = extensionRuntime(chrome.page);
    await expect(runtime.sendMessage('ask')).rejects.toThrow(NO_RECEIVER);
    worker.runtime.onMessage.addListener(() => laterFailing('Refused "x" from another sender'));
    await expect(runtime.sendMessage('ask')).rejects.toThrow('Refused "x" from another sender');
  });

  it('rejects sendMessage when chrome throws at once (the extension was reloaded)', async () => {
    const gone = {
      ...chrome.page.chrome.runtime,
      sendMessage: vi.fn(() => {
        throw new Error('Extension context invalidated.');
      }),
    };
    await expect(extensionRuntime({ chrome: { runtime: gone } }).sendMessage('x')).rejects.toThrow(
      'Extension context invalidated.',
    );
  });

  it('answers an extension page through the router, and refuses a bad payload with a readable error', async () => {
    const runtime = extensionRuntime(chrome.page);
    const router = new MessageRouter(runtime.id).on(getViewer, getViewerSchema, () => ({
      ok: false as const,
      problem: 'notSignedIn' as const,
    }));
    runtime.addMessageListener((message, sender) => router.dispatch(message, sender));
    await expect(worker.tabs.sendMessage(1, { type: getViewer.name, payload: {} })).resolves.toEqual({
      ok: false,
      problem: 'notSignedIn',
    });
    await expect(worker.tabs.sendMessage(1, { type: getViewer.name, payload: 3 })).rejects.toThrow(
      /Invalid "getViewer" payload/,
    );
  });

  it('reads lastError when a port disconnects, so Chrome does not report it as unchecked', () => {
    const read = vi.fn(() => null);
    const page = chrome.page.chrome.runtime;
    const runtime = extensionRuntime({
      chrome: {
        runtime: {
          ...page,
          get lastError() {
            return read();
          },
        },
      },
    });
    const port = runtime.connect('detection');
    const disconnect = (port.onDisconnect as unknown as { list: Array<() => void> }).list;
    expect(disconnect).toHaveLength(1);
    disconnect[0]?.();
    expect(read).toHaveBeenCalled();
  });
});

describe('the content script runtime on Firefox (native promise-based browser.*)', () => {
  const firefox = fakeFirefox();
  beforeEach(() => firefox.reset());

  it('picks browser when it is the extension API', () => {
    const runtime = extensionRuntime({ ...firefox.page, chrome: { runtime: undefined } });
    expect(runtime.id).toBe(EXTENSION_ID);
  });

  it("answers the worker with a value its handler resolves later, and a rejection with the handler's error", async () => {
    const runtime = extensionRuntime(firefox.page);
    runtime.addMessageListener((message) =>
      message === 'fail' ? laterFailing('No chat is open') : later({ echo: message }),
    );
    await expect(firefox.worker.tabs.sendMessage(1, 'hi')).resolves.toEqual({ echo: 'hi' });
    await expect(firefox.worker.tabs.sendMessage(1, 'fail')).rejects.toThrow('No chat is open');
  });

  it('leaves a message it does not handle to other listeners, and stops listening when removed', async () => {
    const runtime = extensionRuntime(firefox.page);
    const remove = runtime.addMessageListener(() => undefined);
    runtime.addMessageListener((message) => (message === 'x' ? later('second') : undefined));
    await expect(firefox.worker.tabs.sendMessage(1, 'x')).resolves.toBe('second');
    remove();
    await expect(firefox.worker.tabs.sendMessage(1, 'x')).resolves.toBe('second');
  });

  it("resolves sendMessage with the worker's answer and rejects with the worker's error", async () => {
    const runtime = extensionRuntime(firefox.page);
    firefox.worker.runtime.onMessage.addListener((message: unknown) =>
      message === 'ask' ? later('answer') : laterFailing('Invalid payload'),
    );
    await expect(runtime.sendMessage('ask')).resolves.toBe('answer');
    await expect(runtime.sendMessage('bad')).rejects.toThrow('Invalid payload');
  });
});

it('refuses to start outside an extension', () => {
  expect(() => extensionRuntime({})).toThrow(/no extension runtime/);
});
