import { insertReplyOkSchema } from '../messaging/schemas/ui.ts';
import { insertReply, type TabProblem } from '../messaging/ui.ts';
import { askXTab } from './x-tab.ts';

/** Puts text into X's composer in the X tab the popup works with; the user still presses Send. */
export async function insertIntoComposer(threadId: string, text: string): Promise<TabProblem | null> {
  const answer = await askXTab(insertReply, { threadId, text }, insertReplyOkSchema);
  return answer.ok ? null : answer.problem;
}
