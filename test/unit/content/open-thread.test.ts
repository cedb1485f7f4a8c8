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
      contactId: '',
    });
    lookups.mockClear();
    for (let i = 0; i < 5; i++) cache.read(root, URL_A);
    expect(lookups).not.toHaveBeenCalled();
    // The viewer's id learnt later: read again, the other id is the contact's.
    expect(cache.read(root, URL_A, '1')?.contactId).toBe('2');
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

describe('the header as X renders it (item 3)', () => {
  function header(inner: string): HTMLElement {
    const section = document.createElement('section');
    section.setAttribute('data-testid', 'dm-conversation-panel');
    section.innerHTML = `<div data-testid="dm-conversation-header">${inner}</div>`;
    return section;
  }

  it.each(['https://x.com/alice', 'https://twitter.com/alice', 'https://mobile.x.com/alice/', '/alice'])(
    'reads the handle from a profile link %s',
    (href) => {
      root.replaceChildren(
        header(`<a href="${href}"><span data-testid="dm-conversation-username">Alice</span></a>`),
      );
      expect(readOpenThread(root, URL_A, '1')).toMatchObject({ contactHandle: 'alice', contactId: '2' });
    },
  );

  it('ignores links that are not profiles (X pages, chat links, other sites)', () => {
    for (const href of [
      'https://x.com/i/chat/1-2',
      'https://x.com/home',
      'https://example.com/alice',
      '/alice/status/1',
    ]) {
      root.replaceChildren(header(`<a href="${href}">x</a>`));
      expect(readOpenThread(root, URL_A)?.contactHandle).toBe('');
    }
  });

  it('takes the name alone from a username element that holds more (handle line, badge, status)', () => {
    root.replaceChildren(
      header(
        '<a href="https://x.com/alice"><div data-testid="dm-conversation-username">' +
          '<div class="flex"><span>Alice <img alt="🌸" src="data:,"> Martin</span><svg aria-label="Verified"></svg></div>' +
          '<div class="text-subtext2"><span>@alice</span></div><div>Online now</div></div></a>',
      ),
    );
    expect(readOpenThread(root, URL_A)?.contactName).toBe('Alice Martin');
    root.replaceChildren(
      header('<div data-testid="dm-conversation-username">Bob Stone<div>@bob</div></div>'),
    );
    expect(readOpenThread(root, URL_A)?.contactName).toBe('Bob Stone');
  });
});
