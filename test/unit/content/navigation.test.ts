import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { URL_POLL_MS, watchNavigation } from '../../../src/content/navigation.ts';
import { realTimers } from '../../../src/content/timers.ts';

/** A window with just what the watcher uses: a location, events, and optionally the Navigation API. */
function fakeWindow(withNavigationApi: boolean) {
  const win = new EventTarget() as EventTarget & { location: { href: string }; navigation?: EventTarget };
  win.location = { href: 'https://x.com/home' };
  if (withNavigationApi) win.navigation = new EventTarget();
  return win;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watching SPA navigation', () => {
  it('with the Navigation API: reports the new URL after X rendered it, and never polls', async () => {
    const win = fakeWindow(true);
    const seen: string[] = [];
    watchNavigation(
      new AbortController().signal,
      (url) => seen.push(url),
      win as unknown as Window,
      realTimers,
    );
    expect(vi.getTimerCount()).toBe(0);
    win.location.href = 'https://x.com/i/chat';
    win.navigation?.dispatchEvent(new Event('currententrychange'));
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['https://x.com/i/chat']);
    win.navigation?.dispatchEvent(new Event('currententrychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toHaveLength(1);
  });

  it('with the Navigation API: explicit checks read the URL only after a navigation event', async () => {
    const win = fakeWindow(true);
    let href = 'https://x.com/i/chat';
    let reads = 0;
    Object.defineProperty(win.location, 'href', {
      get: () => {
        reads += 1;
        return href;
      },
    });
    const seen: string[] = [];
    const watch = watchNavigation(
      new AbortController().signal,
      (url) => seen.push(url),
      win as unknown as Window,
      realTimers,
    );
    watch.check();
    const afterStart = reads;
    for (let i = 0; i < 10; i++) watch.check();
    expect(reads).toBe(afterStart);
    // pushState fires the event synchronously; X renders; the observer's check sees the new URL at once.
    href = 'https://x.com/i/chat/1-2';
    win.navigation?.dispatchEvent(new Event('currententrychange'));
    watch.check();
    expect(seen).toEqual(['https://x.com/i/chat/1-2']);
    const afterNavigation = reads;
    watch.check();
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toBe(afterNavigation);
    expect(seen).toHaveLength(1);
  });

  it('without it: a slow URL poll, plus back/forward and explicit checks', async () => {
    const win = fakeWindow(false);
    const seen: string[] = [];
    const watch = watchNavigation(
      new AbortController().signal,
      (url) => seen.push(url),
      win as unknown as Window,
      realTimers,
    );
    win.location.href = 'https://x.com/i/chat';
    await vi.advanceTimersByTimeAsync(URL_POLL_MS);
    win.location.href = 'https://x.com/i/chat/1-2';
    watch.check();
    win.location.href = 'https://x.com/home';
    win.dispatchEvent(new Event('popstate'));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['https://x.com/i/chat', 'https://x.com/i/chat/1-2', 'https://x.com/home']);
  });

  it('stops listening and polling on abort', async () => {
    const win = fakeWindow(false);
    const seen: string[] = [];
    const controller = new AbortController();
    watchNavigation(controller.signal, (url) => seen.push(url), win as unknown as Window, realTimers);
    controller.abort();
    expect(vi.getTimerCount()).toBe(0);
    win.location.href = 'https://x.com/i/chat';
    win.dispatchEvent(new Event('popstate'));
    await vi.advanceTimersByTimeAsync(5 * URL_POLL_MS);
    expect(seen).toEqual([]);
  });
});
