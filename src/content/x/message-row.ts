import { profileHandleIn } from './profile-link.ts';
import {
  kindLabelSuffix,
  messageRowAttribute,
  messageText,
  messageTextPrefix,
  messageTextSpan,
  mineClass,
  rowLabel,
  senderLabelSuffix,
  testIdOf,
  theirsClass,
  timeLabelSuffix,
} from './selectors.ts';

export type Direction = 'theirs' | 'mine' | 'unknown';

/** Facts read from one message row. Text is always read as text: DM text never becomes markup. */
export interface MessageRow {
  uuid: string;
  direction: Direction;
  text: string;
  timeLabel: string;
  /** Display name from the row's hidden sender label ("You" on mine); empty when absent. */
  senderName: string;
  /** Handle from the row's avatar link (group threads, their rows only); empty when absent. */
  senderHandle: string;
  /** The hidden `-kind` label of an attachment (values unknown: a hint only); '' for text. */
  kind: string;
  /** Written by a person (a sender label, a text or an attachment), unlike X's own notices. */
  fromPerson: boolean;
}

export function rowUuid(row: Element): string {
  return row.getAttribute(messageRowAttribute) ?? '';
}

/**
 * Direction from the row element's own classes only: X's bubble is `justify-end` and its time wrapper
 * `justify-start` on both sides, so descendants and `closest()` give wrong answers. `data-send-status`
 * says nothing here: no source shows it is on my rows only.
 */
export function rowDirection(row: Element): Direction {
  const mine = row.classList.contains(mineClass);
  const theirs = row.classList.contains(theirsClass);
  if (mine === theirs) return 'unknown';
  return mine ? 'mine' : 'theirs';
}

/**
 * The row's hidden labels: the first element with id `<uuid>-time`, `-sender`, `-kind` in the row. Ids
 * are compared, never put into a selector. The tree's id index answers at once in the usual case (the id
 * is unique and inside this row); anything else takes the walk over the row's elements.
 */
function labels(row: Element, uuid: string): { time: string; sender: string; kind: string } {
  const ids = [uuid + timeLabelSuffix, uuid + senderLabelSuffix, uuid + kindLabelSuffix];
  const found: (Element | null)[] = [null, null, null];
  const root = row.getRootNode() as Partial<NonElementParentNode>;
  let indexed = typeof root.getElementById === 'function';
  if (indexed) {
    ids.forEach((id, i) => {
      found[i] = root.getElementById?.(id) ?? null;
    });
    indexed = found.every((el) => el === null || row.contains(el));
  }
  if (!indexed) {
    found.fill(null);
    for (const element of row.querySelectorAll(rowLabel)) {
      const i = ids.indexOf(element.id);
      if (i >= 0 && found[i] === null) found[i] = element;
    }
  }
  const [time, sender, kind] = found.map(labelText) as [string, string, string];
  return { time, sender, kind };
}

function labelText(element: Element | null): string {
  return element?.textContent?.trim() ?? '';
}

const SKIP = /^(?:SCRIPT|STYLE|TEMPLATE|BUTTON|SVG)$/i;
const CLOCK = /^\d{1,2}[:.h]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?$/u;

interface Piece {
  text: string;
  parent: Node;
}

/**
 * The text of a node as a person reads it, in pieces: text nodes, and emoji X draws as images (their
 * `alt`), minus what is hidden from readers (`aria-hidden`, where X keeps a copy of the time) and the
 * time labels.
 */
function pieces(node: Node, timeIds: ReadonlySet<string>, out: Piece[] = []): Piece[] {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) out.push({ text: child.nodeValue ?? '', parent: node });
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIP.test(tag) || element.getAttribute('aria-hidden') === 'true' || timeIds.has(element.id)) continue;
    if (tag === 'IMG') out.push({ text: element.getAttribute('alt') ?? '', parent: element });
    else if (tag === 'BR') out.push({ text: '\n', parent: element });
    else pieces(element, timeIds, out);
  }
  return out;
}

/**
 * Text read without X's text span ends with the time copies X puts in the bubble ("…hello10:42 AM"):
 * trailing pieces in elements of their own that read as the time are dropped, the text's own are kept.
 */
function withoutTrailingTimes(found: Piece[], time: string): string {
  const first = found.find((piece) => piece.text.trim() !== '')?.parent ?? null;
  for (let last = found.at(-1); last && last.parent !== first; last = found.at(-1)) {
    const trimmed = last.text.trim();
    if (trimmed !== '' && trimmed !== time && !CLOCK.test(trimmed)) break;
    found.pop();
  }
  return found
    .map((piece) => piece.text)
    .join('')
    .replace(/\s+$/u, '');
}

/**
 * The message text: X's authored span (`span[dir=auto]`, the first one not nested in another) inside the
 * row's own `message-text-<uuid>` container. Without that span, the container's readable text without
 * the time copies X puts inside the bubble. Quotes of earlier messages sit outside this container.
 */
function rowText(container: Element | null, uuid: string, time: string): string {
  // A photo or a sticker has no text.
  if (!container) return '';
  const timeIds = new Set([uuid + timeLabelSuffix]);
  const span = container.querySelector(messageTextSpan);
  if (span)
    return pieces(span, timeIds)
      .map((piece) => piece.text)
      .join('');
  return withoutTrailingTimes(pieces(container, timeIds), time);
}

/** The row's own text container, `message-text-<uuid>` (a quoted message has another one). */
function textContainer(row: Element, uuid: string): Element | null {
  for (const container of row.querySelectorAll(messageText)) {
    if (testIdOf(container) === messageTextPrefix + uuid) return container;
  }
  return null;
}

/** Reads a row; null when it has no uuid (then it is not a message X would deliver twice the same way). */
export function parseMessageRow(row: Element): MessageRow | null {
  const uuid = rowUuid(row);
  if (uuid === '') return null;
  const direction = rowDirection(row);
  const { time, sender, kind } = labels(row, uuid);
  const container = textContainer(row, uuid);
  const text = rowText(container, uuid, time);
  return {
    uuid,
    direction,
    text,
    timeLabel: time,
    senderName: sender,
    // The avatar link (group threads, their rows only).
    senderHandle: direction === 'theirs' ? profileHandleIn(row) : '',
    kind,
    fromPerson: sender !== '' || kind !== '' || text !== '' || container !== null,
  };
}
