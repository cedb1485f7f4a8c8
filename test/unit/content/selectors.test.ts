// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/i/chat"}
import { describe, expect, it } from 'vitest';
import type { ChatPageKind } from '../../../src/content/x/selectors.ts';
import * as selectors from '../../../src/content/x/selectors.ts';
import { ALICE_THREAD, CAROL_REQUEST, chatRootOf, loadFakeX, standardSeed } from './support/fake-page.ts';

const paths: Record<ChatPageKind, string> = {
  inbox: '/i/chat',
  thread: `/i/chat/${ALICE_THREAD}`,
  requests: '/i/chat/requests',
  request: `/i/chat/requests/${CAROL_REQUEST}`,
};

/** Selectors that live in the document around the chat, not inside the chat root. */
const inDocument = new Set(['embedHost', 'primaryColumn', 'viewerProfileLink']);

const expectations = Object.entries(selectors)
  .filter(([name]) => name.endsWith('_'))
  .map(([name, pages]) => {
    const selector = (selectors as Record<string, unknown>)[name.slice(0, -1)];
    return { name: name.slice(0, -1), selector: selector as string, pages: pages as readonly ChatPageKind[] };
  });

async function render(variant: 'shadow' | 'light', path: string) {
  const seed = standardSeed();
  // Bob's conversation is unread, so the inbox shows an unread dot.
  const bob = seed.threads[1];
  if (bob) bob.unread = true;
  const fakeX = await loadFakeX({ seed, variant, chatDelayMs: 0, historyDelayMs: 0 }, path);
  for (let i = 0; i < 50 && !fakeX.ready(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(fakeX.ready()).toBe(true);
}

describe('selectors against the fake client', () => {
  it('every selector says on which pages it is expected, and is a string', () => {
    expect(expectations.length).toBeGreaterThan(15);
    for (const { name, selector } of expectations) expect(typeof selector, name).toBe('string');
  });

  it('selectors written out in full name the attributes the observer watches', () => {
    const element = document.createElement('svg');
    element.setAttribute(selectors.inboxRowDescriptionAttribute, 'Alice, @alice');
    expect(element.matches(selectors.described)).toBe(true);
    element.setAttribute(selectors.unreadDotAttribute, 'icon-circle-fill');
    expect(element.matches(selectors.unreadDot)).toBe(true);
  });

  describe.each(['shadow', 'light'] as const)('%s variant', (variant) => {
    it.each(Object.keys(paths) as ChatPageKind[])('finds what the %s page should show', async (page) => {
      await render(variant, paths[page]);
      const root = chatRootOf();
      for (const { name, selector, pages } of expectations) {
        if (!pages.includes(page)) continue;
        const where: ParentNode = inDocument.has(name) ? document : root;
        const expected = name === 'embedHost' && variant === 'light' ? 0 : 1;
        expect(Math.min(where.querySelectorAll(selector).length, 1), `${name} on ${page}`).toBe(expected);
      }
    });
  });
});
