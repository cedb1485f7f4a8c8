import type { BarPlacement } from './bar-position.ts';
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

const CSS = `
:host { all: initial; }
.bar { box-sizing: border-box; display: flex; align-items: center; gap: 8px; padding: 6px 8px 6px 12px;
  border-radius: 16px; border: 1px solid; font: 14px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif;
  box-shadow: 0 2px 8px rgb(0 0 0 / 0.15); width: 100%; }
.bar[data-theme="light"] { background: #f7f9f9; color: #0f1419; border-color: #cfd9de; }
.bar[data-theme="dark"] { background: #16181c; color: #e7e9ea; border-color: #536471; }
.body { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.title, .away { font-size: 12px; opacity: 0.85; }
.away { font-weight: 700; }
.text { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.error { font-size: 12px; color: #f4212e; }
.error:empty { display: none; }
button { font: inherit; font-weight: 700; border-radius: 9999px; padding: 6px 14px; cursor: pointer;
  border: 1px solid; white-space: nowrap; }
.bar[data-theme="light"] button { background: #fff; color: #0f1419; border-color: #cfd9de; }
.bar[data-theme="dark"] button { background: #000; color: #e7e9ea; border-color: #536471; }
.bar[data-theme] button.primary { background: #0b62a4; color: #fff; border-color: #0b62a4; }
button:focus-visible { outline: 3px solid #1d9bf0; outline-offset: 2px; }
`;

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
