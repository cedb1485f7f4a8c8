import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageKind } from '../../../../src/content/x/markup-report.ts';

/** test/fixtures/x-snapshots/: X's chat markup, written from public evidence or captured (anonymised). */
export const SNAPSHOT_DIR = join(import.meta.dirname, '../../../fixtures/x-snapshots');

export interface Snapshot {
  file: string;
  kind: PageKind;
  url: string;
  html: string;
}

function header(html: string, name: string): string {
  return new RegExp(`<!-- ${name}: (.*?) -->`, 'u').exec(html)?.[1]?.trim() ?? '';
}

/** Every snapshot file, with the page kind and URL its header gives. */
export function snapshots(): Snapshot[] {
  return readdirSync(SNAPSHOT_DIR)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const html = readFileSync(join(SNAPSHOT_DIR, file), 'utf8');
      return { file, kind: header(html, 'kind') as PageKind, url: header(html, 'url'), html };
    });
}

/** Whitespace-only text with a line break is the file's layout, not X's: React renders none. */
function dropLayout(node: Node): void {
  for (const child of [...node.childNodes]) {
    if (child.nodeType === 3 && /^\s*\n\s*$/u.test(child.nodeValue ?? '')) child.remove();
    else if (child.nodeType === 1) {
      dropLayout(child);
      if (child instanceof HTMLTemplateElement) dropLayout(child.content);
    }
  }
}

/**
 * Puts a snapshot in this (happy-dom) document as X would have it: inside X's app shell, its URL, and
 * each `<template data-afx-shadow-root>` turned back into an open shadow root of its parent.
 */
export function loadSnapshot(snapshot: Pick<Snapshot, 'html' | 'url'>): void {
  history.replaceState(null, '', new URL(snapshot.url).pathname);
  document.body.innerHTML =
    '<div id="react-root"><main role="main"><div data-testid="primaryColumn"></div></main></div>';
  const column = document.querySelector('[data-testid="primaryColumn"]') as Element;
  const holder = document.createElement('div');
  holder.innerHTML = snapshot.html;
  dropLayout(holder);
  const root = holder.firstElementChild;
  // A light-DOM report is the primary column itself: its children go into ours.
  if (root?.getAttribute('data-testid') === 'primaryColumn') column.append(...root.childNodes);
  else column.append(...holder.childNodes);
  for (const template of [...document.querySelectorAll('template[data-afx-shadow-root]')]) {
    const host = template.parentElement as Element;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append((template as HTMLTemplateElement).content);
    template.remove();
    // Shadow roots written inside this one.
    for (const inner of [...shadow.querySelectorAll('template[data-afx-shadow-root]')]) {
      const innerHost = inner.parentElement as Element;
      innerHost.attachShadow({ mode: 'open' }).append((inner as HTMLTemplateElement).content);
      inner.remove();
    }
  }
}
