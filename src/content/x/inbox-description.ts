/**
 * An inbox row's `aria-description`, as X's Chat code builds it (DzikStar/X-SCRAPER
 * client-web/ondemand/XChat-f141c2f6.js, `accessibilityDescriptionBuilder`; MARKUP.md "Inbox rows"):
 * parts joined by ", ", each only when present —
 *   1:1 and requests: `Name, @handle, [text], [time], [Unread], [Notifications are off for this conversation]`
 *   groups:           `[Title], Group chat with N people, [text], [time], [Unread], [Notifications …]`
 * The text is the last message's, whoever wrote it (no "You:", no sender name); an attachment alone has
 * none. Names and texts may contain ", ", so the parts are found from both ends, never by splitting.
 * The words are X's English ones; other languages keep the text and time readable but not these flags.
 */

export interface InboxDescription {
  /** The other person's display name (1:1), or the group's title ('' when it has none). */
  name: string;
  /** The other person's handle without `@` (1:1 only). */
  handle: string;
  /** The last message's text, '' for an attachment alone. */
  text: string;
  /** Relative time as shown: `Now`, `3m`, `2h`, `5d`, `2w`, `3mo`, a date; '' when absent. */
  timeLabel: string;
  unread: boolean;
  muted: boolean;
  /** The form was recognised (a `@handle`, or a group's member count); false: only text and time are known. */
  recognised: boolean;
}

const UNREAD = 'Unread';
const MUTED = 'Notifications are off for this conversation';
const HANDLE = /^(.*?), @([A-Za-z0-9_]{1,50})(?:, |$)/su;
const GROUP = /^(?:(.*?), )?Group chat with \d+ (?:person|people)(?:, |$)/su;
// X's narrow relative times and en-US dates, plus forms seen in other languages ("3 h", "6 s") and the
// clock times and short dates of older builds. Only ever tried on the last part.
const TIME =
  /^(?:now|\d{1,4}\s?(?:[a-z]{1,3}|[\p{L}]{1,4})\.?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|\d{1,2}:\d{2}(?:\s?[AP]M)?)$/iu;
// The longest time part is about 20 characters: look that close to the end only, whatever the length.
const TIME_SPAN = 24;

function stripPart(description: string, part: string): [rest: string, found: boolean] {
  if (description === part) return ['', true];
  return description.endsWith(`, ${part}`)
    ? [description.slice(0, -part.length - 2), true]
    : [description, false];
}

function stripTime(description: string): [rest: string, time: string] {
  const from = Math.max(0, description.length - TIME_SPAN);
  const cut = description.indexOf(', ', from);
  for (let at = cut; at >= 0; at = description.indexOf(', ', at + 1)) {
    const candidate = description.slice(at + 2);
    if (TIME.test(candidate)) return [description.slice(0, at), candidate];
  }
  // The whole description is a time: a conversation with no name part (should not happen).
  return TIME.test(description) ? ['', description] : [description, ''];
}

/** A flag after the time in another language ("Non lu"): short words, no digits, no comma. */
const FOREIGN_FLAG = /^[^\d,]{1,60}$/u;

/**
 * X's flags in a language other than English: when the last part is not a time, the time may be one or
 * two parts earlier, followed by those flags. They are set aside, so the text stays what it is while X
 * rewrites the time every minute (the unread dot still says whether it is unread).
 */
function stripForeignFlags(description: string): string {
  let rest = description;
  for (let flags = 0; flags < 2; flags++) {
    const cut = rest.lastIndexOf(', ');
    if (cut < 0 || !FOREIGN_FLAG.test(rest.slice(cut + 2))) return description;
    rest = rest.slice(0, cut);
    const [, time] = stripTime(rest);
    if (time !== '') return rest;
  }
  return description;
}

export function parseInboxDescription(description: string, group: boolean): InboxDescription {
  const [withoutMuted, muted] = stripPart(description.trim(), MUTED);
  const [withoutUnread, unread] = stripPart(withoutMuted, UNREAD);
  const rest = stripTime(withoutUnread)[1] === '' ? stripForeignFlags(withoutUnread) : withoutUnread;
  const [head, timeLabel] = stripTime(rest);
  const result = { name: '', handle: '', text: '', timeLabel, unread, muted, recognised: false };
  const match = group ? GROUP.exec(head) : HANDLE.exec(head);
  if (!match) return { ...result, text: head };
  let text = head.slice(match[0].length);
  if (group) {
    // X pushes the title once more when the group has none: an empty part.
    if (match[1] === undefined && text.startsWith(', ')) text = text.slice(2);
    else if (match[1] === undefined && text === ',') text = '';
    return { ...result, name: match[1] ?? '', text, recognised: true };
  }
  return { ...result, name: match[1] ?? '', handle: match[2] ?? '', text, recognised: true };
}
