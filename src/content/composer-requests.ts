import type { InsertReplyAnswer, OpenThreadAnswer } from '../messaging/ui.ts';
import { appendText, findComposer } from './x/composer.ts';
import { readOpenThread } from './x/open-thread.ts';

/** The popup asks which conversation is open (for its quick replies and suggestion). */
export function answerOpenThread(root: ParentNode | null, url: string, viewerId = ''): OpenThreadAnswer {
  const thread = root ? readOpenThread(root, url, viewerId) : null;
  return thread ? { ok: true, thread } : { ok: false, problem: 'noOpenThread' };
}

/**
 * The popup's quick reply or suggestion goes into the open composer, after what is already there, with
 * the caret at the end. Nothing is sent: the user reads it and presses send (or Enter) themselves.
 */
export function answerInsertReply(
  root: ParentNode | null,
  url: string,
  request: { threadId?: string | undefined; text: string },
): InsertReplyAnswer {
  const thread = root ? readOpenThread(root, url) : null;
  if (!root || !thread) return { ok: false, problem: 'noOpenThread' };
  if (request.threadId !== undefined && request.threadId !== thread.threadId) {
    return { ok: false, problem: 'threadMismatch' };
  }
  const composer = findComposer(root);
  if (!composer) return { ok: false, problem: 'noComposer' };
  return appendText(composer.textarea, request.text) ? { ok: true } : { ok: false, problem: 'noComposer' };
}
