import { beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { openThreadOkSchema } from '../../../src/messaging/schemas/ui.ts';
import { getOpenThread } from '../../../src/messaging/ui.ts';
import { askXTab, findXTabId, xTabsByRecency } from '../../../src/popup/x-tab.ts';
import type { BrowserMock } from '../support/browser-mock.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
const mock = browser as unknown as BrowserMock;

type Tab = { id?: number; url?: string; lastAccessed?: number };
const POPUP_URL = 'chrome-extension://test-extension-id/src/popup/index.html';

/** A browser with these tabs: `active` is the current window's active one, `all` every tab everywhere. */
function tabs(active: Tab | null, all: Tab[]) {
  mock.tabs.query.mockImplementation(async (query: unknown) => {
    const q = query as { active?: boolean; url?: string[] };
    if (q.active) return active ? [active] : [];
    // What the browser does with match patterns: only tabs on those hosts.
    return all.filter((tab) => q.url?.some((pattern) => tab.url?.startsWith(pattern.replace('/*', '/'))));
  });
}

beforeEach(() => {
  mock.tabs.query.mockReset();
  mock.tabs.getCurrent.mockReset();
  mock.tabs.getCurrent.mockResolvedValue(undefined);
  mock.tabs.sendMessage.mockReset();
});

describe('the X tabs by recency', () => {
  it('are the X tabs, latest lastAccessed first, in any window, skipping tabs without an id', () => {
    expect(
      xTabsByRecency([
        { id: 1, url: 'https://x.com/i/chat', lastAccessed: 100 },
        { id: 2, url: 'https://chat.x.com/', lastAccessed: 300 },
        { url: 'https://x.com/i/chat/1-2', lastAccessed: 900 },
        { id: 3, url: 'https://example.org/', lastAccessed: 500 },
        { id: 4, url: 'https://twitter.com/messages' },
      ]),
    ).toEqual([2, 1, 4]);
    expect(xTabsByRecency([{ id: 5, url: 'https://twitter.com/' }])).toEqual([5]);
    expect(xTabsByRecency([{ id: 6, url: 'https://example.org/', lastAccessed: 1 }])).toEqual([]);
    expect(xTabsByRecency([])).toEqual([]);
  });
});

describe('finding the X tab', () => {
  it('is the active tab when it is on X, without looking further', async () => {
    tabs({ id: 7, url: 'https://x.com/i/chat/1-2' }, []);
    expect(await findXTabId()).toBe(7);
    expect(mock.tabs.query).toHaveBeenCalledTimes(1);
    expect(mock.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('is the X tab used last when the popup itself is the active tab', async () => {
    tabs({ id: 9, url: POPUP_URL }, [
      { id: 3, url: 'https://x.com/home', lastAccessed: 10 },
      { id: 4, url: 'https://x.com/i/chat/1-2', lastAccessed: 20 },
    ]);
    expect(await findXTabId()).toBe(4);
    expect(mock.tabs.query).toHaveBeenLastCalledWith({
      url: ['https://x.com/*', 'https://twitter.com/*', 'https://chat.x.com/*'],
    });
  });

  it('recognises its own tab by id when the browser hides the URL (a detached popup window)', async () => {
    mock.tabs.getCurrent.mockResolvedValue({ id: 9 });
    tabs({ id: 9 }, [{ id: 4, url: 'https://chat.x.com/', lastAccessed: 20 }]);
    expect(await findXTabId()).toBe(4);
  });

  it('is the X tab used last when the options page is active and the toolbar popup opens over it', async () => {
    tabs({ id: 2, url: 'chrome-extension://test-extension-id/src/options/index.html' }, [
      { id: 4, url: 'https://x.com/i/chat', lastAccessed: 20 },
    ]);
    expect(await findXTabId()).toBe(4);
  });

  it('is none when another site is active: the popup does not reach into a hidden conversation', async () => {
    tabs({ id: 5, url: 'https://example.org/' }, [{ id: 4, url: 'https://x.com/i/chat', lastAccessed: 20 }]);
    expect(await findXTabId()).toBeNull();
    // Another extension's page is not ours either.
    tabs({ id: 6, url: 'chrome-extension://other-extension/page.html' }, [{ id: 4, url: 'https://x.com/' }]);
    expect(await findXTabId()).toBeNull();
    tabs(null, [{ id: 4, url: 'https://x.com/' }]);
    expect(await findXTabId()).toBeNull();
  });

  it('is none when the popup is the active tab and no X tab is open', async () => {
    tabs({ id: 9, url: POPUP_URL }, [{ id: 3, url: 'https://example.org/' }]);
    expect(await findXTabId()).toBeNull();
  });
});

describe('asking the X tab', () => {
  it('sends the request to the X tab used last when the popup is open in a tab', async () => {
    const thread = { threadId: '1-2', threadKind: 'direct', contactHandle: 'alice', contactName: 'Alice' };
    tabs({ id: 9, url: POPUP_URL }, [{ id: 4, url: 'https://x.com/i/chat/1-2', lastAccessed: 20 }]);
    mock.tabs.sendMessage.mockResolvedValue({ ok: true, thread });
    // An answer without the contact's id (a content script of an older version) reads as unknown.
    expect(await askXTab(getOpenThread, {}, openThreadOkSchema)).toEqual({
      ok: true,
      thread: { ...thread, contactId: '' },
    });
    expect(mock.tabs.sendMessage).toHaveBeenCalledWith(4, { type: 'getOpenThread', payload: {} });
  });

  it('falls back to an older X tab that shows a conversation when the one used last shows none', async () => {
    // Automatic mode keeps a background chat tab on the inbox; the user's conversation is in another tab.
    const thread = {
      threadId: '1-2',
      threadKind: 'direct',
      contactHandle: 'alice',
      contactName: 'Alice',
      contactId: '2',
    };
    tabs({ id: 9, url: POPUP_URL }, [
      { id: 4, url: 'https://x.com/i/chat/1-2', lastAccessed: 20 },
      { id: 5, url: 'https://x.com/i/chat', lastAccessed: 30 },
    ]);
    mock.tabs.sendMessage.mockImplementation(async (tabId: unknown) =>
      tabId === 5 ? { ok: false, problem: 'noOpenThread' } : { ok: true, thread },
    );
    expect(await askXTab(getOpenThread, {}, openThreadOkSchema)).toEqual({ ok: true, thread });
    expect(mock.tabs.sendMessage.mock.calls.map(([tabId]) => tabId)).toEqual([5, 4]);
  });

  it('tells the problem of the tab used last when no X tab can answer', async () => {
    tabs({ id: 9, url: POPUP_URL }, [
      { id: 4, url: 'https://x.com/i/chat', lastAccessed: 20 },
      { id: 5, url: 'https://x.com/i/chat', lastAccessed: 30 },
    ]);
    mock.tabs.sendMessage.mockImplementation(async (tabId: unknown) => {
      if (tabId === 5) return { ok: false, problem: 'noOpenThread' };
      throw new Error('Receiving end does not exist');
    });
    expect(await askXTab(getOpenThread, {}, openThreadOkSchema)).toEqual({
      ok: false,
      problem: 'noOpenThread',
    });
    // The active X tab alone is asked: the user is looking at it.
    mock.tabs.sendMessage.mockClear();
    tabs({ id: 4, url: 'https://x.com/i/chat' }, [
      { id: 5, url: 'https://x.com/i/chat/1-2', lastAccessed: 99 },
    ]);
    expect(await askXTab(getOpenThread, {}, openThreadOkSchema)).toEqual({ ok: false, problem: 'noAnswer' });
    expect(mock.tabs.sendMessage.mock.calls.map(([tabId]) => tabId)).toEqual([4]);
  });

  it('says there is no X tab instead of asking one', async () => {
    tabs({ id: 9, url: POPUP_URL }, []);
    expect(await askXTab(getOpenThread, {}, openThreadOkSchema)).toEqual({ ok: false, problem: 'noXTab' });
    expect(mock.tabs.sendMessage).not.toHaveBeenCalled();
  });
});
