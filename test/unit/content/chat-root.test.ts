// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { realTimers } from '../../../src/content/timers.ts';
import { findChatRoot, waitForChatRoot } from '../../../src/content/x/chat-root.ts';

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML =
    '<main><div data-testid="primaryColumn"></div><div data-testid="sidebarColumn"></div></main>';
});
afterEach(() => {
  vi.useRealTimers();
});

const column = () => document.querySelector('[data-testid="primaryColumn"]') as HTMLElement;

describe('finding the chat root', () => {
  it('light variant: the column holding the chat landmarks, not the page', () => {
    column().innerHTML = '<div class="app"><div data-testid="dm-inbox-panel"></div></div>';
    expect(findChatRoot(document)).toEqual({ variant: 'light', root: column(), anchor: column() });
  });

  it('shadow variant: nothing while the host has no shadow root, then the open shadow root', () => {
    const host = document.createElement('div');
    host.setAttribute('data-testid', 'xchatEmbedRoute');
    column().append(host);
    expect(findChatRoot(document)).toBeNull();
    const shadow = host.attachShadow({ mode: 'open' });
    expect(findChatRoot(document)).toEqual({ variant: 'shadow', root: shadow, anchor: host });
  });

  it('a closed shadow root cannot be read: no root', () => {
    const host = document.createElement('div');
    host.setAttribute('data-testid', 'xchatEmbedRoute');
    host.attachShadow({ mode: 'closed' });
    column().append(host);
    expect(findChatRoot(document)).toBeNull();
  });

  it('waits for a shadow root attached late (attachShadow fires no mutation) and stops polling', async () => {
    const spy = vi.spyOn(document, 'querySelector');
    const host = document.createElement('div');
    host.setAttribute('data-testid', 'xchatEmbedRoute');
    column().append(host);
    const found = waitForChatRoot(document, new AbortController().signal, realTimers);
    await vi.advanceTimersByTimeAsync(300);
    host.attachShadow({ mode: 'open' });
    await vi.advanceTimersByTimeAsync(400);
    await expect(found).resolves.toMatchObject({ variant: 'shadow', anchor: host });
    const calls = spy.mock.calls.length;
    // Bounded backoff: a handful of queries, not one per millisecond or per mutation.
    expect(calls).toBeLessThan(10);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(spy.mock.calls.length).toBe(calls);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves null on abort and leaves no timer behind', async () => {
    const controller = new AbortController();
    const found = waitForChatRoot(document, controller.signal, realTimers);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await expect(found).resolves.toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives up after a minute without a chat', async () => {
    const found = waitForChatRoot(document, new AbortController().signal, realTimers);
    await vi.advanceTimersByTimeAsync(61_000);
    await expect(found).resolves.toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });
});
