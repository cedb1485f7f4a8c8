import type { IncomingDm } from '../core/types.ts';
import type { OwnMessageReport } from '../messaging/own-message.ts';
import { threadIdFromUrl } from '../shared/chat-urls.ts';
import { InboxDetector } from './inbox-detector.ts';
import { ThreadDetector } from './thread-detector.ts';
import { ViewerId } from './x/identity.ts';
import { inboxRowThreadId, isInboxRow } from './x/inbox-row.ts';
import { OpenThreadCache } from './x/open-thread.ts';
import { inboxRow, messageRow, messageRowAttribute } from './x/selectors.ts';

export interface DetectorDeps {
  report(dm: IncomingDm): void;
  now(): number;
  /** One of my own messages was seen in the open conversation. */
  reportOwn?(own: OwnMessageReport): void;
  /** The page's cookies (`document.cookie`), where X keeps the viewer's id; none in some tests. */
  cookie?(): string;
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
  readonly #openThread = new OpenThreadCache();
  readonly #viewer: ViewerId;

  constructor(deps: DetectorDeps) {
    const viewer = new ViewerId(deps.cookie ?? (() => ''));
    this.#viewer = viewer;
    this.#thread = new ThreadDetector({
      report: deps.report,
      now: deps.now,
      openThread: () => (this.#root ? this.#openThread.read(this.#root, this.#url, viewer.get()) : null),
      reportOwn: deps.reportOwn,
    });
    this.#inbox = new InboxDetector({ report: deps.report, now: deps.now, viewerId: () => viewer.get() });
  }

  /**
   * The chat root was found. What it shows is the baseline the first time; when the page comes back to
   * chat (or X re-mounted it), it is compared with what this page remembers.
   */
  attach(root: ParentNode, url: string): void {
    this.#root = root;
    this.#url = url;
    this.#openId = threadIdFromUrl(url);
    // Without X's cookie, the id every 1:1 conversation listed shares is the viewer's.
    if (this.#viewer.get() === '') {
      const ids = [...root.querySelectorAll(inboxRow)].map(inboxRowThreadId);
      this.#viewer.learnFromThreads(ids.filter((id): id is string => id !== null));
    }
    this.#inbox.scan(root, this.#openId);
    this.#thread.open(this.#openId, root, this.#previewOf(this.#openId));
  }

  /** The chat root is gone (left chat, or X removed it); memories are kept for when it comes back. */
  detach(): void {
    this.#root = null;
    this.#openId = null;
    this.#openThread.clear();
    this.#thread.open(null, null);
  }

  /** The page's URL changed (SPA navigation): another thread, or none, may be open now. */
  navigate(url: string): void {
    this.#url = url;
    const openId = threadIdFromUrl(url);
    if (openId === this.#openId || !this.#root) return;
    this.#openId = openId;
    this.#thread.open(openId, this.#root, this.#previewOf(openId));
  }

  #previewOf(threadId: string | null): string | null {
    return threadId === null ? null : this.#inbox.previewOf(threadId);
  }

  process(records: readonly MutationRecord[]): void {
    if (!this.#root) return;
    const rows: Element[] = [];
    const inboxRows = new Set<Element>();
    let lastTarget: Node | null = null;
    let owner: Element | null = null;
    for (const record of records) {
      // A change inside an inbox row (its attributes, its preview re-rendered, its unread dot) concerns
      // that row alone: nothing added inside it can be another row. X re-renders a row with several
      // records on the same node in a row (attributes, then children): one lookup serves them all.
      if (record.target !== lastTarget) {
        lastTarget = record.target;
        owner = this.#inboxRowAround(lastTarget);
        if (owner) inboxRows.add(owner);
      }
      if (owner) continue;
      if (record.type === 'childList') {
        for (const node of record.addedNodes) this.#collect(node, rows, inboxRows);
      }
    }
    if (rows.length > 0) this.#thread.rowsAdded(rows);
    else this.#thread.listChanged(this.#root);
    if (inboxRows.size > 0) this.#inbox.rowsTouched(inboxRows, this.#openId);
  }

  /** The inbox row a changed node is in (or is): a row read before is found without matching selectors. */
  #inboxRowAround(node: Node): Element | null {
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!element) return null;
    return this.#inbox.isKnownRow(element) ? element : element.closest(inboxRow);
  }

  #collect(node: Node, rows: Element[], inboxRows: Set<Element>): void {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (element.hasAttribute(messageRowAttribute)) {
      rows.push(element);
      return;
    }
    // A known row moved (X re-sorts the inbox): one lookup, then its unchanged signature ends it.
    if (this.#inbox.isKnownRow(element) || isInboxRow(element)) {
      inboxRows.add(element);
      return;
    }
    if (!element.firstElementChild) return;
    for (const match of element.querySelectorAll(rowOrInboxRow)) {
      if (match.hasAttribute(messageRowAttribute)) rows.push(match);
      else inboxRows.add(match);
    }
  }
}
