// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OpenThreadCache, readOpenThread } from '../../../src/content/x/open-thread.ts';

const URL_A = 'https://x.com/i/chat/1-2';

function panel(handle: string, name: string): HTMLElement {
  const section = document.createElement('section');
  section.setAttribute('data-testid', 'dm-conversation-panel');
  section.innerHTML = `<div data-testid="dm-conversation-header"><a href="/${handle}"><span data-testid="dm-conversation-username">${name}</span></a></div>`;
  return section;
}

let root: HTMLElement;
let cache: OpenThreadCache;

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  root = document.getElementById('root') as HTMLElement;
  root.append(panel('alice', 'Alice'));
  cache = new OpenThreadCache();
});

/** Lets the header watch's records be delivered. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the open thread, cached for the detector', () => {
  it('answers like readOpenThread, and finds the panel once while nothing changes', () => {
    const lookups = vi.spyOn(root, 'querySelector');
    const first = cache.read(root, URL_A);
    expect(first).toEqual(readOpenThread(root, URL_A));
    expect(first).toEqual({
      threadId: '1-2',
      threadKind: 'direct',
      contactHandle: 'alice',
      contactName: 'Alice',
    });
    lookups.mockClear();
    for (let i = 0; i < 5; i++) cache.read(root, URL_A);
    expect(lookups).not.toHaveBeenCalled();
  });

  it('reads again when something inside the header changes, even before its records are delivered', async () => {
    cache.read(root, URL_A);
    const name = root.querySelector('[data-testid="dm-conversation-username"]') as Element;
    name.textContent = 'Alice M.';
    expect(cache.read(root, URL_A)?.contactName).toBe('Alice M.');
    (root.querySelector('a') as Element).setAttribute('href', '/alice_m');
    await flush();
    expect(cache.read(root, URL_A)?.contactHandle).toBe('alice_m');
  });

  it('reads again after a navigation, or when X replaced the panel', () => {
    expect(cache.read(root, URL_A)?.threadId).toBe('1-2');
    expect(cache.read(root, 'https://x.com/i/chat/g42')).toMatchObject({
      threadId: 'g42',
      threadKind: 'group',
    });
    root.replaceChildren(panel('bob', 'Bob'));
    expect(cache.read(root, 'https://x.com/i/chat/1-3')).toMatchObject({ contactHandle: 'bob' });
    root.replaceChildren(panel('carol', 'Carol'));
    expect(cache.read(root, 'https://x.com/i/chat/1-3')).toMatchObject({ contactHandle: 'carol' });
    expect(cache.read(root, 'https://x.com/i/chat')).toBeNull();
  });

  it('keeps asking while the header has not rendered yet', () => {
    root.replaceChildren(document.createElement('section'));
    (root.firstElementChild as Element).setAttribute('data-testid', 'dm-conversation-panel');
    expect(cache.read(root, URL_A)).toMatchObject({ contactHandle: '', contactName: '' });
    root.replaceChildren(panel('alice', 'Alice'));
    expect(cache.read(root, URL_A)).toMatchObject({ contactHandle: 'alice', contactName: 'Alice' });
  });

  it('stops watching the header when cleared', () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    cache.read(root, URL_A);
    cache.clear();
    expect(disconnect).toHaveBeenCalled();
    const lookups = vi.spyOn(root, 'querySelector');
    cache.read(root, URL_A);
    expect(lookups).toHaveBeenCalled();
  });
});
