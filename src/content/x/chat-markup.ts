import { findChatRoot } from './chat-root.ts';
import { primaryColumnId, testIdAttribute } from './selectors.ts';

/**
 * The chat's markup as this page shows it, open shadow roots included as `<template data-afx-shadow-root>`
 * inside their host: what a markup report is made from (markup-report.ts). It holds everything the page
 * shows, names and messages included, so it never leaves the extension: the report made from it is what
 * the user copies. Kept this small because it ships in the content script of every X page.
 */
export function chatMarkup(doc: Document): string {
  const found = findChatRoot(doc);
  if (!found) return '';
  const host = found.variant === 'shadow' ? found.anchor : (found.root as Element);
  return withShadows(host);
}

function withShadows(element: Element): string {
  const shadow = element.shadowRoot;
  if (!shadow) return element.outerHTML;
  const shell = (element.cloneNode(false) as Element).outerHTML;
  const close = shell.lastIndexOf('</');
  const inner = [...shadow.children].map(withShadows).join('');
  return `${shell.slice(0, close)}<template data-afx-shadow-root>${inner}</template>${element.innerHTML}${shell.slice(close)}`;
}

/** A document with the markup back in place: each `<template data-afx-shadow-root>` an open shadow root. */
export function documentOf(markup: string, make: (html: string) => Document): Document {
  // In X's column, as on the page: the light variant's chat root is found by it.
  const doc = make(
    `<!doctype html><body><div ${testIdAttribute}="${primaryColumnId}">${markup}</div></body>`,
  );
  restoreShadows(doc);
  return doc;
}

function restoreShadows(root: ParentNode): void {
  // Template contents are fragments of their own: a shadow root's templates are found once it is attached.
  for (const template of [...root.querySelectorAll('template[data-afx-shadow-root]')]) {
    const host = template.parentElement;
    template.remove();
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append((template as HTMLTemplateElement).content);
    restoreShadows(shadow);
  }
}
