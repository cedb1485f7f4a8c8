import { MAX_ANSWERED_TEXT, MAX_ANSWERS, type OwnMessageReport } from '../messaging/own-message.ts';
import { clip } from './text-limits.ts';
import { parseMessageRow, rowDirection } from './x/message-row.ts';
import { messageRow } from './x/selectors.ts';

/**
 * My own messages, for stepping aside (core/step-aside.ts): a row of mine says which of their messages
 * it answers (their rows since my previous one) and whether it is the newest word in the conversation.
 * X's markup is read only through the adapter (src/content/x/).
 */

/** Their rows (uuid and text) between my previous row and `index`, newest first. */
function theirsBefore(rows: readonly Element[], index: number): { answers: string[]; texts: string[] } {
  const answers: string[] = [];
  const texts: string[] = [];
  for (let i = index - 1; i >= 0 && answers.length < MAX_ANSWERS; i--) {
    const parsed = parseMessageRow(rows[i] as Element);
    if (parsed?.direction === 'mine') break;
    if (parsed?.direction !== 'theirs') continue;
    answers.push(parsed.uuid);
    texts.push(clip(parsed.text, MAX_ANSWERED_TEXT));
  }
  return { answers, texts };
}

function theirsAfter(rows: readonly Element[], index: number): boolean {
  for (let i = index + 1; i < rows.length; i++) {
    if (parseMessageRow(rows[i] as Element)?.direction === 'theirs') return true;
  }
  return false;
}

/**
 * The report for `row` when it is mine and written by me (not one of X's notices); null otherwise.
 * `arrived`: the row appeared while the conversation was open (not already there when it opened). It
 * counts as live only when nothing of theirs follows it: then it answers everything decided before it.
 */
export function ownMessageReport(
  row: Element,
  list: Element,
  threadId: string,
  now: number,
  arrived: boolean,
): OwnMessageReport | null {
  // Their rows (the usual case) cost one class check.
  if (rowDirection(row) !== 'mine') return null;
  const message = parseMessageRow(row);
  if (message?.direction !== 'mine') return null;
  // X's own notices in the conversation are not messages of mine.
  if (!message.fromPerson) return null;
  const rows = [...list.querySelectorAll(messageRow)];
  const index = rows.indexOf(row);
  if (index < 0) return null;
  const before = theirsBefore(rows, index);
  return {
    kind: 'own',
    threadId,
    messageId: clip(message.uuid, 200),
    text: clip(message.text, 10_000),
    detectedAt: now,
    live: arrived && !theirsAfter(rows, index),
    answers: before.answers,
    answeredTexts: before.texts,
  };
}

/** The newest row of mine in the list, when the conversation opened: what it answers is already there. */
export function newestOwnRow(list: Element): Element | null {
  const rows = list.querySelectorAll(messageRow);
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as Element;
    if (rowDirection(row) === 'mine') return row;
  }
  return null;
}
