// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/i/chat"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerInsertReply } from '../../../src/content/composer-requests.ts';
import { SuggestionBar } from '../../../src/content/suggestion-bar.ts';
import { BAR_HOST_ID, type BarContent, SuggestionBarView } from '../../../src/content/suggestion-bar-view.ts';
import { findChatRoot } from '../../../src/content/x/chat-root.ts';
import type { BarState } from '../../../src/messaging/suggestion-bar.ts';
import { ALICE_THREAD, chatRootOf, loadFakeX, standardSeed } from './support/fake-page.ts';

const TEXTS = {
  label: 'Away for X: suggested reply',
  title: 'Suggested reply',
  insert: 'Insert',
  dismiss: 'Dismiss',
  awayOn: 'Away for X is on',
  insertFailed: 'Could not put the text in X’s message box.',
  lang: 'en',
  dir: 'ltr' as const,
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const host = () => document.getElementById(BAR_HOST_ID);
const inBar = <T extends Element>(selector: string) => host()?.shadowRoot?.querySelector<T>(selector) ?? null;

afterEach(() => {
  host()?.remove();
});

describe('the bar’s view', () => {
  const content = (over: Partial<BarContent> = {}): BarContent => ({
    text: 'Hi Alice, back on Monday.',
    awayOn: true,
    texts: TEXTS,
    theme: 'light',
    ...over,
  });

  it('renders its texts as text in its own shadow root, outside X’s tree, labelled as a region', () => {
    const view = new SuggestionBarView(document, { insert: vi.fn(), dismiss: vi.fn() });
    view.render(content({ text: '<img src=x onerror="alert(1)">' }));
    expect(host()?.parentElement).toBe(document.body);
    const bar = inBar<HTMLElement>('.bar')!;
    expect(bar.getAttribute('role')).toBe('region');
    expect(bar.getAttribute('aria-label')).toBe(TEXTS.label);
    expect(inBar('.text')?.textContent).toBe('<img src=x onerror="alert(1)">');
    expect(inBar('img')).toBeNull();
    expect(inBar<HTMLElement>('.away')?.hidden).toBe(false);
    expect(inBar('.away')?.textContent).toBe('Away for X is on');
    expect([...host()!.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Insert',
      'Dismiss',
    ]);
    view.render(content({ awayOn: false, theme: 'dark', texts: { ...TEXTS, lang: 'ar', dir: 'rtl' } }));
    expect(inBar<HTMLElement>('.away')?.hidden).toBe(true);
    expect(bar.dataset.theme).toBe('dark');
    expect(bar.dir).toBe('rtl');
  });

  it('Insert and Dismiss are buttons; Escape dismisses and X does not see the key', () => {
    const actions = { insert: vi.fn(), dismiss: vi.fn() };
    const view = new SuggestionBarView(document, actions);
    view.render(content());
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    inBar<HTMLButtonElement>('.insert')!.click();
    expect(actions.insert).toHaveBeenCalledTimes(1);
    inBar<HTMLButtonElement>('.dismiss')!.click();
    const escapeKey = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true });
    inBar<HTMLButtonElement>('.insert')!.dispatchEvent(escapeKey);
    expect(actions.dismiss).toHaveBeenCalledTimes(2);
    expect(pageKeys).not.toHaveBeenCalled();
    inBar<HTMLButtonElement>('.insert')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'a', bubbles: true }),
    );
    expect(actions.dismiss).toHaveBeenCalledTimes(2);
    document.removeEventListener('keydown', pageKeys);
  });

  it('is placed with fixed coordinates, and hidden without a place', () => {
    const view = new SuggestionBarView(document, { insert: vi.fn(), dismiss: vi.fn() });
    view.render(content());
    view.place({ top: 692, left: 400, width: 600 });
    expect(host()!.hidden).toBe(false);
    expect(host()!.style.position).toBe('fixed');
    expect([host()!.style.top, host()!.style.left, host()!.style.width]).toEqual(['692px', '400px', '600px']);
    expect(host()!.style.transform).toBe('translateY(-100%)');
    view.place(null);
    expect(host()!.hidden).toBe(true);
    view.remove();
    expect(host()).toBeNull();
  });
});

describe('the bar on X’s page', () => {
  const state = (over: Partial<BarState> = {}): BarState => ({
    suggestion: { messageId: 'm1', text: 'Hi Alice, back on Monday.' },
    awayOn: true,
    texts: TEXTS,
    ...over,
  });

  async function setUp(answer: BarState = state()) {
    const fakeX = await loadFakeX(
      { seed: standardSeed(), chatDelayMs: 0, historyDelayMs: 0 },
      `/i/chat/${ALICE_THREAD}`,
    );
    for (let i = 0; i < 50 && !fakeX.ready(); i++) await pause(5);
    // happy-dom lays nothing out: give X's composer the box it has on screen.
    const textarea = chatRootOf().querySelector('textarea')!;
    textarea.getBoundingClientRect = () => ({ top: 700, left: 400, width: 600, height: 40 }) as DOMRect;
    const chatRoot = () => findChatRoot(document)?.root ?? null;
    const deps = {
      doc: document,
      win: window,
      chatRoot,
      url: () => location.href,
      ask: vi.fn(async (_threadId: string) => answer),
      dismiss: vi.fn(async () => true),
      insert: (threadId: string, text: string) =>
        answerInsertReply(chatRoot(), location.href, { threadId, text }),
    };
    const controller = new AbortController();
    const bar = new SuggestionBar(controller.signal, deps);
    return { fakeX, deps, bar, controller };
  }

  it('shows nothing until the markup check passed, then the suggestion right above the composer', async () => {
    const { deps, bar } = await setUp();
    await bar.refresh();
    expect(deps.ask).not.toHaveBeenCalled();
    expect(host()).toBeNull();
    bar.setMarkupOk(true);
    await vi.waitFor(() => expect(host()?.hidden).toBe(false));
    expect(deps.ask).toHaveBeenCalledWith(ALICE_THREAD);
    expect(inBar('.text')?.textContent).toBe('Hi Alice, back on Monday.');
    expect(host()!.style.top).toBe(`${700 - 8}px`);
  });

  it('Insert puts the text in X’s composer without sending, and the bar steps aside', async () => {
    const { fakeX, bar } = await setUp();
    bar.setMarkupOk(true);
    await vi.waitFor(() => expect(host()?.hidden).toBe(false));
    const sentBefore = fakeX.sent().length;
    inBar<HTMLButtonElement>('.insert')!.click();
    expect(fakeX.composerState()).toBe('Hi Alice, back on Monday.');
    await pause(20);
    expect(fakeX.sent()).toHaveLength(sentBefore);
    expect(host()).toBeNull();
    // The same suggestion is not offered twice in this page.
    await bar.refresh();
    expect(host()).toBeNull();
  });

  it('Dismiss asks the worker to dismiss that message’s suggestion and hides the bar', async () => {
    const { deps, bar } = await setUp();
    bar.setMarkupOk(true);
    await vi.waitFor(() => expect(host()?.hidden).toBe(false));
    inBar<HTMLButtonElement>('.insert')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    expect(deps.dismiss).toHaveBeenCalledWith(ALICE_THREAD, 'm1');
    expect(host()).toBeNull();
  });

  it('goes away at once when the markup check fails, and shows nothing without a suggestion', async () => {
    const { bar, deps } = await setUp();
    bar.setMarkupOk(true);
    await vi.waitFor(() => expect(host()?.hidden).toBe(false));
    bar.setMarkupOk(false);
    expect(host()).toBeNull();
    deps.ask.mockResolvedValue(state({ suggestion: null }));
    bar.setMarkupOk(true);
    await pause(20);
    expect(host()).toBeNull();
  });

  it('an answer that arrives after a newer question is ignored', async () => {
    const { bar, deps } = await setUp();
    let release: (value: BarState) => void = () => undefined;
    deps.ask.mockImplementationOnce(() => new Promise<BarState>((resolve) => (release = resolve)));
    bar.setMarkupOk(true);
    deps.ask.mockResolvedValueOnce(state({ suggestion: null }));
    await bar.refresh();
    release(state());
    await pause(20);
    expect(host()).toBeNull();
  });
});
