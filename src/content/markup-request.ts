import { MAX_MARKUP_REPORT, type MarkupReportAnswer } from '../messaging/detection.ts';
import { findChatRoot } from './x/chat-root.ts';
import { markupReport } from './x/markup-report.ts';
import { selfCheck } from './x/self-check.ts';

/**
 * The popup asks for a markup report of this page (the self-check failed): the anonymised structure of
 * X's chat with the self-check's verdict, cut to the size a message may carry.
 */
export function answerMarkupReport(doc: Document, url: string): MarkupReportAnswer {
  const found = findChatRoot(doc);
  const report = markupReport(doc, url, selfCheck(found, url, undefined, doc));
  return { ok: true, report: report.slice(0, MAX_MARKUP_REPORT) };
}
