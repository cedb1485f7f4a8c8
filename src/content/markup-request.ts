import { type ChatMarkupAnswer, MAX_CHAT_MARKUP } from '../messaging/detection.ts';
import { chatMarkup } from './x/chat-markup.ts';
import { findChatRoot } from './x/chat-root.ts';
import { selfCheck } from './x/self-check.ts';

/**
 * The popup asks for the chat's markup (the self-check failed): the page's chat with the self-check's
 * verdict. The popup makes the anonymised report from it; the anonymiser is not shipped in this script,
 * which every X page loads.
 */
export function answerChatMarkup(doc: Document, url: string): ChatMarkupAnswer {
  const check = selfCheck(findChatRoot(doc), url, undefined, doc);
  const markup = chatMarkup(doc);
  return {
    ok: true,
    markup: markup.length > MAX_CHAT_MARKUP ? '' : markup,
    url,
    check: { ok: check.ok, missing: check.missing, ...(check.locked ? { locked: true } : {}) },
  };
}
