import { insertReply, insertReplyOkSchema, type TabProblem } from '../messaging/ui.ts';
import { askActiveXTab } from './x-tab.ts';

/** Puts text into X's composer in the active tab; the user still presses Send. */
export async function insertIntoComposer(threadId: string, text: string): Promise<TabProblem | null> {
  const answer = await askActiveXTab(insertReply, { threadId, text }, insertReplyOkSchema);
  return answer.ok ? null : answer.problem;
}
