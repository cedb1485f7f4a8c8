import type { BarPlacement } from './bar-position.ts';
import CSS from './suggestion-bar.css?inline';
import type { PageTheme } from './x/theme.ts';

/** What the bar shows. Texts come from the worker, in the extension's language. */
export interface BarContent {
  text: string;
  awayOn: boolean;
  texts: {
    label: string;
    title: string;
    insert: string;
    dismiss: string;
    awayOn: string;
    insertFailed: string;
    lang: string;
    dir: 'ltr' | 'rtl';
  };
  theme: PageTheme;
}

export interface BarActions {
  insert(): void;
  dismiss(): void;
}

/** The host's id in X's page (our injected names start with `afx-`). */
export const BAR_HOST_ID = 'afx-suggestion-bar';

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = className;
  return node;
}

/**
 * The bar's DOM: a host element of ours, appended to the document (outside X's React tree), with its own
 * shadow root so X's styles and ours never meet. Text is set as text, never as HTML. Tab reaches its
 * two buttons; Escape anywhere in it dismisses.
 */
export class SuggestionBarView {
  readonly host: HTMLElement;
  readonly #bar: HTMLElement;
  readonly #title: HTMLElement;
  readonly #away: HTMLElement;
  readonly #text: HTMLElement;
  readonly #error: HTMLElement;
  readonly #insert: HTMLButtonElement;
  readonly #dismiss: HTMLButtonElement;

  constructor(
    private readonly doc: Document,
    actions: BarActions,
  ) {
    this.host = doc.createElement('div');
    this.host.id = BAR_HOST_ID;
    this.host.hidden = true;
    this.host.style.cssText = 'all: initial; position: fixed; z-index: 2147483000; display: none;';
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    this.#bar = element(doc, 'div', 'bar');
    this.#bar.setAttribute('role', 'region');
    const body = element(doc, 'div', 'body');
    this.#title = element(doc, 'span', 'title');
    this.#away = element(doc, 'span', 'away');
    this.#text = element(doc, 'span', 'text');
    this.#error = element(doc, 'span', 'error');
    this.#error.setAttribute('role', 'status');
    body.append(this.#away, this.#title, this.#text, this.#error);
    this.#insert = element(doc, 'button', 'primary insert');
    this.#insert.type = 'button';
    this.#insert.addEventListener('click', () => actions.insert());
    this.#dismiss = element(doc, 'button', 'dismiss');
    this.#dismiss.type = 'button';
    this.#dismiss.addEventListener('click', () => actions.dismiss());
    this.#bar.append(body, this.#insert, this.#dismiss);
    this.#bar.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      // X must not act on it too (it may close the conversation).
      event.preventDefault();
      event.stopPropagation();
      actions.dismiss();
    });
    shadow.append(style, this.#bar);
  }

  /** Fills the bar (attaching it to the page the first time). It stays hidden until `place`. */
  render(content: BarContent): void {
    const { texts } = content;
    if (!this.host.isConnected) (this.doc.body ?? this.doc.documentElement).append(this.host);
    this.#bar.dataset.theme = content.theme;
    this.#bar.lang = texts.lang;
    this.#bar.dir = texts.dir;
    this.#bar.setAttribute('aria-label', texts.label);
    this.#title.textContent = texts.title;
    this.#away.textContent = texts.awayOn;
    this.#away.hidden = !content.awayOn;
    this.#text.textContent = content.text;
    this.#text.title = content.text;
    this.#insert.textContent = texts.insert;
    this.#dismiss.textContent = texts.dismiss;
  }

  showError(text: string): void {
    this.#error.textContent = text;
  }

  /** Shows the bar at this place, or hides it (null). */
  place(placement: BarPlacement | null): void {
    const style = this.host.style;
    if (!placement) {
      style.display = 'none';
      this.host.hidden = true;
      return;
    }
    style.top = `${placement.top}px`;
    style.transform = 'translateY(-100%)';
    style.left = `${placement.left}px`;
    style.width = `${placement.width}px`;
    style.display = 'block';
    this.host.hidden = false;
  }

  /** Whether keyboard focus is inside the bar (the document sees only the host). */
  hasFocus(): boolean {
    return this.doc.activeElement === this.host;
  }

  /** Takes the bar out of the page. */
  remove(): void {
    this.place(null);
    this.#error.textContent = '';
    this.host.remove();
  }
}
