import type { IncomingDm } from '../core/types.ts';
import { InboxDetector } from './inbox-detector.ts';
import { ThreadDetector } from './thread-detector.ts';
import { readOpenThread } from './x/open-thread.ts';
import { threadIdFromUrl } from './x/pages.ts';
import { inboxRow, messageRow, messageRowAttribute } from './x/selectors.ts';

export interface DetectorDeps {
  report(dm: IncomingDm): void;
  now(): number;
}

const rowOrInboxRow = `${messageRow}, ${inboxRow}`;

/**
 * Turns mutations of the chat root into reports. Per batch it looks only at added nodes (and the inbox
 * row around a changed node): never at the whole tree, so a busy page costs what changed, not its size.
 */
export class Detector {
  readonly #thread: ThreadDetector;
  readonly #inbox: InboxDetector;
  #root: ParentNode | null = null;
  #url = '';
  #openId: string | null = null;

  constructor(deps: DetectorDeps) {
    this.#thread = new ThreadDetector({
      ...deps,
      openThread: () => (this.#root ? readOpenThread(this.#root, this.#url) : null),
    });
    this.#inbox = new InboxDetector(deps);
  }

  /**
   * The chat root was found. What it shows is the baseline the first time; when the page comes back to
   * chat (or X re-mounted it), it is compared with what this page remembers.
   */
  attach(root: ParentNode, url: string): void {
    this.#root = root;
    this.#url = url;
    this.#openId = threadIdFromUrl(url);
    this.#inbox.scan(root, this.#openId);
    this.#thread.open(this.#openId, root);
  }

  /** The chat root is gone (left chat, or X removed it); memories are kept for when it comes back. */
  detach(): void {
    this.#root = null;
    this.#openId = null;
    this.#thread.open(null, null);
  }

  /** The page's URL changed (SPA navigation): another thread, or none, may be open now. */
  navigate(url: string): void {
    this.#url = url;
    const openId = threadIdFromUrl(url);
    if (openId === this.#openId || !this.#root) return;
    this.#openId = openId;
    this.#thread.open(openId, this.#root);
  }

  process(records: readonly MutationRecord[]): void {
    if (!this.#root) return;
    const rows = new Set<Element>();
    const inboxRows = new Set<Element>();
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) collect(node, rows, inboxRows);
      }
      // A preview edited in place: its text node or attribute changed somewhere inside an inbox row.
      const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
      const owner = target?.closest(inboxRow);
      if (owner) inboxRows.add(owner);
    }
    this.#thread.rowsAdded([...rows]);
    this.#inbox.rowsTouched(inboxRows, this.#openId);
  }
}

function collect(node: Node, rows: Set<Element>, inboxRows: Set<Element>): void {
  if (node.nodeType !== 1) return;
  const element = node as Element;
  const found = element.matches(rowOrInboxRow)
    ? [element]
    : element.firstElementChild
      ? element.querySelectorAll(rowOrInboxRow)
      : [];
  for (const match of found) {
    if (match.hasAttribute(messageRowAttribute)) rows.add(match);
    else inboxRows.add(match);
  }
}
