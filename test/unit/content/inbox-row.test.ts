// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseInboxDescription } from '../../../src/content/x/inbox-description.ts';
import { parseInboxRow } from '../../../src/content/x/inbox-row.ts';

/**
 * An inbox row as X renders it: test id, `aria-description` (on the item, or on its inner link: sources
 * differ), avatar label, optional unread dot. Descriptions are written the way X's own Chat code builds
 * them (DzikStar/X-SCRAPER client-web/ondemand/XChat-f141c2f6.js; MARKUP.md "Inbox rows").
 */
function inboxRow(
  testId: string,
  description: string,
  { unread = false, title = '', on = 'item' as 'item' | 'link' } = {},
): HTMLElement {
  const row = document.createElement('div');
  row.setAttribute('data-testid', testId);
  const link = document.createElement('a');
  link.setAttribute('href', '/i/chat/x');
  (on === 'item' ? row : link).setAttribute('aria-description', description);
  const avatar = document.createElement('div');
  avatar.setAttribute('role', 'img');
  avatar.setAttribute('aria-label', title);
  link.append(avatar);
  if (unread) {
    const dot = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    dot.setAttribute('data-icon', 'icon-circle-fill');
    link.append(dot);
  }
  row.append(link);
  return row;
}

const DIRECT = 'dm-conversation-item-1000:3000';

describe('inbox rows in X’s description format', () => {
  it('reads a 1:1 row whose name and text contain commas, with X’s Unread part', () => {
    const row = inboxRow(DIRECT, 'Bob, the Builder, @bob, Well, yes, maybe, 3m, Unread');
    expect(parseInboxRow(row, '1000')).toEqual({
      threadId: '1000-3000',
      kind: 'direct',
      name: 'Bob, the Builder',
      handle: 'bob',
      senderName: 'Bob, the Builder',
      senderId: '3000',
      preview: 'Well, yes, maybe',
      timeLabel: '3m',
      unread: true,
      recognised: true,
    });
  });

  it.each(['Now', '3m', '2h', '5d', '2w', '3mo', '7/14/2025', '3 h', '6 s', '10:42 AM', 'Jul 14'])(
    'splits X’s time "%s" off, before Unread and the muted notice',
    (time) => {
      const text = `${'a long, long line, '.repeat(30)}the end`;
      const full = `Bob, @bob, ${text}, ${time}, Unread, Notifications are off for this conversation`;
      expect(parseInboxRow(inboxRow(DIRECT, full))).toMatchObject({
        preview: text,
        timeLabel: time,
        unread: true,
      });
      expect(parseInboxDescription(full, false)).toMatchObject({
        muted: true,
        unread: true,
        timeLabel: time,
      });
      const short = parseInboxRow(inboxRow(DIRECT, `Bo, @bob, hi, ${time}`));
      expect(short).toMatchObject({ preview: 'hi', timeLabel: time, unread: false });
    },
  );

  it('sets aside X’s flags in another language, so the text does not change as the time ticks', () => {
    for (const time of ['3 min', '4 min', '1 h']) {
      const parsed = parseInboxDescription(
        `Ana, @ana, On se voit demain, 10 h ?, ${time}, Non lu, Les notifications sont désactivées`,
        false,
      );
      expect(parsed).toMatchObject({ text: 'On se voit demain, 10 h ?', timeLabel: time, name: 'Ana' });
    }
    // A text that merely ends in words is not cut.
    expect(parseInboxDescription('Ana, @ana, well, fine then', false)).toMatchObject({
      text: 'well, fine then',
      timeLabel: '',
    });
  });

  it('reads an attachment alone (no text part) and a conversation without any message', () => {
    expect(parseInboxRow(inboxRow(DIRECT, 'Bob, @bob, 2h, Unread'))).toMatchObject({
      name: 'Bob',
      preview: '',
      timeLabel: '2h',
      unread: true,
    });
    expect(parseInboxRow(inboxRow(DIRECT, 'Bob, @bob'))).toMatchObject({
      name: 'Bob',
      preview: '',
      timeLabel: '',
    });
  });

  it('takes no "You:" or "Name:" prefix off: X’s description does not say who wrote the text', () => {
    expect(parseInboxRow(inboxRow(DIRECT, 'Alice, @alice, You: on my way, Now'))).toMatchObject({
      preview: 'You: on my way',
      senderName: 'Alice',
    });
  });

  it('reads group rows: title, "Group chat with N people", text, time; no sender', () => {
    const row = inboxRow(
      'dm-conversation-item-g777',
      'Weekend, plans, Group chat with 2 people, Count me in, 2h',
    );
    expect(parseInboxRow(row, '1000')).toMatchObject({
      threadId: 'g777',
      kind: 'group',
      name: 'Weekend, plans',
      handle: '',
      senderName: '',
      senderId: '',
      preview: 'Count me in',
      timeLabel: '2h',
      recognised: true,
    });
    // No title: X pushes the empty title after the member count.
    const untitled = inboxRow('dm-conversation-item-g778', 'Group chat with 1 person, , hello, Now, Unread');
    expect(parseInboxRow(untitled)).toMatchObject({
      name: '',
      preview: 'hello',
      timeLabel: 'Now',
      unread: true,
    });
    const photo = inboxRow('dm-conversation-item-g779', 'Group chat with 3 people, , 5d');
    expect(parseInboxRow(photo)).toMatchObject({ name: '', preview: '', timeLabel: '5d' });
  });

  it('reads a message request, and the description on the row’s inner link', () => {
    const request = inboxRow('dm-message-request-item-1000:4000', 'Carol, @carol, Hi! Quick question, 1h');
    expect(parseInboxRow(request, '1000')).toMatchObject({
      threadId: '1000-4000',
      kind: 'request',
      handle: 'carol',
      senderId: '4000',
    });
    const onLink = inboxRow(DIRECT, 'Bob, @bob, hi, Now, Unread', { on: 'link' });
    expect(parseInboxRow(onLink)).toMatchObject({ handle: 'bob', preview: 'hi', unread: true });
  });

  it('gives no sender id without the viewer’s id, nor when the viewer is not in the thread', () => {
    expect(parseInboxRow(inboxRow(DIRECT, 'Bob, @bob, hi, Now'))?.senderId).toBe('');
    expect(parseInboxRow(inboxRow(DIRECT, 'Bob, @bob, hi, Now'), '999')?.senderId).toBe('');
  });

  it('says when a description is not in X’s form (no @handle): nothing but text and time is trusted', () => {
    expect(parseInboxRow(inboxRow(DIRECT, 'Bob Stone sent you a message, 3m'))).toMatchObject({
      recognised: false,
      name: '',
      senderName: '',
      preview: 'Bob Stone sent you a message',
    });
  });

  it('ignores rows that are not conversations', () => {
    expect(parseInboxRow(inboxRow('dm-conversation-item-settings', 'x, @y, z, Now'))).toBeNull();
    const noDescription = inboxRow(DIRECT, '');
    noDescription.removeAttribute('aria-description');
    expect(parseInboxRow(noDescription)).toBeNull();
  });
});
