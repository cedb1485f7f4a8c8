// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/i/chat"}
import { describe, expect, it, vi } from 'vitest';
import { findChatRoot } from '../../../src/content/x/chat-root.ts';
import { selfCheck } from '../../../src/content/x/self-check.ts';
import type { FakeXApi } from '../../fixtures/fake-x/src/api.ts';
import { ALICE_THREAD, CAROL_REQUEST, chatRootOf, loadFakeX, standardSeed } from './support/fake-page.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function render(variant: 'shadow' | 'light', path: string): Promise<FakeXApi> {
  const fakeX = await loadFakeX({ seed: standardSeed(), variant, chatDelayMs: 0, historyDelayMs: 0 }, path);
  for (let i = 0; i < 50 && !fakeX.ready(); i++) await pause(5);
  return fakeX;
}

const check = () => selfCheck(findChatRoot(document), location.href);

describe.each(['shadow', 'light'] as const)('self-check, %s variant', (variant) => {
  it.each(['/i/chat', `/i/chat/${ALICE_THREAD}`, '/i/chat/requests', `/i/chat/requests/${CAROL_REQUEST}`])(
    'passes on %s',
    async (path) => {
      await render(variant, path);
      expect(check()).toEqual({ ok: true, variant, missing: [] });
    },
  );

  it('fails with the missing landmarks once X renames its test ids', async () => {
    const fakeX = await render(variant, `/i/chat/${ALICE_THREAD}`);
    // The running session keeps the root it found; a fresh search would not even find the host.
    const found = findChatRoot(document);
    fakeX.breakMarkup();
    expect(selfCheck(null, location.href).missing).toEqual(['chatRoot']);
    expect(selfCheck(found, location.href)).toEqual({
      ok: false,
      variant,
      missing: ['conversationPanel', 'messageList', 'composer'],
    });
  });
});

describe('self-check memo', () => {
  it('finds the panel once across checks, and does not trust it once it was renamed or replaced', async () => {
    await render('shadow', `/i/chat/${ALICE_THREAD}`);
    const found = findChatRoot(document);
    const memo = { panel: null };
    expect(selfCheck(found, location.href, memo).ok).toBe(true);
    const root = chatRootOf() as ShadowRoot;
    const panel = root.querySelector('[data-testid="dm-conversation-panel"]') as Element;
    expect(memo.panel).toBe(panel);
    const lookups = vi.spyOn(root, 'querySelector');
    expect(selfCheck(found, location.href, memo).ok).toBe(true);
    expect(lookups.mock.calls.filter(([s]) => s.includes('dm-conversation-panel'))).toEqual([]);
    // Renamed in place (same element): the memo is not taken on trust.
    panel.setAttribute('data-testid', 'dm-conversation-panel-v2');
    expect(selfCheck(found, location.href, memo).missing).toContain('conversationPanel');
    panel.setAttribute('data-testid', 'dm-conversation-panel');
    expect(selfCheck(found, location.href, memo).ok).toBe(true);
    // Rows read once are not read again; a new row whose direction cannot be read still fails the check.
    const rows = [...panel.querySelectorAll('[data-dm-message-row]')];
    const classReads = rows.map((row) => vi.spyOn(row.classList, 'contains'));
    expect(selfCheck(found, location.href, memo).ok).toBe(true);
    expect(classReads.every((spy) => spy.mock.calls.length === 0)).toBe(true);
    const odd = document.createElement('div');
    odd.setAttribute('data-dm-message-row', 'odd-1');
    const oddText = document.createElement('div');
    oddText.setAttribute('data-testid', 'message-text-odd-1');
    odd.append(oddText);
    panel.querySelector('[data-testid="dm-message-list"]')?.append(odd);
    expect(selfCheck(found, location.href, memo).missing).toEqual(['messageDirection']);
    odd.remove();
    // X's own notice ("Alice was added"): no direction class, nobody's text — nothing wrong with it.
    const notice = document.createElement('div');
    notice.setAttribute('data-dm-message-row', 'notice-1');
    notice.className = 'flex w-full justify-center';
    notice.textContent = 'Alice was added';
    panel.querySelector('[data-testid="dm-message-list"]')?.append(notice);
    expect(selfCheck(found, location.href, memo).ok).toBe(true);
    notice.remove();
    // Gone from the page: looked for again.
    panel.remove();
    expect(selfCheck(found, location.href, memo).missing).toContain('conversationPanel');
  });
});

describe('self-check without a usable page', () => {
  it('reports the chat root missing when there is none', () => {
    document.body.replaceChildren();
    expect(selfCheck(null, 'https://x.com/i/chat')).toEqual({
      ok: false,
      variant: 'none',
      missing: ['chatRoot'],
    });
  });

  it('on the passcode gate, says the chat is locked, not that the markup changed', () => {
    expect(selfCheck(null, 'https://x.com/i/chat/pin/recovery')).toEqual({
      ok: false,
      variant: 'none',
      missing: [],
      locked: true,
    });
  });

  it('does not walk the page for a passcode screen while the chat shows every landmark', async () => {
    await render('shadow', `/i/chat/${ALICE_THREAD}`);
    const root = chatRootOf() as ShadowRoot;
    const passcodeLookups = () =>
      [...documentLookups.mock.calls, ...rootLookups.mock.calls].filter(([s]) => s.includes('pin-code'));
    const documentLookups = vi.spyOn(document, 'querySelector');
    const rootLookups = vi.spyOn(root, 'querySelector');
    expect(selfCheck(findChatRoot(document), location.href, { panel: null }, document).ok).toBe(true);
    expect(passcodeLookups()).toEqual([]);
    // Something missing: the passcode screen may be what shows instead, so it is looked for.
    root.querySelector('[data-testid="dm-composer-textarea"]')?.remove();
    expect(selfCheck(findChatRoot(document), location.href, { panel: null }, document).missing).toEqual([
      'composer',
    ]);
    expect(passcodeLookups().length).toBeGreaterThan(0);
    documentLookups.mockRestore();
    rootLookups.mockRestore();
  });

  it('fails when rows cannot be told apart, or were renamed while their texts were not', async () => {
    await render('light', `/i/chat/${ALICE_THREAD}`);
    const root = chatRootOf();
    expect(check().ok).toBe(true);
    const rows = [...root.querySelectorAll('[data-dm-message-row]')];
    rows[0]?.classList.remove('justify-start', 'justify-end');
    rows[0]?.removeAttribute('data-send-status');
    expect(check().missing).toEqual(['messageDirection']);
    for (const row of rows) {
      row.setAttribute('data-dm-row', row.getAttribute('data-dm-message-row') ?? '');
      row.removeAttribute('data-dm-message-row');
    }
    expect(check().missing).toEqual(['messageRow']);
  });
});

describe('self-check on the forms X is seen with', () => {
  it.each(['voice', 'none', 'disabledSend'] as const)(
    'passes with an empty composer showing %s on its right (no send button required, item 1)',
    async (emptyComposer) => {
      const fakeX = await loadFakeX(
        { seed: standardSeed(), chatDelayMs: 0, historyDelayMs: 0, markup: { emptyComposer } },
        `/i/chat/${ALICE_THREAD}`,
      );
      for (let i = 0; i < 50 && !fakeX.ready(); i++) await pause(5);
      const root = chatRootOf();
      expect(root.querySelector('[data-testid="dm-composer-send-button"]') !== null).toBe(
        emptyComposer === 'disabledSend',
      );
      expect(check()).toEqual({ ok: true, variant: 'shadow', missing: [] });
    },
  );

  it('says so when no inbox row gives a sender, whether its description sits on the item or the link (item 10)', async () => {
    await render('shadow', '/i/chat');
    expect(check().ok).toBe(true);
    const root = chatRootOf();
    const items = [...root.querySelectorAll('[data-testid^="dm-conversation-item-"]')];
    // Moved to the link: still read.
    for (const item of items) {
      const description = item.getAttribute('aria-description') ?? '';
      item.removeAttribute('aria-description');
      item.querySelector('a')?.setAttribute('aria-description', description);
    }
    expect(check().ok).toBe(true);
    // Gone, or in a form without the @handle: every DM outside the open conversation would be missed.
    for (const item of items) item.querySelector('a')?.removeAttribute('aria-description');
    expect(check().missing).toEqual(['inboxSender']);
    for (const item of items) item.setAttribute('aria-description', 'Someone wrote something, 3m');
    expect(check().missing).toEqual(['inboxSender']);
  });

  it('on a message request, wants X’s prompt with its accept button, or a composer (item 7)', async () => {
    await render('shadow', `/i/chat/requests/${CAROL_REQUEST}`);
    expect(check().ok).toBe(true);
    chatRootOf().querySelector('[data-testid="dm-message-request-accept-button"]')?.remove();
    expect(check().missing).toEqual(['requestPrompt']);
  });

  it.each(['route', 'inPlace'] as const)(
    'says locked when X shows its passcode screen (%s, item 6)',
    async (locked) => {
      const fakeX = await loadFakeX({ seed: standardSeed(), chatDelayMs: 0, locked }, '/i/chat');
      for (let i = 0; i < 50 && !fakeX.ready(); i++) await pause(5);
      expect(location.pathname).toBe(locked === 'route' ? '/i/chat/pin/recovery' : '/i/chat');
      expect(check()).toEqual({ ok: false, variant: 'shadow', missing: [], locked: true });
    },
  );
});
