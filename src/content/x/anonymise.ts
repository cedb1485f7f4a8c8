/**
 * Stand-ins for everything personal in X's chat markup, for the markup report (markup-report.ts): what a
 * user can paste into a bug report without giving away who they talk to or what was said.
 *
 * Kept: element names, attribute names, classes, roles, X's own UI words ("Unread", "Now"), time labels,
 * and the SHAPE of ids and descriptions. Replaced, consistently within one report (the same original
 * gives the same stand-in, so "this name equals that label" survives): numeric ids (4+ digits) by
 * 1000001…, uuids by 00000000-0000-4000-8000-00000000000N, handles by user_N, any other text by
 * "Text N", links outside X by https://example.com/. Dropped: image sources, styles, values.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/giu;
const NUMBER = /\d{4,}/gu;
const HANDLE = /^@([A-Za-z0-9_]{1,50})$/u;
const PROFILE = /^(https:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com)?\/([A-Za-z0-9_]{1,50})\/?$/u;
const X_URL =
  /^(?:https:\/\/(?:www\.|mobile\.|chat\.)?(?:x|twitter)\.com)?\/(?:i\/chat|messages)(?:\/[\w:-]*)*\/?$/u;
// Times and dates as X prints them: not about anyone, and their format is what a parser must know.
const TIME =
  /^(?:now|\d{1,3}\s?(?:[a-z]{1,3}|[\p{L}]{1,4})\.?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|\d{1,2}:\d{2}(?:\s?[AP]M)?|today|yesterday)$/iu;
const MEMBER_COUNT = /^Group chat with \d+ (?:person|people)$/u;

/** X's own words seen in the chat (English): kept, they are how a parser knows where it is. */
const UI_WORDS = new Set(
  [
    'Unread',
    'Notifications are off for this conversation',
    'You',
    'Message',
    'Send',
    'Voice message',
    'Accept',
    'Delete',
    'Block',
    'Back',
    'Other',
    'Requests',
    'Message requests',
    'Chat',
    'Loading messages',
    'Enter Passcode',
    'Forgot passcode?',
    'Failed',
    'Edited',
    'Sent',
    'Search',
    'New chat',
    'Verified',
    'Emoji',
    'GIF',
    'All',
  ].map((word) => word.toLowerCase()),
);

export class Anonymiser {
  readonly #numbers = new Map<string, string>();
  readonly #uuids = new Map<string, string>();
  readonly #handles = new Map<string, string>();
  readonly #texts = new Map<string, string>();

  /** Numbers and uuids inside a token (test ids, ids, classes, URLs). */
  ids(value: string): string {
    return value
      .replace(UUID, (uuid) =>
        this.#take(
          this.#uuids,
          uuid.toLowerCase(),
          (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        ),
      )
      .replace(NUMBER, (number) => this.#take(this.#numbers, number, (n) => String(1_000_000 + n)));
  }

  handle(handle: string): string {
    return this.#take(this.#handles, handle.toLowerCase(), (n) => `user_${n}`);
  }

  /** A piece of text: X's words and time labels stay, handles and everything else get stand-ins. */
  text(value: string): string {
    const trimmed = value.trim();
    if (trimmed === '') return value;
    if (UI_WORDS.has(trimmed.toLowerCase()) || TIME.test(trimmed)) return value;
    if (/^Digit \d of \d$/u.test(trimmed)) return value;
    if (MEMBER_COUNT.test(trimmed)) return value;
    const handle = HANDLE.exec(trimmed);
    if (handle) return `@${this.handle(handle[1] as string)}`;
    return this.#take(this.#texts, trimmed, (n) => `Text ${n}`);
  }

  /** X's ", "-joined descriptions: each part on its own, so their shape stays readable. */
  description(value: string): string {
    return value
      .split(', ')
      .map((part) => this.text(part))
      .join(', ');
  }

  /** A link: X's chat routes keep their shape, profiles become user_N, anything else example.com. */
  href(value: string): string {
    const profile = PROFILE.exec(value);
    if (profile && !/^(?:i|home|messages|explore|notifications|settings|search)$/u.test(profile[2] ?? '')) {
      return `${profile[1] ?? ''}/${this.handle(profile[2] as string)}`;
    }
    if (X_URL.test(value)) return this.ids(value);
    return value.startsWith('#') ? '#' : 'https://example.com/';
  }

  #take(map: Map<string, string>, key: string, make: (n: number) => string): string {
    let found = map.get(key);
    if (found === undefined) {
      found = make(map.size + 1);
      map.set(key, found);
    }
    return found;
  }
}
