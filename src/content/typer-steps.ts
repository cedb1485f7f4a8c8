import type { PostponeCode } from '../messaging/sending.ts';
import { threadIdFromUrl } from '../shared/chat-urls.ts';
import type { UserActivity } from './user-activity.ts';
import { findComposer, inboxLinkFor, ownRows, type SendStatus, sameMessage } from './x/composer.ts';
import { readOpenThread } from './x/open-thread.ts';
import { messageList, messageRow } from './x/selectors.ts';

/** What the typer needs from the page and the worker; tests give a fake page and a fake clock. */
export interface TyperDeps {
  win: Pick<Window, 'location'>;
  /** Where X renders the chat (its shadow root or the document); null when not found. */
  chatRoot(): ParentNode | null;
  now(): number;
  activity: UserActivity;
  /** The tab is on screen: only then can the person be looking at what we do. */
  visible(): boolean;
  /**
   * Waits `ms` and renews the lease; false when the job must stop (cancelled, lease lost, worker gone).
   * `final`: the last pause before pressing send, where the worker checks everything again.
   */
  pause(ms: number, final?: boolean): Promise<boolean>;
  /** Tells the worker typing starts, with our text's own rows already there; false: do not type. */
  started(ownRowsBefore: string[]): Promise<boolean>;
}

/** A person who clicked or typed this recently is using the tab: do not take it over. */
export const USER_IDLE_MS = 5_000;
export const LOAD_TIMEOUT_MS = 8_000;
export const CONFIRM_TIMEOUT_MS = 20_000;
/** How long X may take to mount its send button once the composer holds our text. */
export const SEND_BUTTON_TIMEOUT_MS = 2_000;
export const POLL_MS = 100;

/**
 * A person is using the tab: they pressed a key or the pointer a moment ago. Focus alone is not use: X
 * focuses the message box itself when a conversation opens (and our typer opens them by a click).
 */
export function userIsBusy(deps: TyperDeps): boolean {
  return deps.visible() && deps.now() - deps.activity.lastInputAt() < USER_IDLE_MS;
}

/** The thread open in the page, from its URL (the only place X puts the open thread's id). */
export function openThreadId(deps: TyperDeps): string | null {
  return threadIdFromUrl(deps.win.location.href);
}

function loaded(deps: TyperDeps, threadId: string): boolean {
  const root = deps.chatRoot();
  if (!root || openThreadId(deps) !== threadId) return false;
  if (readOpenThread(root, deps.win.location.href)?.threadId !== threadId) return false;
  // The thread we answer has at least their message: an empty list is still loading.
  return findComposer(root) !== null && root.querySelector(messageList)?.querySelector(messageRow) != null;
}

/**
 * Opens the job's thread the way a person would: a click on its inbox row, which X routes in place (no
 * reload). Then waits until its header, messages and composer are there. `stop` when the worker says so.
 */
export async function openThread(deps: TyperDeps, threadId: string): Promise<'ok' | 'stop' | PostponeCode> {
  if (openThreadId(deps) !== threadId) {
    const root = deps.chatRoot();
    if (!root) return 'notLoaded';
    const link = inboxLinkFor(root, threadId);
    if (!link) return 'threadNotListed';
    link.click();
  }
  for (let waited = 0; waited <= LOAD_TIMEOUT_MS; waited += POLL_MS) {
    if (loaded(deps, threadId)) return 'ok';
    if (!(await deps.pause(POLL_MS))) return 'stop';
  }
  const open = openThreadId(deps);
  return open !== null && open !== threadId ? 'threadMismatch' : 'notLoaded';
}

/** Own rows with this text (as X shows it) that are not in `known`, newest last. */
export function newRowsWithText(root: ParentNode, text: string, known: ReadonlySet<string>) {
  return ownRows(root).filter((row) => !known.has(row.uuid) && sameMessage(row.text, text));
}

/** Own rows that are not in `known`, whatever their text. */
function newOwnRows(root: ParentNode, known: ReadonlySet<string>) {
  return ownRows(root).filter((row) => !known.has(row.uuid));
}

export type Settled =
  | { state: 'sent'; uuid: string }
  /** `uncertain`: a new own row is there but cannot be confirmed (unknown status, or text X changed). */
  | { state: 'failed' | 'none' | 'timeout' | 'uncertain' };

function verdict(statuses: readonly SendStatus[]): 'failed' | 'pending' | 'uncertain' | null {
  if (statuses.length === 0) return null;
  if (statuses.some((status) => status === 'pending')) return 'pending';
  return statuses.every((status) => status === 'failed') ? 'failed' : 'uncertain';
}

/**
 * Waits for one of our new rows with this text to settle. `sent`: the uuid of a row X marks sent (or
 * delivered, or read); `failed`: every new own row failed; `none`: no new own row at all (after
 * `timeoutMs` when `expectRow`, at once otherwise); `timeout`: still pending; `uncertain`: a new own row
 * that is neither (no known status, or a text that cannot be matched to ours) — it may be our message,
 * so it must never be typed again. Pauses never stop early: once a message may be out, only the page
 * can tell what happened.
 */
export async function settledRow(
  deps: TyperDeps,
  text: string,
  known: ReadonlySet<string>,
  options: { timeoutMs: number; expectRow: boolean },
): Promise<Settled> {
  for (let waited = 0; ; waited += POLL_MS) {
    const root = deps.chatRoot();
    const matching = root ? newRowsWithText(root, text, known) : [];
    const sent = matching.find((row) => row.status === 'sent');
    if (sent) return { state: 'sent', uuid: sent.uuid };
    // Rows with our text decide; without one, any new own row does (X may show our text differently).
    const rows = matching.length > 0 ? matching : root ? newOwnRows(root, known) : [];
    const state = verdict(rows.map((row) => row.status));
    const expired = waited >= options.timeoutMs;
    if (state === 'failed') return { state: 'failed' };
    if (state === null && (!options.expectRow || expired)) return { state: 'none' };
    if (state === 'uncertain' && (matching.length === 0 || expired)) return { state: 'uncertain' };
    if (expired) return { state: state === 'pending' ? 'timeout' : 'uncertain' };
    await deps.pause(POLL_MS);
  }
}

/** Waits for X to mount an enabled send button for the text just typed; false when it never does. */
export async function sendButtonShown(deps: TyperDeps, ready: () => boolean): Promise<boolean> {
  for (let waited = 0; waited <= SEND_BUTTON_TIMEOUT_MS; waited += POLL_MS) {
    if (ready()) return true;
    if (!(await deps.pause(POLL_MS))) return false;
  }
  return ready();
}
