import type { BarState } from '../messaging/suggestion-bar.ts';
import type { InsertReplyAnswer } from '../messaging/ui.ts';
import { type Box, placeBar } from './bar-position.ts';
import { type BarContent, SuggestionBarView } from './suggestion-bar-view.ts';
import { findComposer } from './x/composer.ts';
import { readOpenThread } from './x/open-thread.ts';
import { readPageTheme } from './x/theme.ts';

export interface SuggestionBarDeps {
  doc: Document;
  win: Window;
  /** X's chat root (shadow root or light element), or null. */
  chatRoot(): ParentNode | null;
  url(): string;
  /** Asks the worker what the bar shows for this thread. */
  ask(threadId: string): Promise<BarState>;
  /** Dismisses through the worker (the suggestions' owner logs it). */
  dismiss(threadId: string, messageId: string): Promise<unknown>;
  /** The popup's insert path: text into the open composer, nothing sent. */
  insert(threadId: string, text: string): InsertReplyAnswer;
}

interface Shown {
  threadId: string;
  messageId: string;
  text: string;
  content: BarContent;
}

/**
 * In suggest mode, offers the open conversation's suggested reply right above X's message box: Insert
 * (nothing is sent) or Dismiss. Shown only while the adapter's self-check passes. It follows the
 * composer with one ResizeObserver (composer and bar) and passive scroll/resize listeners, all taken off
 * while the bar is hidden; every move is one frame's work at most.
 */
export class SuggestionBar {
  readonly #view: SuggestionBarView;
  #markupOk = false;
  #shown: Shown | null = null;
  #composer: HTMLTextAreaElement | null = null;
  /** Messages whose suggestion was inserted here: offering it again would paste it twice. */
  readonly #inserted = new Set<string>();
  #generation = 0;
  #frame: number | null = null;
  #barHeight = 0;
  #tracking: AbortController | null = null;
  readonly #resize: ResizeObserver | null;

  constructor(
    private readonly signal: AbortSignal,
    private readonly deps: SuggestionBarDeps,
  ) {
    this.#view = new SuggestionBarView(deps.doc, {
      insert: () => this.#insert(),
      dismiss: () => void this.#dismiss(),
    });
    const Observer = (deps.win as Window & typeof globalThis).ResizeObserver;
    this.#resize = Observer
      ? new Observer((entries) => {
          for (const entry of entries) {
            if (entry.target === this.#view.host) this.#barHeight = entry.contentRect.height;
          }
          this.#schedule();
        })
      : null;
    signal.addEventListener('abort', () => this.#hide(), { once: true });
  }

  /** The adapter's self-check result: a failure takes the bar away at once. */
  setMarkupOk(ok: boolean): void {
    this.#markupOk = ok;
    void this.refresh();
  }

  /** Asks again what to show (navigation, a notice from the worker, a new check result). */
  async refresh(): Promise<void> {
    const generation = ++this.#generation;
    const root = this.deps.chatRoot();
    const threadId = this.#markupOk && root ? readOpenThread(root, this.deps.url())?.threadId : undefined;
    if (!threadId || this.signal.aborted) {
      this.#hide();
      return;
    }
    let state: BarState;
    try {
      state = await this.deps.ask(threadId);
    } catch {
      // The worker is restarting or the extension was updated: show nothing rather than something stale.
      if (generation === this.#generation) this.#hide();
      return;
    }
    // A newer refresh started meanwhile (the user moved on): its answer wins.
    if (generation !== this.#generation || this.signal.aborted) return;
    const suggestion = state.suggestion;
    if (!this.#markupOk || !suggestion || this.#inserted.has(`${threadId}/${suggestion.messageId}`)) {
      this.#hide();
      return;
    }
    const content: BarContent = {
      text: suggestion.text,
      awayOn: state.awayOn,
      texts: state.texts,
      theme: readPageTheme(this.deps.doc),
    };
    this.#shown = { threadId, messageId: suggestion.messageId, text: suggestion.text, content };
    this.#view.render(content);
    this.#track();
    this.#place();
  }

  #insert(): void {
    const shown = this.#shown;
    if (!shown) return;
    let answer: InsertReplyAnswer;
    try {
      answer = this.deps.insert(shown.threadId, shown.text);
    } catch {
      answer = { ok: false, problem: 'noComposer' };
    }
    if (!answer.ok) {
      this.#view.showError(shown.content.texts.insertFailed);
      return;
    }
    // The composer now has the text and the focus; the suggestion stays listed in the popup.
    this.#inserted.add(`${shown.threadId}/${shown.messageId}`);
    this.#hide();
  }

  async #dismiss(): Promise<void> {
    const shown = this.#shown;
    if (!shown) return;
    const hadFocus = this.#view.hasFocus();
    this.#hide();
    // Focus must not fall to the page's top: it goes back where the user writes.
    if (hadFocus) findComposer(this.deps.chatRoot() ?? this.deps.doc)?.textarea.focus();
    try {
      await this.deps.dismiss(shown.threadId, shown.messageId);
    } catch {
      // Not stored: the next refresh shows it again, which is the truth.
    }
  }

  /** Starts following the composer: one observer, two passive listeners, released on hide. */
  #track(): void {
    const composer = this.#findComposer();
    if (composer === this.#composer && this.#tracking) return;
    this.#untrack();
    this.#composer = composer;
    if (!composer) return;
    this.#tracking = new AbortController();
    const options = { passive: true, capture: true, signal: this.#tracking.signal } as const;
    // Capture: X scrolls inner panels, whose scroll events do not bubble to the window.
    this.deps.win.addEventListener('scroll', () => this.#schedule(), options);
    this.deps.win.addEventListener('resize', () => this.#schedule(), options);
    this.#resize?.observe(composer);
    this.#resize?.observe(this.#view.host);
  }

  #untrack(): void {
    this.#tracking?.abort();
    this.#tracking = null;
    this.#resize?.disconnect();
    this.#composer = null;
  }

  #findComposer(): HTMLTextAreaElement | null {
    const root = this.deps.chatRoot();
    return root ? (findComposer(root)?.textarea ?? null) : null;
  }

  #schedule(): void {
    if (this.#frame !== null || !this.#shown) return;
    this.#frame = this.deps.win.requestAnimationFrame(() => {
      this.#frame = null;
      this.#place();
    });
  }

  #place(): void {
    if (!this.#shown) return;
    // X re-rendered the composer (a new element): follow the new one.
    if (!this.#composer?.isConnected) this.#track();
    const composer = this.#composer;
    if (!composer) {
      this.#view.place(null);
      return;
    }
    const box: Box = composer.getBoundingClientRect();
    // The window, whatever the page's mode (in quirks mode the root's client size is the whole page's).
    const viewport = { width: this.deps.win.innerWidth, height: this.deps.win.innerHeight };
    const rtl = this.#shown.content.texts.dir === 'rtl';
    this.#view.place(placeBar(box, this.#barHeight, viewport, rtl));
  }

  #hide(): void {
    this.#shown = null;
    if (this.#frame !== null) this.deps.win.cancelAnimationFrame(this.#frame);
    this.#frame = null;
    this.#untrack();
    this.#view.remove();
  }
}
