/**
 * The adapter for X's Chat UI (shadow-root and light-DOM variants), in one import for the rest of the
 * content script: find the chat, read the open thread, its rows and the inbox, check the page still looks
 * as expected (the composer is in composer.ts). Everything that knows X's markup is below src/content/x/.
 */
export { type ChatRoot, type ChatVariant, findChatRoot, waitForChatRoot } from './chat-root.ts';
export { type InboxRow, parseInboxRow } from './inbox-row.ts';
export { type Direction, type MessageRow, parseMessageRow, rowDirection } from './message-row.ts';
export { readOpenThread } from './open-thread.ts';
export { isChatInbox, isChatPage, threadIdFromUrl, threadKind } from './pages.ts';
export { type Landmark, type SelfCheckResult, selfCheck } from './self-check.ts';
