/**
 * The adapter for X's Chat UI (shadow-root and light-DOM variants), in one import for the rest of the
 * content script: find the chat, read the open thread, its rows and the inbox, reach the composer, check
 * the page still looks as expected. Everything that knows X's markup is below src/content/x/.
 */
import { composerForm, composerSendButton, composerTextarea } from './selectors.ts';

export { type ChatRoot, type ChatVariant, findChatRoot, waitForChatRoot } from './chat-root.ts';
export { type InboxRow, parseInboxRow } from './inbox-row.ts';
export { type Direction, type MessageRow, parseMessageRow, rowDirection } from './message-row.ts';
export { readOpenThread } from './open-thread.ts';
export { isChatInbox, isChatPage, threadIdFromUrl, threadKind } from './pages.ts';
export { type Landmark, type SelfCheckResult, selfCheck } from './self-check.ts';

export interface Composer {
  form: HTMLFormElement | null;
  textarea: HTMLTextAreaElement;
  sendButton: HTMLButtonElement;
}

/**
 * The open thread's composer, or null when it is not rendered (no thread open, a message request not
 * accepted yet). X's textarea is React-controlled: set text with the native value setter plus an `input`
 * event, or `execCommand('insertText')`; assigning `.value` alone is undone on the next render.
 */
export function findComposer(root: ParentNode): Composer | null {
  const textarea = root.querySelector<HTMLTextAreaElement>(composerTextarea);
  const sendButton = root.querySelector<HTMLButtonElement>(composerSendButton);
  if (!textarea || !sendButton) return null;
  return { form: root.querySelector<HTMLFormElement>(composerForm), textarea, sendButton };
}
