import { Anonymiser } from './anonymise.ts';
import { findChatRoot } from './chat-root.ts';
import { loadedEmpty } from './open-thread.ts';
import { isChatInbox, isRequestsList, threadKind } from './pages.ts';
import { inboxRowDescriptionAttribute, testIdAttribute } from './selectors.ts';
import { isLocked, type SelfCheckResult } from './self-check.ts';

/**
 * An anonymised structural snapshot of X's chat as this page shows it (anonymise.ts says what is kept):
 * what the popup copies as a "markup report" when the self-check fails, and what `npm run snapshot:x`
 * saves into test/fixtures/x-snapshots/. HTML, so the adapter's tests can load it back: an open shadow
 * root is written as `<template data-afx-shadow-root>` inside its host.
 */

export const REPORT_VERSION = 1;

/** Page kinds, as the snapshot files are named: `<kind>--<where it comes from>.html`. */
export type PageKind =
  | 'inbox'
  | 'thread'
  | 'group-thread'
  | 'empty-thread'
  | 'requests'
  | 'request-thread'
  | 'passcode'
  | 'other';

/** Past these, children and elements are left out (and counted), so a report stays pasteable. */
const MAX_CHILDREN = 30;
const MAX_ELEMENTS = 4000;

/** Attributes kept as they are: how elements are built, never who or what. */
const KEEP = new Set([
  'class',
  'role',
  'dir',
  'type',
  'tabindex',
  'inputmode',
  'maxlength',
  'pattern',
  'autocomplete',
  'viewbox',
  'data-icon',
  'aria-hidden',
  'aria-selected',
  'aria-checked',
  'aria-disabled',
  'aria-expanded',
  'aria-live',
  'aria-modal',
  'disabled',
  'readonly',
  'hidden',
  'rows',
  'target',
  'rel',
  'draggable',
]);
/** Attributes whose value is words: X's words stay, anything else gets a stand-in. */
const WORDS = new Set(['aria-label', 'placeholder', 'title', 'alt']);
/** Elements written without their content. */
const EMPTY = new Set(['script', 'style', 'noscript', 'template', 'path', 'video', 'audio', 'canvas']);
const VOID = new Set(['img', 'input', 'br', 'hr', 'source', 'meta', 'link', 'wbr']);

const escapeText = (text: string) =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const escapeAttr = (text: string) => escapeText(text).replace(/"/gu, '&quot;');

export function pageKind(doc: Document, url: string): PageKind {
  const found = findChatRoot(doc);
  if (isLocked(found, doc, url)) return 'passcode';
  const kind = threadKind(url);
  if (kind === 'group') return 'group-thread';
  if (kind === 'request') return 'request-thread';
  if (kind === 'direct') return found && loadedEmpty(found.root) ? 'empty-thread' : 'thread';
  if (isRequestsList(url)) return 'requests';
  return isChatInbox(url) ? 'inbox' : 'other';
}

class Writer {
  readonly #lines: string[] = [];
  #elements = 0;

  constructor(private readonly anon: Anonymiser) {}

  get text(): string {
    return this.#lines.join('\n');
  }

  element(element: Element, depth: number): void {
    const pad = '  '.repeat(depth);
    if (++this.#elements > MAX_ELEMENTS) {
      if (this.#elements === MAX_ELEMENTS + 1) this.#lines.push(`${pad}<!-- more elements left out -->`);
      return;
    }
    const tag = element.localName;
    const open = `<${tag}${this.#attributes(element)}>`;
    if (VOID.has(tag)) {
      this.#lines.push(pad + open);
      return;
    }
    const shadow = element.shadowRoot;
    const children = EMPTY.has(tag) ? [] : [...element.childNodes];
    const texts = children.filter((node) => node.nodeType === 3 && (node.nodeValue ?? '').trim() !== '');
    // Text and elements mixed: written on one line, as X renders it (no whitespace of ours inside).
    if (!shadow && texts.length > 0) {
      this.#lines.push(`${pad}${open}${this.#inline(children)}</${tag}>`);
      return;
    }
    const elements = children.filter((node): node is Element => node.nodeType === 1);
    if (!shadow && elements.length === 0) {
      this.#lines.push(`${pad}${open}</${tag}>`);
      return;
    }
    this.#lines.push(pad + open);
    if (shadow) {
      this.#lines.push(`${pad}  <template data-afx-shadow-root>`);
      for (const child of this.#capped(shadow.children, depth + 2)) this.element(child, depth + 2);
      this.#lines.push(`${pad}  </template>`);
    }
    for (const child of this.#capped(elements, depth + 1)) this.element(child, depth + 1);
    this.#lines.push(`${pad}</${tag}>`);
  }

  #capped(elements: Iterable<Element>, depth: number): Element[] {
    const all = [...elements];
    if (all.length <= MAX_CHILDREN) return all;
    const kept = all.slice(0, MAX_CHILDREN);
    this.#lines.push(`${'  '.repeat(depth)}<!-- ${all.length - MAX_CHILDREN} more like these left out -->`);
    return kept;
  }

  #inline(nodes: readonly ChildNode[]): string {
    let out = '';
    for (const node of nodes) {
      if (node.nodeType === 3) out += escapeText(this.anon.text(node.nodeValue ?? ''));
      else if (node.nodeType === 1) {
        const element = node as Element;
        const tag = element.localName;
        this.#elements += 1;
        const open = `<${tag}${this.#attributes(element)}>`;
        out += VOID.has(tag)
          ? open
          : `${open}${EMPTY.has(tag) ? '' : this.#inline([...element.childNodes])}</${tag}>`;
      }
    }
    return out;
  }

  #attributes(element: Element): string {
    let out = '';
    for (const { name, value } of element.attributes)
      out += ` ${name}="${escapeAttr(this.#value(name, value))}"`;
    return out;
  }

  #value(name: string, value: string): string {
    if (name === testIdAttribute || name === 'id' || name === 'class') return this.anon.ids(value);
    if (name === 'href') return this.anon.href(value);
    if (name === inboxRowDescriptionAttribute || name === 'aria-description')
      return this.anon.description(value);
    if (WORDS.has(name)) return this.anon.text(value);
    if (KEEP.has(name)) return value;
    if (name.startsWith('data-')) {
      // X's own data attributes hold ids, states and indexes; anything longer is not kept.
      const shaped = this.anon.ids(value);
      return /^[\w:.-]{0,48}$/u.test(shaped) ? shaped : 'v';
    }
    return '';
  }
}

/**
 * The report of this page: a few header lines (format version, page kind, the URL with stand-ins, the
 * self-check), then the chat's markup — its shadow host with the shadow root, or the light-DOM column.
 */
export function markupReport(doc: Document, url: string, check?: SelfCheckResult): string {
  const anon = new Anonymiser();
  const found = findChatRoot(doc);
  const writer = new Writer(anon);
  const host = found?.variant === 'shadow' ? found.anchor : (found?.root as Element | undefined);
  if (host) writer.element(host, 0);
  let path = url;
  try {
    const parsed = new URL(url);
    path = `${parsed.origin}${anon.href(parsed.pathname)}`;
  } catch {
    path = '';
  }
  const header = [
    `<!-- Away for X markup report v${REPORT_VERSION} -->`,
    `<!-- kind: ${pageKind(doc, url)} -->`,
    `<!-- url: ${escapeText(path)} -->`,
    `<!-- variant: ${found?.variant ?? 'none'} -->`,
  ];
  if (check) {
    const state = check.locked ? 'locked' : check.ok ? 'ok' : `missing ${check.missing.join(' ')}`;
    header.push(`<!-- self-check: ${state} -->`);
  }
  return `${header.join('\n')}\n${writer.text || '<!-- no chat found on this page -->'}\n`;
}
