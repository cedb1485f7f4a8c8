import { INBOX_ID_PREFIX } from '../core/preview-match.ts';
import type { IncomingDm, ThreadKind } from '../core/types.ts';
import { stableHash } from './stable-hash.ts';
import { clip } from './text-limits.ts';
import {
  inboxRowDescription,
  inboxRowTestId,
  inboxRowThreadId,
  isInboxRow,
  parseInboxRow,
  previewInDescription,
} from './x/inbox-row.ts';
import { inboxRow } from './x/selectors.ts';

/** The last preview this page saw for a thread, and whether it still waits for a verdict. */
interface Entry {
  preview: string;
  /** A changed preview not judged yet: the unread dot may arrive in a later render than the text. */
  pending: boolean;
  /** The batch in which this page first saw the thread: rows of later batches may sit above it. */
  batch: number;
}

/** What a row element showed when it was last read (compared as two strings, never concatenated). */
interface RowMemo {
  testId: string;
  description: string | null;
  /** The thread's entry (null for a row that did not parse): checked for `pending` without a lookup. */
  entry: Entry | null;
  /** The thread the row showed when it was parsed, and its kind (how its description reads). */
  threadId: string | null;
  kind: ThreadKind | null;
}

export interface InboxDetectorDeps {
  report(dm: IncomingDm): void;
  now(): number;
  /** The viewer's X id ('' when unknown): the other id of a 1:1 thread is the sender's. */
  viewerId(): string;
}

/**
 * Reports messages that arrive in threads that are not open, from the inbox's previews.
 *
 * A preview counts when its text changed after this page first saw the row (the baseline), the row is
 * unread (X's "Unread" or its dot: a message I wrote is never unread to me) and is not the open thread's
 * (the thread detector reads those rows with their real uuid). A row for a thread never seen before
 * counts only if it appears above a known row (a new conversation moves to the top); rows loaded below
 * known ones (scrolling down) are history. The relative time is not part of the message: X rewrites it
 * every minute ("Now", "1m", …), so the id hashes thread and text only, and a changed time alone is not a
 * new message.
 *
 * Cost: X re-renders and re-sorts many rows per new message. A row element whose test id and description
 * are what they were last time is not parsed again, so a moved or re-rendered row costs two attribute
 * reads, and a batch costs what it touched, never the size of the inbox. The open thread's row changes
 * with every message of that thread, which the thread detector reports: its new preview is read once,
 * when another thread opens (or its preview is asked for), not on every message.
 */
export class InboxDetector {
  readonly #entries = new Map<string, Entry>();
  readonly #rows = new WeakMap<Element, RowMemo>();
  readonly #reported = new Set<string>();
  #batch = 0;
  /** The open thread's last description not parsed yet (see #readDeferred), and that thread. */
  #deferred: { description: string; kind: ThreadKind } | null = null;
  #deferredOf: string | null = null;

  constructor(private readonly deps: InboxDetectorDeps) {}

  /** The text the inbox last showed for a thread this page has seen listed; null when never listed. */
  previewOf(threadId: string): string | null {
    if (threadId === this.#deferredOf) this.#readDeferred();
    return this.#entries.get(threadId)?.preview ?? null;
  }

  /** True for an element this detector has already read as an inbox row (no selector matching needed). */
  isKnownRow(element: Element): boolean {
    return this.#rows.has(element);
  }

  /** Rows X inserted or changed, in any order. */
  rowsTouched(rows: Iterable<Element>, openThreadId: string | null): void {
    // Positions are judged against threads known before this batch, so the order rows are handled in (and
    // the first render of the whole inbox) cannot make one row look "above a known one" to another.
    this.#batch += 1;
    if (openThreadId !== this.#deferredOf) this.#readDeferred();
    const anyKnown = this.#entries.size > 0;
    for (const row of rows) this.#touch(row, openThreadId, anyKnown);
  }

  /** Everything on screen now: on the first look the baseline, on a later one (back to chat) a comparison. */
  scan(root: ParentNode, openThreadId: string | null): void {
    this.rowsTouched(root.querySelectorAll(inboxRow), openThreadId);
  }

  #touch(row: Element, openThreadId: string | null, anyKnown: boolean): void {
    const testId = inboxRowTestId(row);
    const description = inboxRowDescription(row);
    const memo = this.#rows.get(row);
    if (memo && memo.testId === testId) {
      // Unchanged text: only a preview still waiting for its unread dot deserves another look.
      if (memo.description === description && !memo.entry?.pending) return;
      // The open thread's row: read once that thread is no longer open (see #readDeferred).
      const open = memo.threadId !== null && memo.threadId === openThreadId;
      if (open && memo.entry && memo.kind && description !== null) {
        memo.description = description;
        this.#deferred = { description, kind: memo.kind };
        this.#deferredOf = openThreadId;
        return;
      }
    }
    // A row X removed later in the same task: it shows nothing any more.
    if (!row.isConnected) return;
    const parsed = parseInboxRow(row, this.deps.viewerId());
    // Read now, this row says more than a description left unread before.
    if (parsed && parsed.threadId === this.#deferredOf) this.#deferred = null;
    let entry = parsed ? this.#entries.get(parsed.threadId) : undefined;
    if (parsed && !entry) {
      const pending = anyKnown && this.#aboveKnownRow(row);
      entry = { preview: parsed.preview, pending, batch: this.#batch };
      this.#entries.set(parsed.threadId, entry);
    }
    const read = { threadId: parsed?.threadId ?? null, kind: parsed?.kind ?? null };
    this.#rows.set(row, { testId, description, entry: entry ?? null, ...read });
    if (!parsed || !entry) return;
    if (entry.preview !== parsed.preview) {
      entry.preview = parsed.preview;
      entry.pending = true;
    }
    if (!entry.pending) return;
    if (parsed.threadId === openThreadId) {
      entry.pending = false;
      return;
    }
    if (!parsed.unread) return;
    entry.pending = false;
    const messageId = `${INBOX_ID_PREFIX}${stableHash(`${parsed.threadId}\n${parsed.preview}`)}`;
    if (this.#reported.has(messageId)) return;
    this.#reported.add(messageId);
    this.deps.report({
      messageId,
      threadId: parsed.threadId,
      threadKind: parsed.kind,
      senderId: parsed.senderId,
      senderHandle: clip(parsed.handle, 50),
      senderName: clip(parsed.senderName, 200),
      text: clip(parsed.preview, 10_000),
      timeLabel: clip(parsed.timeLabel, 100),
      detectedAt: this.deps.now(),
      source: 'inbox',
    });
  }

  /**
   * The open thread's row changes left unread: its preview is the last one it showed while that thread
   * was open (not what it shows now: a message may have come since), and nothing in it waits for a
   * report (the thread detector had those messages). Same outcome as reading each change as it came.
   */
  #readDeferred(): void {
    const entry = this.#deferredOf === null ? undefined : this.#entries.get(this.#deferredOf);
    if (entry && this.#deferred) {
      entry.preview = previewInDescription(this.#deferred.description, this.#deferred.kind);
      entry.pending = false;
    }
    this.#deferred = null;
    this.#deferredOf = null;
  }

  /** True when a row of a thread known before this batch comes after this one (rows are newest first). */
  #aboveKnownRow(row: Element): boolean {
    for (let next = row.nextElementSibling; next; next = next.nextElementSibling) {
      // Only when a new thread shows up, so reading the test id (not a memo of it) costs little.
      const threadId = isInboxRow(next) ? inboxRowThreadId(next) : null;
      const entry = threadId === null ? undefined : this.#entries.get(threadId);
      if (entry && entry.batch < this.#batch) return true;
    }
    return false;
  }
}
