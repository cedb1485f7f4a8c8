import type { OpenThread } from '../../messaging/ui.ts';
import { handleFromHref } from './message-row.ts';
import { threadIdFromUrl, threadKind } from './pages.ts';
import { conversationHeader, conversationPanel, conversationUsername, profileLink } from './selectors.ts';

/**
 * The conversation open in this page: its id and kind from the URL (the only place X puts the id of the
 * open thread), and the other person from the header. Null when no thread is open or its panel is not
 * rendered. Groups have no header link: their handle is empty and the name is the group's.
 */
export function readOpenThread(root: ParentNode, url: string): OpenThread | null {
  const threadId = threadIdFromUrl(url);
  const kind = threadKind(url);
  if (threadId === null || kind === null) return null;
  const panel = root.querySelector(conversationPanel);
  if (!panel) return null;
  const header = panel.querySelector(conversationHeader);
  const contactHandle =
    kind === 'group' ? '' : handleFromHref(header?.querySelector(profileLink)?.getAttribute('href') ?? null);
  const contactName = header?.querySelector(conversationUsername)?.textContent?.trim() ?? '';
  return { threadId, threadKind: kind, contactHandle, contactName };
}
