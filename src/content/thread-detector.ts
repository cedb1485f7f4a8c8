import { previewMatches } from '../core/preview-match.ts';
import type { IncomingDm } from '../core/types.ts';
import type { OwnMessageReport } from '../messaging/own-message.ts';
import type { OpenThread } from '../messaging/ui.ts';
import { newestOwnRow, ownMessageReport } from './own-message.ts';
import { clip } from './text-limits.ts';
import { parseMessageRow, rowUuid } from './x/message-row.ts';
import { loadedEmpty } from './x/open-thread.ts';
import { messageList, messageRow } from './x/selectors.ts';

/** What this page knows of one thread: every uuid it has seen, and where the newest one is. */
interface ThreadMemory {
  known: Set<string>;
  newest: Element | null;
  /** When X was first seen showing this thread loaded and empty (no rows, no spinner); null otherwise. */
  emptySince: number | null;
  /** What the inbox showed for this thread when it was opened: the newest message known before. */
  lastPreview: string | null;
}

/**
 * A row that arrives this soon after the empty thread was seen, or with others in one batch, is history
 * rendered late rather than a first message: X shows history in bulk, a person writes one message.
 */
export const EMPTY_SETTLE_MS = 1000;

// Only the newest few dozen rows are ever in the DOM; this bounds memory on very long sessions.
const MAX_KNOWN = 5000;

export interface ThreadDetectorDeps {
  report(dm: IncomingDm): void;
  now(): number;
  /** The open thread and its other person, read when a message is reported (the header may render late). */
  openThread(): OpenThread | null;
  /** One of my own messages (see own-message.ts); absent: mine are not reported. */
  reportOwn?(own: OwnMessageReport): void;
}

/**
 * Reports each new incoming row of the open thread once.
 *
 * "New" is positional: a row is new when it comes after the newest row this page already knew in that
 * thread. Rows present when a thread is first seen are its baseline (history); rows X adds above known
 * ones (scrolling up) are older, hence history; re-rendered and re-opened rows carry known uuids; trimmed
 * rows just leave. When no known row is on screen (first rows of a thread, or X replaced the whole list),
 * nothing can be told apart, so the rows become known without a report: missing a message is safer than
 * answering history. The exception is a conversation X showed loaded and empty (its card, no rows, no
 * loading spinner): the first message that arrives alone, a moment later, is new.
 */
export class ThreadDetector {
  readonly #memories = new Map<string, ThreadMemory>();
  #openId: string | null = null;

  constructor(private readonly deps: ThreadDetectorDeps) {}

  /** A thread was opened (or none, with null): rows already in its list are settled against its memory. */
  open(threadId: string | null, root: ParentNode | null, lastPreview: string | null = null): void {
    this.#openId = threadId;
    if (threadId === null || root === null) return;
    const opened = this.#memory(threadId);
    if (opened.known.size === 0) opened.lastPreview = lastPreview;
    const list = root.querySelector(messageList);
    this.rowsAdded(list ? [...list.querySelectorAll(messageRow)] : []);
    this.listChanged(root);
  }

  /**
   * Something in the chat changed: while the open thread has no known row, see whether X now shows it
   * loaded and empty. Costs a map lookup when the thread already has rows.
   */
  listChanged(root: ParentNode): void {
    if (this.#openId === null) return;
    const memory = this.#memory(this.#openId);
    if (memory.known.size > 0) return;
    if (!loadedEmpty(root)) memory.emptySince = null;
    else memory.emptySince ??= this.deps.now();
  }

  /** Rows X inserted (in any order; removed ones are skipped). */
  rowsAdded(rows: readonly Element[]): void {
    if (this.#openId === null || rows.length === 0) return;
    const memory = this.#memory(this.#openId);
    const candidates = rows.filter((row) => row.isConnected && !memory.known.has(rowUuid(row)));
    if (candidates.length === 0) return;
    const list = candidates[0]?.closest(messageList) ?? null;
    if (!list) return;
    candidates.sort(byDocumentOrder);
    const anchor = this.#anchor(list, memory) ?? this.#previewAnchor(memory, candidates);
    const first = anchor === null && this.#firstOfEmpty(memory, candidates.length);
    for (const row of candidates) {
      const uuid = rowUuid(row);
      if (uuid === '' || memory.known.has(uuid)) continue;
      // The list was found from the first candidate: a single row (the usual case) needs no second look.
      if (candidates.length > 1 && row.closest(messageList) !== list) continue;
      this.#remember(memory, uuid);
      if (anchor === null && !first) continue;
      if (anchor && !(anchor.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      memory.newest = row;
      this.#reportIfTheirs(row);
      this.#reportIfMine(row, list, true);
    }
    memory.emptySince = null;
    if (anchor === null) memory.newest = candidates.at(-1) ?? null;
    // First rows of a conversation: my latest message there may answer one a reply still waits for.
    if (anchor === null) this.#reportIfMine(newestOwnRow(list), list, false);
  }

  #reportIfMine(row: Element | null, list: Element, arrived: boolean): void {
    if (!row || !this.deps.reportOwn || this.#openId === null) return;
    const own = ownMessageReport(row, list, this.#openId, this.deps.now(), arrived);
    if (own) this.deps.reportOwn(own);
  }

  /**
   * The first rows of a thread the inbox listed before it was opened: the last row showing the inbox's
   * text of that moment is the newest message known then, and rows after it came while X loaded the
   * history. No such row (or one from me): no anchor, everything is history.
   */
  #previewAnchor(memory: ThreadMemory, rows: readonly Element[]): Element | null {
    const preview = memory.lastPreview;
    if (memory.known.size > 0 || preview === null) return null;
    memory.lastPreview = null;
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i] as Element;
      const parsed = parseMessageRow(row);
      if (parsed && previewMatches(preview, parsed.text)) return i === rows.length - 1 ? null : row;
    }
    return null;
  }

  /** The first row of a conversation X showed empty: new when it comes alone, after a settled moment. */
  #firstOfEmpty(memory: ThreadMemory, count: number): boolean {
    if (memory.known.size > 0 || memory.emptySince === null || count !== 1) return false;
    return this.deps.now() - memory.emptySince >= EMPTY_SETTLE_MS;
  }

  #memory(threadId: string): ThreadMemory {
    let memory = this.#memories.get(threadId);
    if (!memory) {
      memory = { known: new Set(), newest: null, emptySince: null, lastPreview: null };
      this.#memories.set(threadId, memory);
    }
    return memory;
  }

  /** The newest known row still in the list: the remembered element, else the last known row on screen. */
  #anchor(list: Element, memory: ThreadMemory): Element | null {
    if (memory.newest?.isConnected && list.contains(memory.newest)) return memory.newest;
    const rows = list.querySelectorAll(messageRow);
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i];
      if (row && memory.known.has(rowUuid(row))) {
        memory.newest = row;
        return row;
      }
    }
    return null;
  }

  #remember(memory: ThreadMemory, uuid: string): void {
    memory.known.add(uuid);
    if (memory.known.size > MAX_KNOWN) {
      const oldest = memory.known.values().next().value;
      if (oldest !== undefined) memory.known.delete(oldest);
    }
  }

  #reportIfTheirs(row: Element): void {
    const message = parseMessageRow(row);
    const thread = this.deps.openThread();
    // Mine, X's own notices, or a row whose direction cannot be read is never reported.
    if (message?.direction !== 'theirs' || !message.fromPerson) return;
    if (!thread || thread.threadId !== this.#openId) return;
    const group = thread.threadKind === 'group';
    this.deps.report({
      messageId: clip(message.uuid, 200),
      threadId: thread.threadId,
      threadKind: thread.threadKind,
      // Groups: no source shows a member's id on their rows.
      senderId: group ? '' : thread.contactId,
      senderHandle: clip(group ? message.senderHandle : thread.contactHandle, 50),
      senderName: clip(group ? message.senderName : thread.contactName || message.senderName, 200),
      text: clip(message.text, 10_000),
      timeLabel: clip(message.timeLabel, 100),
      detectedAt: this.deps.now(),
      source: 'thread',
    });
  }
}

function byDocumentOrder(a: Element, b: Element): number {
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
