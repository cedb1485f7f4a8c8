import { isChatInbox, isRequestsList, threadKind } from '../../shared/chat-urls.ts';
import { Anonymiser } from './anonymise.ts';
import { documentOf } from './chat-markup.ts';
import { findChatRoot } from './chat-root.ts';
import { loadedEmpty } from './open-thread.ts';
import { inboxRowDescriptionAttribute, testIdAttribute } from './selectors.ts';
import { isLocked } from './self-check.ts';

/**
 * An anonymised structural snapshot of X's chat (anonymise.ts says what is kept): what the popup copies
 * as a "markup report" when the self-check fails, and what `npm run snapshot:x` saves into
 * test/fixtures/x-snapshots/. HTML, so the adapter's tests can load it back: an open shadow root is written
 * as `<template data-afx-shadow-root>` inside its host. It is made from the chat's markup the content
 * script sends (chat-markup.ts), restored into a document of its own, outside the X page: this code is
 * not shipped in the content script every X page loads.
 */

/** The self-check's verdict, as the report's header states it. */
export interface ReportCheck {
  ok: boolean;
  missing: readonly string[];
  locked?: boolean;
}

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
const KEEP = new Set(
  'class role dir type tabindex inputmode maxlength pattern autocomplete viewbox data-icon aria-hidden aria-selected aria-checked aria-disabled aria-expanded aria-live aria-modal disabled readonly hidden rows target rel draggable'.split(
    ' ',
  ),
);
/** Attributes whose value is words: X's words stay, anything else gets a stand-in. */
const WORDS = new Set(['aria-label', 'placeholder', 'title', 'alt']);
/** Elements written without their content, and elements without an end tag. */
const EMPTY = /^(?:script|style|noscript|template|path|video|audio|canvas)$/u;
const VOID = /^(?:img|input|br|hr|source|meta|link|wbr)$/u;

const escapeText = (text: string) =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

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

function value(anon: Anonymiser, name: string, raw: string): string {
  if (name === testIdAttribute || name === 'id' || name === 'class') return anon.ids(raw);
  if (name === 'href') return anon.href(raw);
  if (name === inboxRowDescriptionAttribute) return anon.description(raw);
  if (WORDS.has(name)) return anon.text(raw);
  if (KEEP.has(name)) return raw;
  // Other data attributes hold ids, states and indexes; anything longer is not kept.
  const shaped = anon.ids(raw);
  return name.startsWith('data-') && /^[\w:.-]{0,48}$/u.test(shaped) ? shaped : '';
}

/**
 * Writes an element: one per line and indented where it holds elements only; on one line, as X renders
 * it, where text and elements mix (no whitespace of ours inside a message).
 */
function writer(anon: Anonymiser) {
  const lines: string[] = [];
  let count = 0;
  const open = (element: Element) => {
    let out = `<${element.localName}`;
    for (const { name, value: raw } of element.attributes) {
      out += ` ${name}="${escapeText(value(anon, name, raw)).replace(/"/gu, '&quot;')}"`;
    }
    return `${out}>`;
  };
  const inline = (node: Node): string => {
    if (node.nodeType === 3) return escapeText(anon.text(node.nodeValue ?? ''));
    if (node.nodeType !== 1) return '';
    const element = node as Element;
    const tag = element.localName;
    count += 1;
    if (VOID.test(tag)) return open(element);
    const inner = EMPTY.test(tag) ? '' : [...element.childNodes].map(inline).join('');
    return `${open(element)}${inner}</${tag}>`;
  };
  const children = (elements: Iterable<Element>, depth: number) => {
    const all = [...elements];
    if (all.length > MAX_CHILDREN) {
      lines.push(`${'  '.repeat(depth)}<!-- ${all.length - MAX_CHILDREN} more like these left out -->`);
    }
    for (const child of all.slice(0, MAX_CHILDREN)) write(child, depth);
  };
  const write = (element: Element, depth: number): void => {
    const pad = '  '.repeat(depth);
    if (++count > MAX_ELEMENTS) {
      if (count === MAX_ELEMENTS + 1) lines.push(`${pad}<!-- more elements left out -->`);
      return;
    }
    const tag = element.localName;
    const shadow = element.shadowRoot;
    const nodes = EMPTY.test(tag) ? [] : [...element.childNodes];
    const mixed = nodes.some((node) => node.nodeType === 3 && (node.nodeValue ?? '').trim() !== '');
    const elements = nodes.filter((node): node is Element => node.nodeType === 1);
    if (VOID.test(tag) || (!shadow && (mixed || elements.length === 0))) {
      count -= 1;
      lines.push(pad + inline(element));
      return;
    }
    lines.push(pad + open(element));
    if (shadow) {
      lines.push(`${pad}  <template data-afx-shadow-root>`);
      children(shadow.children, depth + 2);
      lines.push(`${pad}  </template>`);
    }
    children(elements, depth + 1);
    lines.push(`${pad}</${tag}>`);
  };
  return { write, text: () => lines.join('\n') };
}

/**
 * The report of this page: a few header lines (format version, page kind, the URL with stand-ins, the
 * self-check), then the chat's markup — its shadow host with the shadow root, or the light-DOM column.
 */
export function markupReport(doc: Document, url: string, check?: ReportCheck): string {
  const anon = new Anonymiser();
  const found = findChatRoot(doc);
  const out = writer(anon);
  const host = found?.variant === 'shadow' ? found.anchor : (found?.root as Element | undefined);
  if (host) out.write(host, 0);
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
  return `${header.join('\n')}\n${out.text() || '<!-- no chat found on this page -->'}\n`;
}

/**
 * The report made from the chat markup a content script answered (chat-markup.ts), in a document of its
 * own that `parse` makes: the popup's DOMParser, or happy-dom in `npm run snapshot:x`. Both give the
 * report the page itself would.
 */
export function reportFromMarkup(
  answer: { markup: string; url: string; check?: ReportCheck },
  parse: (html: string) => Document,
): string {
  return markupReport(documentOf(answer.markup, parse), answer.url, answer.check);
}
