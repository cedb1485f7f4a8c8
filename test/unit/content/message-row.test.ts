// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseMessageRow, rowDirection } from '../../../src/content/x/message-row.ts';

interface RowOptions {
  uuid?: string;
  rowClass?: string;
  status?: string;
  text?: string | null;
  sender?: string;
  avatar?: string;
}

/** One row as X renders it (see test/fixtures/fake-x/MARKUP.md), built with DOM calls only. */
function row({
  uuid = '5b0e',
  rowClass = 'group flex w-full justify-start',
  status,
  text = 'hello',
  sender = 'Alice',
  avatar,
}: RowOptions = {}): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('data-dm-message-row', uuid);
  el.setAttribute('data-testid', `message-${uuid}`);
  el.className = rowClass;
  if (status) el.setAttribute('data-send-status', status);
  if (avatar) {
    const link = document.createElement('a');
    link.href = `/${avatar}`;
    el.append(link);
  }
  const bubble = document.createElement('div');
  const senderLabel = document.createElement('span');
  senderLabel.id = `${uuid}-sender`;
  senderLabel.textContent = sender;
  bubble.append(senderLabel);
  if (text !== null) {
    const container = document.createElement('div');
    container.setAttribute('data-testid', `message-text-${uuid}`);
    const span = document.createElement('span');
    span.dir = 'auto';
    span.textContent = text;
    container.append(span);
    bubble.append(container);
  }
  // The timestamp wrapper is justify-end on THEIR rows too.
  const stamp = document.createElement('div');
  stamp.className = 'flex items-center gap-1 justify-end';
  const time = document.createElement('span');
  time.id = `${uuid}-time`;
  time.textContent = '10:42 AM';
  stamp.append(time);
  el.append(bubble, stamp);
  return el;
}

describe('message rows', () => {
  it('reads uuid, text, time and sender label', () => {
    expect(parseMessageRow(row({ text: 'line one\nline two' }))).toEqual({
      uuid: '5b0e',
      direction: 'theirs',
      text: 'line one\nline two',
      timeLabel: '10:42 AM',
      senderName: 'Alice',
      senderHandle: '',
      kind: '',
      fromPerson: true,
    });
  });

  it('reads its own labels in the page and in a shadow root, even when an earlier element has the same id', () => {
    const host = document.createElement('div');
    document.body.replaceChildren(host);
    const shadow = host.attachShadow({ mode: 'open' });
    for (const parent of [document.body, shadow]) {
      // A quoted copy of the labels earlier in the page: same ids, outside the row.
      const quote = document.createElement('span');
      quote.id = '5b0e-time';
      quote.textContent = 'yesterday';
      const inPage = row({ sender: 'Alice' });
      parent.append(inPage);
      expect(parseMessageRow(inPage)).toMatchObject({ timeLabel: '10:42 AM', senderName: 'Alice' });
      parent.prepend(quote);
      expect(parseMessageRow(inPage)).toMatchObject({ timeLabel: '10:42 AM', senderName: 'Alice' });
    }
  });

  it('keeps hostile text as text: nothing is parsed as markup', () => {
    const hostile = '<img src=x onerror="window.pwned=1"><script>alert(1)</script>';
    const el = row({ text: hostile });
    const parsed = parseMessageRow(el);
    expect(parsed?.text).toBe(hostile);
    expect(el.querySelector('img, script')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('reads direction from the row element only, not from the justify-end timestamp inside', () => {
    const theirs = row();
    expect(theirs.querySelector('.justify-end')).not.toBeNull();
    expect(rowDirection(theirs)).toBe('theirs');
    expect(rowDirection(row({ rowClass: 'group flex w-full justify-end' }))).toBe('mine');
  });

  it('a send status says nothing of the direction: their rows may carry one too', () => {
    expect(rowDirection(row({ status: 'read' }))).toBe('theirs');
    expect(parseMessageRow(row({ status: 'read', avatar: 'alice' }))?.senderHandle).toBe('alice');
    expect(rowDirection(row({ status: 'sending', rowClass: 'group flex justify-end' }))).toBe('mine');
    expect(
      parseMessageRow(row({ status: 'sent', rowClass: 'flex justify-end', avatar: 'me' }))?.senderHandle,
    ).toBe('');
  });

  it('reads the text without X’s span: the two time copies in the bubble do not leak into it', () => {
    // X's bubble: text, a hidden spacer copy of the time, and the visible time (x-use observed this).
    const bare = row({ text: null });
    const container = document.createElement('div');
    container.setAttribute('data-testid', 'message-text-5b0e');
    container.className = 'relative flex justify-end';
    container.innerHTML =
      '<div class="inline-flex"><span class="max-w-full">See you at 8:30<span aria-hidden="true" class="user-select-none">' +
      '<span class="text-subtext3">10:42 AM</span></span></span><div class="absolute bottom-0 inset-e-0">' +
      '<span class="text-subtext3">10:42 AM</span></div></div>';
    bare.querySelector('[id$="-sender"]')?.after(container);
    bare.querySelector('[id$="-time"]')?.remove();
    expect(parseMessageRow(bare)?.text).toBe('See you at 8:30');
    // …and with the time label itself inside the bubble, as in the fake's evidence variant.
    const labelled = row({ text: null });
    const inside = container.cloneNode(true) as Element;
    const visible = inside.querySelector('.absolute span') as Element;
    visible.id = '5b0e-time';
    labelled.querySelector('[id$="-time"]')?.remove();
    labelled.querySelector('[id$="-sender"]')?.after(inside);
    expect(parseMessageRow(labelled)).toMatchObject({ text: 'See you at 8:30', timeLabel: '10:42 AM' });
  });

  it('reads line breaks in text without X’s span as it does with it', () => {
    const bare = row({ text: null });
    const container = document.createElement('div');
    container.setAttribute('data-testid', 'message-text-5b0e');
    container.innerHTML =
      '<span class="max-w-full">Back on Monday<br>Ask Sam meanwhile</span>' +
      '<div class="absolute"><span class="text-subtext3">10:42 AM</span></div>';
    bare.querySelector('[id$="-sender"]')?.after(container);
    bare.querySelector('[id$="-time"]')?.remove();
    expect(parseMessageRow(bare)?.text).toBe('Back on Monday\nAsk Sam meanwhile');
  });

  it('reads emoji X draws as images from their alt text, and links as shown', () => {
    const el = row({ text: '' });
    const span = el.querySelector('span[dir="auto"]') as Element;
    span.innerHTML =
      'Great <img alt="🎉" src="data:,"> see <a href="https://example.com/a/long/path">example.com/a/long/pa…</a>';
    expect(parseMessageRow(el)?.text).toBe('Great 🎉 see example.com/a/long/pa…');
  });

  it('reads a media row: its hidden kind label, no text, still from a person', () => {
    const media = row({ text: null });
    const kind = document.createElement('span');
    kind.id = '5b0e-kind';
    kind.textContent = 'photo';
    media.append(kind);
    expect(parseMessageRow(media)).toMatchObject({ text: '', kind: 'photo', fromPerson: true });
  });

  it('a quote of an earlier message inside the row is not the message’s text', () => {
    const el = row({ text: 'Yes, that one' });
    const quote = document.createElement('div');
    quote.innerHTML =
      '<span>Bob</span><div class="border rounded-2xl"><span dir="auto">the quoted text</span></div>';
    el.firstElementChild?.before(quote);
    expect(parseMessageRow(el)?.text).toBe('Yes, that one');
  });

  it('an X notice without a direction class is not from a person', () => {
    const notice = document.createElement('div');
    notice.setAttribute('data-dm-message-row', 'n-1');
    notice.className = 'flex w-full justify-center';
    notice.innerHTML = '<div class="flex justify-center"><span>Alice was added by Bob</span></div>';
    expect(parseMessageRow(notice)).toMatchObject({ direction: 'unknown', fromPerson: false, text: '' });
  });

  it('an unreadable direction is unknown, never theirs', () => {
    expect(rowDirection(row({ rowClass: 'group flex w-full' }))).toBe('unknown');
    expect(rowDirection(row({ rowClass: 'justify-start justify-end' }))).toBe('unknown');
  });

  it('takes the group sender from the avatar link, not from a mention in the text', () => {
    const withAvatar = row({ avatar: 'carol' });
    expect(parseMessageRow(withAvatar)?.senderHandle).toBe('carol');
    const mention = row();
    const link = document.createElement('a');
    link.href = '/bob';
    link.textContent = '@bob';
    mention.querySelector('span[dir="auto"]')?.append(link);
    expect(parseMessageRow(mention)?.senderHandle).toBe('');
  });

  it('a message without text (a photo) has empty text; text of another uuid is not taken', () => {
    expect(parseMessageRow(row({ text: null }))?.text).toBe('');
    const quoted = row({ text: null });
    const other = row({ uuid: 'other', text: 'quoted message' }).querySelector('[data-testid]');
    if (other) quoted.append(other);
    expect(parseMessageRow(quoted)?.text).toBe('');
  });

  it('a row without uuid is not a message', () => {
    expect(parseMessageRow(row({ uuid: '' }))).toBeNull();
  });
});
