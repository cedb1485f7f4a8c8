// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseInboxRow } from '../../../src/content/x/inbox-row.ts';

/** An inbox row as X renders it: test id, aria-description, avatar label, optional unread dot. */
function inboxRow(testId: string, description: string, { unread = false, title = '' } = {}): HTMLElement {
  const row = document.createElement('div');
  row.setAttribute('data-testid', testId);
  row.setAttribute('aria-description', description);
  const link = document.createElement('a');
  link.setAttribute('href', '/i/chat/x');
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

describe('inbox rows', () => {
  it('reads a 1:1 row whose name and preview contain commas', () => {
    const row = inboxRow('dm-conversation-item-1000:3000', 'Bob, the Builder, @bob, Well, yes, maybe, 3m', {
      unread: true,
      title: 'Bob, the Builder',
    });
    expect(parseInboxRow(row)).toEqual({
      threadId: '1000-3000',
      kind: 'direct',
      name: 'Bob, the Builder',
      handle: 'bob',
      senderName: 'Bob, the Builder',
      own: false,
      preview: 'Well, yes, maybe',
      timeLabel: '3m',
      unread: true,
    });
  });

  it.each(['now', '3m', '10:42 AM', '9:05', 'Jul 14', 'Sept. 3, 2025', 'September 30, 2025'])(
    'finds the time "%s" at the end of a long preview, one after another',
    (time) => {
      const preview = `${'a long, long line, '.repeat(30)}the end`;
      const row = inboxRow('dm-conversation-item-1000:3000', `Bob, @bob, ${preview}, ${time}`);
      for (let i = 0; i < 2; i++) expect(parseInboxRow(row)).toMatchObject({ preview, timeLabel: time });
      const short = inboxRow('dm-conversation-item-1000:3000', `Bo, @bob, hi, ${time}`);
      expect(parseInboxRow(short)).toMatchObject({ preview: 'hi', timeLabel: time });
    },
  );

  it('recognises my own last message and an absent unread dot', () => {
    const parsed = parseInboxRow(
      inboxRow('dm-conversation-item-1000:2000', 'Alice, @alice, You: on my way, now'),
    );
    expect(parsed).toMatchObject({ own: true, preview: 'on my way', senderName: '', unread: false });
  });

  it('reads a group row: the group name from the avatar, the sender before the colon', () => {
    const row = inboxRow('dm-conversation-item-g777', 'Weekend, plans, Alice Martin: Count me in, 2h', {
      title: 'Weekend, plans',
    });
    expect(parseInboxRow(row)).toMatchObject({
      threadId: 'g777',
      kind: 'group',
      name: 'Weekend, plans',
      handle: '',
      senderName: 'Alice Martin',
      own: false,
      preview: 'Count me in',
      timeLabel: '2h',
    });
    const mine = inboxRow('dm-conversation-item-g777', 'Weekend, plans, You: ok, 1d', {
      title: 'Weekend, plans',
    });
    expect(parseInboxRow(mine)).toMatchObject({ own: true, preview: 'ok' });
  });

  it('reads a message request', () => {
    const row = inboxRow('dm-message-request-item-1000:4000', 'Carol, @carol, Hi! Quick question, 1h');
    expect(parseInboxRow(row)).toMatchObject({ threadId: '1000-4000', kind: 'request', handle: 'carol' });
  });

  it.each([
    ['Alice, @alice, hello, Jul 14', 'Jul 14'],
    ['Alice, @alice, hello, Jul 14, 2025', 'Jul 14, 2025'],
    ['Alice, @alice, hello, 10:42 AM', '10:42 AM'],
    ['Alice, @alice, hello, il y a 3 min', 'il y a 3 min'],
  ])('splits the time off "%s"', (description, time) => {
    const parsed = parseInboxRow(inboxRow('dm-conversation-item-1000:2000', description));
    expect(parsed?.timeLabel).toBe(time);
    expect(parsed?.preview).toBe('hello');
  });

  it('ignores rows that are not conversations', () => {
    expect(parseInboxRow(inboxRow('dm-conversation-item-settings', 'x, @y, z, now'))).toBeNull();
    const noDescription = inboxRow('dm-conversation-item-1000:2000', '');
    noDescription.removeAttribute('aria-description');
    expect(parseInboxRow(noDescription)).toBeNull();
  });
});
