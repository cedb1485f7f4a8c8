/**
 * The extension's activity log in plain English for the demo's console, with the extension's own English
 * texts (public/_locales/en/messages.json) for kinds and reasons, so the demo says what the popup says.
 */

export interface ActivityRow {
  id?: number;
  at: number;
  kind: string;
  threadId: string;
  messageId: string;
  contactHandle: string;
  reason?: string;
  text?: string;
}

/** `messages.json`: key → { message }. */
export type Messages = Record<string, { message: string }>;

/** A skip reason or a send problem in words; an unknown code is shown as is rather than hidden. */
export function reasonWords(messages: Messages, code: string): string {
  return messages[`skipReason_${code}`]?.message ?? messages[`sendProblem_${code}`]?.message ?? code;
}

export function kindWords(messages: Messages, kind: string): string {
  return messages[`activityKind_${kind}`]?.message ?? kind;
}

const quote = (text: string | undefined) => (text ? ` “${text.replace(/\s+/g, ' ')}”` : '');

/** One log line: who, what the extension did, and why (skips) or with which text (replies). */
export function describe(entry: ActivityRow, messages: Messages, who: (handle: string) => string): string {
  const person = who(entry.contactHandle);
  const kind = kindWords(messages, entry.kind);
  switch (entry.kind) {
    case 'skipped':
      return `${kind}: ${person} — ${reasonWords(messages, entry.reason ?? '')}. They wrote${quote(entry.text)}`;
    case 'suggested':
      return `${kind} for ${person}, waiting in the popup for you to send:${quote(entry.text)}`;
    case 'scheduled':
      return `${kind} for ${person}, to be typed into X after a human-like pause:${quote(entry.text)}`;
    case 'sent':
      return `${kind} to ${person}:${quote(entry.text)}`;
    case 'failed':
    case 'cancelled':
      return `${kind}: the reply to ${person} — ${reasonWords(messages, entry.reason ?? '')}`;
    default:
      return `${kind}: ${person}${quote(entry.text)}`;
  }
}
