// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ThreadDetector } from '../../../src/content/thread-detector.ts';
import type { IncomingDm } from '../../../src/core/types.ts';

type Side = 'theirs' | 'mine';

function row(uuid: string, side: Side = 'theirs'): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.setAttribute('data-dm-item-key', uuid);
  const el = document.createElement('div');
  el.setAttribute('data-dm-message-row', uuid);
  el.className = `flex ${side === 'theirs' ? 'justify-start' : 'justify-end'}`;
  if (side === 'mine') el.setAttribute('data-send-status', 'sent');
  const text = document.createElement('div');
  text.setAttribute('data-testid', `message-text-${uuid}`);
  const span = document.createElement('span');
  span.dir = 'auto';
  span.textContent = `text of ${uuid}`;
  text.append(span);
  el.append(text);
  wrapper.append(el);
  return wrapper;
}

let root: HTMLElement;
let list: HTMLElement;
let reports: IncomingDm[];
let openId: string;
let detector: ThreadDetector;

function rowsOf(...wrappers: HTMLElement[]): Element[] {
  return wrappers.map((w) => w.firstElementChild as Element);
}

function append(...uuids: string[]): Element[] {
  const wrappers = uuids.map((u) => row(u));
  list.append(...wrappers);
  return rowsOf(...wrappers);
}

beforeEach(() => {
  document.body.innerHTML = `<div id="root"><section data-testid="dm-conversation-panel">
    <div data-testid="dm-conversation-header"><a href="/alice"><span data-testid="dm-conversation-username">Alice</span></a></div>
    <div data-testid="dm-message-list"></div></section></div>`;
  root = document.getElementById('root') as HTMLElement;
  list = root.querySelector('[data-testid="dm-message-list"]') as HTMLElement;
  reports = [];
  openId = '1-2';
  detector = new ThreadDetector({
    report: (dm) => reports.push(dm),
    now: () => 42,
    openThread: () => ({
      threadId: openId,
      threadKind: 'direct',
      contactHandle: 'alice',
      contactName: 'Alice',
      contactId: '2',
    }),
  });
});

const ids = () => reports.map((r) => r.messageId);

describe('thread detector', () => {
  it('takes the rows on screen when a thread is first seen as history', () => {
    append('h1', 'h2');
    detector.open('1-2', root);
    expect(ids()).toEqual([]);
    detector.rowsAdded(append('n1'));
    expect(ids()).toEqual(['n1']);
    expect(reports[0]).toMatchObject({
      threadId: '1-2',
      senderHandle: 'alice',
      text: 'text of n1',
      detectedAt: 42,
    });
  });

  it('takes the first rows of a thread that opened empty as history (nothing to compare with)', () => {
    detector.open('1-2', root);
    detector.rowsAdded(append('h1', 'h2'));
    detector.rowsAdded(append('n1'));
    expect(ids()).toEqual(['n1']);
  });

  it('never reports my rows, but they still mark the newest position', () => {
    append('h1');
    detector.open('1-2', root);
    const mine = row('m1', 'mine');
    list.append(mine);
    detector.rowsAdded(rowsOf(mine));
    detector.rowsAdded(append('n1'));
    expect(ids()).toEqual(['n1']);
  });

  it('treats rows loaded above the known ones (scrolling up) as history', () => {
    append('h3', 'h4');
    detector.open('1-2', root);
    const older = [row('h1'), row('h2')];
    list.prepend(...older);
    detector.rowsAdded(rowsOf(...older));
    expect(ids()).toEqual([]);
  });

  it('does not report re-rendered rows, trimmed rows or the same row twice', () => {
    append('h1', 'h2');
    detector.open('1-2', root);
    const [n1] = append('n1');
    detector.rowsAdded(n1 ? [n1, n1] : []);
    // Re-render: every row replaced by a fresh element with the same uuid.
    list.replaceChildren(row('h1'), row('h2'), row('n1'));
    detector.rowsAdded([...list.querySelectorAll('[data-dm-message-row]')]);
    // Trim: the oldest row leaves; a new one comes after the newest (a fresh element now).
    list.firstElementChild?.remove();
    detector.rowsAdded(append('n2'));
    expect(ids()).toEqual(['n1', 'n2']);
  });

  it('after a full re-render, finds the newest known row again to judge the next one', () => {
    append('h1', 'h2');
    detector.open('1-2', root);
    list.replaceChildren(row('h1'), row('h2'));
    detector.rowsAdded(append('n1'));
    expect(ids()).toEqual(['n1']);
  });

  it('reports on reopening what arrived after the newest known row, and only that', () => {
    append('h1');
    detector.open('1-2', root);
    detector.open(null, root);
    list.replaceChildren(row('h1'), row('while-away'));
    detector.open('1-2', root);
    expect(ids()).toEqual(['while-away']);
  });

  it('on reopening with no known row on screen, reports nothing (cannot tell new from old)', () => {
    append('h1');
    detector.open('1-2', root);
    detector.open(null, root);
    list.replaceChildren(row('x1'), row('x2'));
    detector.open('1-2', root);
    expect(ids()).toEqual([]);
  });

  it('keeps threads apart: rows of one thread do not vouch for another', () => {
    append('a1');
    detector.open('1-2', root);
    openId = '1-3';
    list.replaceChildren(row('b1'));
    detector.open('1-3', root);
    detector.rowsAdded(append('b2'));
    expect(ids()).toEqual(['b2']);
    expect(reports[0]?.threadId).toBe('1-3');
  });

  it('reports nothing when the page shows another thread than the one being tracked', () => {
    append('h1');
    detector.open('1-2', root);
    openId = '9-9';
    detector.rowsAdded(append('n1'));
    expect(ids()).toEqual([]);
  });

  it('ignores rows removed before they were handled, and does nothing with no thread open', () => {
    append('h1');
    detector.open('1-2', root);
    const [gone] = append('gone');
    gone?.parentElement?.remove();
    detector.rowsAdded(gone ? [gone] : []);
    detector.open(null, root);
    detector.rowsAdded(append('n1'));
    expect(ids()).toEqual([]);
  });
});
