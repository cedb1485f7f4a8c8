import type { IncomingDm } from '../core/types.ts';
import { INBOX_ID_PREFIX } from '../storage/preview-match.ts';
import { stableHash } from './stable-hash.ts';
import { clip } from './text-limits.ts';
import { isInboxRow, parseInboxRow } from './x/inbox-row.ts';
import { inboxRow } from './x/selectors.ts';

/** The last preview this page saw for a thread, and whether it still waits for a verdict. */
interface Entry {
  preview: string;
  /** A changed preview not judged yet: the unread dot may arrive in a later render than the text. */
  pending: boolean;
}

export interface InboxDetectorDeps {
  report(dm: IncomingDm): void;
  now(): number;
}

/**
 * Reports messages that arrive in threads that are not open, from the inbox's previews.
 *
 * A preview counts when it changed after this page first saw the row (the baseline), shows the unread
 * dot, is not mine ("You: …") and is not the open thread's (the thread detector reads those rows with
 * their real uuid). A row for a thread never seen before counts only if it appears above a known row (a
 * new conversation moves to the top); rows loaded below known ones (scrolling down) are history.
 * The id hashes thread, preview and time, so the same preview seen again gives the same id.
 */
export class InboxDetector {
  readonly #entries = new Map<string, Entry>();
  readonly #reported = new Set<string>();

  constructor(private readonly deps: InboxDetectorDeps) {}

  /** Rows X inserted or changed, in any order. */
  rowsTouched(rows: Iterable<Element>, openThreadId: string | null): void {
    // Judge positions against threads known before this batch, so the order rows are handled in (and the
    // first render of the whole inbox) cannot make one row look "above a known one" to another.
    const knownBefore = new Set(this.#entries.keys());
    for (const row of rows) {
      if (row.isConnected) this.#touch(row, openThreadId, knownBefore);
    }
  }

  /** Everything on screen now: on the first look the baseline, on a later one (back to chat) a comparison. */
  scan(root: ParentNode, openThreadId: string | null): void {
    this.rowsTouched(root.querySelectorAll(inboxRow), openThreadId);
  }

  #touch(row: Element, openThreadId: string | null, knownBefore: ReadonlySet<string>): void {
    const parsed = parseInboxRow(row);
    if (!parsed) return;
    let entry = this.#entries.get(parsed.threadId);
    if (!entry) {
      entry = { preview: parsed.preview, pending: aboveKnownRow(row, knownBefore) };
      this.#entries.set(parsed.threadId, entry);
    } else if (entry.preview !== parsed.preview) {
      entry.preview = parsed.preview;
      entry.pending = true;
    }
    if (!entry.pending) return;
    if (parsed.own || parsed.threadId === openThreadId) {
      entry.pending = false;
      return;
    }
    if (!parsed.unread) return;
    entry.pending = false;
    const messageId = `${INBOX_ID_PREFIX}${stableHash(`${parsed.threadId}\n${parsed.preview}\n${parsed.timeLabel}`)}`;
    if (this.#reported.has(messageId)) return;
    this.#reported.add(messageId);
    this.deps.report({
      messageId,
      threadId: parsed.threadId,
      threadKind: parsed.kind,
      senderHandle: clip(parsed.handle, 50),
      senderName: clip(parsed.senderName, 200),
      text: clip(parsed.preview, 10_000),
      timeLabel: clip(parsed.timeLabel, 100),
      detectedAt: this.deps.now(),
      source: 'inbox',
    });
  }
}

/** True when a row of a thread known before comes after this one (rows are newest first). */
function aboveKnownRow(row: Element, known: ReadonlySet<string>): boolean {
  for (let next = row.nextElementSibling; next; next = next.nextElementSibling) {
    if (!isInboxRow(next)) continue;
    const parsed = parseInboxRow(next);
    if (parsed && known.has(parsed.threadId)) return true;
  }
  return false;
}
