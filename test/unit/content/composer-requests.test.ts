// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/i/chat"}
import { describe, expect, it } from 'vitest';
import { answerInsertReply, answerOpenThread } from '../../../src/content/composer-requests.ts';
import { findChatRoot } from '../../../src/content/x/chat-root.ts';
import { appendText, clearComposer, findComposer, findSendButton } from '../../../src/content/x/composer.ts';
import { ALICE_THREAD, BOB_THREAD, loadFakeX, standardSeed } from './support/fake-page.ts';

async function page(path: string, variant: 'shadow' | 'light' = 'shadow') {
  const fakeX = await loadFakeX({ seed: standardSeed(), variant, chatDelayMs: 0 }, path);
  for (let i = 0; i < 50 && !fakeX.ready(); i++) await new Promise((r) => setTimeout(r, 5));
  return { fakeX, root: findChatRoot(document)?.root ?? null, url: location.href };
}

describe.each(['shadow', 'light'] as const)('popup requests in the %s variant', (variant) => {
  it('getOpenThread names the open conversation and its person', async () => {
    const { root, url } = await page(`/i/chat/${ALICE_THREAD}`, variant);
    expect(answerOpenThread(root, url, '1000')).toEqual({
      ok: true,
      thread: {
        threadId: ALICE_THREAD,
        threadKind: 'direct',
        contactHandle: 'alice',
        contactName: 'Alice Martin',
        contactId: '2000',
      },
    });
    // Without the viewer's id, the contact's cannot be told from the thread id.
    expect(answerOpenThread(root, url)).toMatchObject({ thread: { contactId: '' } });
  });

  it('getOpenThread says when no conversation is open', async () => {
    const { root, url } = await page('/i/chat', variant);
    expect(answerOpenThread(root, url)).toEqual({ ok: false, problem: 'noOpenThread' });
    expect(answerOpenThread(null, url)).toEqual({ ok: false, problem: 'noOpenThread' });
  });

  it('insertReply puts the text after the draft, caret at the end, and sends nothing', async () => {
    const { fakeX, root, url } = await page(`/i/chat/${ALICE_THREAD}`, variant);
    const history = fakeX.sent().length;
    const textarea = findComposer(root!)!.textarea;
    appendText(textarea, 'Draft. ');
    expect(
      answerInsertReply(root, url, { threadId: ALICE_THREAD, text: 'Thanks Alice!\nTalk soon' }),
    ).toEqual({
      ok: true,
    });
    expect(fakeX.composerState()).toBe('Draft. Thanks Alice!\nTalk soon');
    expect(textarea.selectionStart).toBe(textarea.value.length);
    expect(textarea.selectionEnd).toBe(textarea.value.length);
    expect(fakeX.sent()).toHaveLength(history);
    // X's own send button now works on it, as the user's click would.
    findSendButton(findComposer(root!)!)?.click();
    expect(
      fakeX
        .sent()
        .slice(history)
        .map((m) => m.text),
    ).toEqual(['Draft. Thanks Alice!\nTalk soon']);
  });

  it('insertReply refuses another thread, no thread, and a page without the chat', async () => {
    const { fakeX, root, url } = await page(`/i/chat/${ALICE_THREAD}`, variant);
    expect(answerInsertReply(root, url, { threadId: BOB_THREAD, text: 'Hi' })).toEqual({
      ok: false,
      problem: 'threadMismatch',
    });
    expect(fakeX.composerState()).toBe('');
    const inbox = await page('/i/chat', variant);
    expect(answerInsertReply(inbox.root, inbox.url, { text: 'Hi' })).toEqual({
      ok: false,
      problem: 'noOpenThread',
    });
    expect(answerInsertReply(null, url, { text: 'Hi' })).toEqual({ ok: false, problem: 'noOpenThread' });
    const thread = await page(`/i/chat/${ALICE_THREAD}`, variant);
    findComposer(thread.root!)!.textarea.remove();
    expect(answerInsertReply(thread.root, thread.url, { text: 'Hi' })).toEqual({
      ok: false,
      problem: 'noComposer',
    });
  });
});

describe('composer adapter', () => {
  it('a plain .value assignment is what React ignores; appendText and clearComposer are not', async () => {
    const { fakeX, root } = await page(`/i/chat/${ALICE_THREAD}`);
    const textarea = findComposer(root!)!.textarea;
    textarea.value = 'ignored';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    expect(fakeX.composerState()).toBe('');
    expect(appendText(textarea, 'taken')).toBe(true);
    expect(fakeX.composerState()).toBe('ignoredtaken');
    expect(clearComposer(textarea)).toBe(true);
    expect(fakeX.composerState()).toBe('');
  });
});
