import {
  messageRowAttribute,
  messageText,
  messageTextPrefix,
  messageTextSpan,
  mineClass,
  profileLink,
  rowLabel,
  senderLabelSuffix,
  sendStatusAttribute,
  testIdOf,
  theirsClass,
  timeLabelSuffix,
} from './selectors.ts';

export type Direction = 'theirs' | 'mine' | 'unknown';

/** Facts read from one message row. Text is always `textContent`: DM text never becomes markup. */
export interface MessageRow {
  uuid: string;
  direction: Direction;
  text: string;
  timeLabel: string;
  /** Display name from the row's hidden sender label ("You" on mine); empty when absent. */
  senderName: string;
  /** Handle from the row's avatar link (group threads, their rows only); empty when absent. */
  senderHandle: string;
}

export function rowUuid(row: Element): string {
  return row.getAttribute(messageRowAttribute) ?? '';
}

/**
 * Direction from the row element's own classes only: their rows contain a `justify-end` timestamp wrapper,
 * so looking at descendants or using `closest()` would call their messages mine. A send status is only
 * ever on my rows, so it wins over a class.
 */
export function rowDirection(row: Element): Direction {
  if (row.hasAttribute(sendStatusAttribute)) return 'mine';
  const mine = row.classList.contains(mineClass);
  const theirs = row.classList.contains(theirsClass);
  if (mine === theirs) return 'unknown';
  return mine ? 'mine' : 'theirs';
}

/**
 * The row's hidden labels, the first element with id `<uuid>-time` and `<uuid>-sender` in the row. Ids
 * are compared, never put into a selector. The tree's id index answers at once in the usual case (the id
 * is unique and inside this row); anything else takes the walk over the row's elements.
 */
function labels(row: Element, uuid: string): { time: string; sender: string } {
  const timeId = uuid + timeLabelSuffix;
  const senderId = uuid + senderLabelSuffix;
  const root = row.getRootNode() as Partial<NonElementParentNode>;
  if (typeof root.getElementById === 'function') {
    const time = root.getElementById(timeId);
    const sender = root.getElementById(senderId);
    if ((time === null || row.contains(time)) && (sender === null || row.contains(sender))) {
      return { time: labelText(time), sender: labelText(sender) };
    }
  }
  let time: Element | null = null;
  let sender: Element | null = null;
  for (const element of row.querySelectorAll(rowLabel)) {
    if (time === null && element.id === timeId) time = element;
    else if (sender === null && element.id === senderId) sender = element;
    if (time !== null && sender !== null) break;
  }
  return { time: labelText(time), sender: labelText(sender) };
}

function labelText(element: Element | null): string {
  return element?.textContent?.trim() ?? '';
}

function rowText(row: Element, uuid: string): string {
  for (const container of row.querySelectorAll(messageText)) {
    if (testIdOf(container) !== messageTextPrefix + uuid) continue;
    const span = container.querySelector(messageTextSpan);
    return (span ?? container).textContent ?? '';
  }
  // A photo or a sticker has no text.
  return '';
}

/** `/<handle>` → handle; anything else (a chat link, a path with more segments) → empty. */
export function handleFromHref(href: string | null): string {
  const match = /^\/([A-Za-z0-9_]{1,50})$/.exec(href ?? '');
  return match?.[1] ?? '';
}

/** The avatar link's handle; links inside the message text (mentions) are the text's, not the sender's. */
function avatarHandle(row: Element): string {
  for (const link of row.querySelectorAll(profileLink)) {
    if (!link.closest(messageText)) return handleFromHref(link.getAttribute('href'));
  }
  return '';
}

/** Reads a row; null when it has no uuid (then it is not a message X would deliver twice the same way). */
export function parseMessageRow(row: Element): MessageRow | null {
  const uuid = rowUuid(row);
  if (uuid === '') return null;
  const direction = rowDirection(row);
  const { time, sender } = labels(row, uuid);
  return {
    uuid,
    direction,
    text: rowText(row, uuid),
    timeLabel: time,
    senderName: sender,
    senderHandle: direction === 'theirs' ? avatarHandle(row) : '',
  };
}
