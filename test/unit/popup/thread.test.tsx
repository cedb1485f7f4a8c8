// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { OpenThreadPanel } from '../../../src/popup/open-thread.tsx';
import { filterReplies, QuickReplies, renderQuickReplies } from '../../../src/popup/quick-replies.tsx';
import { isXUrl } from '../../../src/popup/x-tab.ts';
import { putTemplate } from '../../../src/storage/templates.ts';
import type { BrowserMock } from '../support/browser-mock.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';
import { NOW, settings, template, thread } from './thread-fixtures.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
const mock = browser as unknown as BrowserMock;

beforeEach(() => {
  useEnglish();
  mock.tabs.query.mockReset();
  mock.tabs.sendMessage.mockReset();
});
afterEach(cleanup);

describe('quick replies', () => {
  it('fill the variables for the contact of the open thread', () => {
    const [reply] = renderQuickReplies(
      [template('t', 'Thanks', 'Thanks {first_name}, {my_name} here')],
      thread,
      settings,
      NOW,
    );
    expect(reply).toEqual({ id: 't', name: 'Thanks', text: 'Thanks Alice, Sam here' });
  });

  it('filter on every word, in the name or the text', () => {
    const replies = [
      { id: 'a', name: 'Thanks', text: 'Thank you Alice' },
      { id: 'b', name: 'Later', text: 'I will write back later' },
    ];
    expect(filterReplies(replies, 'write LATER').map((r) => r.id)).toEqual(['b']);
    expect(filterReplies(replies, '').map((r) => r.id)).toEqual(['a', 'b']);
    expect(filterReplies(replies, 'nothing')).toEqual([]);
  });

  it('are driven from the search box: arrows move, Enter picks, typing filters', () => {
    const picked: string[] = [];
    const replies = [
      { id: 'a', name: 'Thanks', text: 'Thank you' },
      { id: 'b', name: 'Later', text: 'Later today' },
      { id: 'c', name: 'Busy', text: 'Busy now' },
    ];
    render(<QuickReplies replies={replies} onPick={(reply) => picked.push(reply.id)} />);
    const box = screen.getByRole('combobox', { name: 'Search quick replies' });
    const selected = () =>
      screen.getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true');
    expect(selected()?.textContent).toContain('Thanks');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(selected()?.textContent).toContain('Busy');
    expect(box.getAttribute('aria-activedescendant')).toBe(selected()?.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' }); // wraps around
    expect(selected()?.textContent).toContain('Thanks');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'Enter' });
    fireEvent.input(box, { target: { value: 'later' } });
    expect(screen.getAllByRole('option')).toHaveLength(1);
    fireEvent.keyDown(box, { key: 'Enter' });
    fireEvent.click(screen.getByRole('option'));
    expect(picked).toEqual(['c', 'b', 'b']);
    fireEvent.input(box, { target: { value: 'zzz' } });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByText('No quick reply matches.')).toBeTruthy();
  });
});

describe('X tab detection', () => {
  it('accepts only X hosts over https', () => {
    expect(isXUrl('https://x.com/i/chat/1-2')).toBe(true);
    expect(isXUrl('https://chat.x.com/')).toBe(true);
    expect(isXUrl('https://x.com.evil.example/')).toBe(false);
    expect(isXUrl('http://x.com/')).toBe(false);
    expect(isXUrl(undefined)).toBe(false);
  });
});

describe('the open thread panel', () => {
  it('explains that an X conversation is needed when the active tab is not X', async () => {
    freshDb();
    mock.tabs.query.mockResolvedValue([{ id: 4, url: 'https://example.org/' }]);
    render(<OpenThreadPanel settings={settings} now={() => NOW} />);
    expect(await screen.findByText('Open a conversation on x.com to use quick replies.')).toBeTruthy();
    expect(mock.tabs.sendMessage).not.toHaveBeenCalled();
  });

  it('explains a tab that does not answer (opened before the extension)', async () => {
    freshDb();
    mock.tabs.query.mockResolvedValue([{ id: 4, url: 'https://x.com/i/chat' }]);
    mock.tabs.sendMessage.mockRejectedValue(new Error('Receiving end does not exist'));
    render(<OpenThreadPanel settings={settings} now={() => NOW} />);
    expect(await screen.findByText('The X tab did not answer. Reload it and try again.')).toBeTruthy();
  });

  it('passes on the content script’s own answer: no open conversation', async () => {
    freshDb();
    mock.tabs.query.mockResolvedValue([{ id: 4, url: 'https://x.com/i/chat' }]);
    mock.tabs.sendMessage.mockResolvedValue({ ok: false, problem: 'noOpenThread' });
    render(<OpenThreadPanel settings={settings} now={() => NOW} />);
    expect(await screen.findByText('Open a conversation in the X tab first.')).toBeTruthy();
  });

  it('inserts a quick reply for the open thread and reports the result', async () => {
    const db = freshDb();
    await putTemplate(db, template('thanks', 'Thanks', 'Thanks {first_name}!'));
    await putTemplate(db, template('away', 'Away', 'Not a quick one', false));
    mock.tabs.query.mockResolvedValue([{ id: 9, url: 'https://x.com/i/chat/100-200' }]);
    mock.tabs.sendMessage.mockImplementation(async (_tab, message) =>
      (message as { type: string }).type === 'getOpenThread' ? { ok: true, thread } : { ok: true },
    );
    render(<OpenThreadPanel settings={settings} now={() => NOW} />);
    expect(
      await screen.findByRole('heading', { name: 'Conversation with Alice Martin (@alice)' }),
    ).toBeTruthy();
    const option = await screen.findByRole('option');
    expect(option.textContent).toContain('Thanks Alice!');
    fireEvent.click(option);
    expect(await screen.findByText('Inserted in X: check it and press Send.')).toBeTruthy();
    expect(mock.tabs.sendMessage).toHaveBeenLastCalledWith(9, {
      type: 'insertReply',
      payload: { threadId: '100-200', text: 'Thanks Alice!' },
    });
  });

  it('shows why an insert failed, e.g. another conversation is open now', async () => {
    const db = freshDb();
    await putTemplate(db, template('thanks', 'Thanks', 'Thanks!'));
    mock.tabs.query.mockResolvedValue([{ id: 9, url: 'https://x.com/i/chat/100-200' }]);
    mock.tabs.sendMessage.mockImplementation(async (_tab, message) =>
      (message as { type: string }).type === 'getOpenThread'
        ? { ok: true, thread }
        : { ok: false, problem: 'threadMismatch' },
    );
    render(<OpenThreadPanel settings={settings} now={() => NOW} />);
    fireEvent.click(await screen.findByRole('option'));
    expect(await screen.findByText('Another conversation is open now: nothing was inserted.')).toBeTruthy();
  });

  it('offers the suggested reply of that thread, and dismisses it', async () => {
    const db = freshDb();
    await db.suggestions.put({
      threadId: '100-200',
      messageId: 'm1',
      text: 'I am away, back Monday',
      ruleId: 'r',
      templateId: 't',
      createdAt: 1,
    });
    mock.tabs.query.mockResolvedValue([{ id: 9, url: 'https://x.com/i/chat/100-200' }]);
    mock.tabs.sendMessage.mockImplementation(async (_tab, message) =>
      (message as { type: string }).type === 'getOpenThread' ? { ok: true, thread } : { ok: true },
    );
    render(<OpenThreadPanel settings={settings} now={() => NOW} />);
    expect(await screen.findByText('I am away, back Monday')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Insert' }));
    await waitFor(() =>
      expect(mock.tabs.sendMessage).toHaveBeenLastCalledWith(9, {
        type: 'insertReply',
        payload: { threadId: '100-200', text: 'I am away, back Monday' },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText('I am away, back Monday')).toBeNull());
    expect(await db.suggestions.count()).toBe(0);
  });
});
