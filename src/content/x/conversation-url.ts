/**
 * The address of one conversation in X's Chat (`/i/chat/<thread id>`, see test/fixtures/fake-x/MARKUP.md:
 * 1:1 `<low>-<high>`, groups `g<digits>`), for links that open it from the extension's pages.
 */
export function conversationUrl(threadId: string): string {
  return `https://x.com/i/chat/${encodeURIComponent(threadId)}`;
}
