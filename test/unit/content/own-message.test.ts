// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ThreadDetector } from '../../../src/content/thread-detector.ts';
import type { IncomingDm } from '../../../src/core/types.ts';
import type { OwnMessageReport } from '../../../src/messaging/own-message.ts';

type Side = 'theirs' | 'mine';

/** A row as the evidence in test/fixtures/fake-x/MARKUP.md shows it: direction in the row's own class. */
function row(uuid: string, side: Side = 'theirs', text = `text of ${uuid}`): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.setAttribute('data-dm-item-key', uuid);
  const el = document.createElement('div');
  el.setAttribute('data-dm-message-row', uuid);
  el.setAttribute('data-testid', `message-${uuid}`);
  el.className = `group flex w-full ${side === 'theirs' ? 'justify-start' : 'justify-end'}`;
  const sender = document.createElement('span');
  sender.id = `${uuid}-sender`;
  sender.textContent = side === 'mine' ? 'You' : 'Alice';
  const box = document.createElement('div');
  box.setAttribute('data-testid', `message-text-${uuid}`);
  const span = document.createElement('span');
  span.dir = 'auto';
  span.textContent = text;
  box.append(span);
  // Their rows too hold a justify-end time wrapper: direction must come from the row's own class.
  const stamp = document.createElement('div');
  stamp.className = 'flex items-center gap-1 justify-end';
  el.append(sender, box, stamp);
  wrapper.append(el);
  return wrapper;
}

let root: HTMLElement;
let list: HTMLElement;
let reports: IncomingDm[];
let own: OwnMessageReport[];
let now: number;
let detector: ThreadDetector;

function add(...wrappers: HTMLElement[]): Element[] {
  list.append(...wrappers);
  return wrappers.map((w) => w.firstElementChild as Element);
}

beforeEach(() => {
  document.body.innerHTML = `<div id="root"><section data-testid="dm-conversation-panel">
    <div data-testid="dm-message-list"></div></section></div>`;
  root = document.getElementById('root') as HTMLElement;
  list = root.querySelector('[data-testid="dm-message-list"]') as HTMLElement;
  reports = [];
  own = [];
  now = 1000;
  detector = new ThreadDetector({
    report: (dm) => reports.push(dm),
    reportOwn: (message) => own.push(message),
    now: () => now,
    openThread: () => ({
      threadId: '1-2',
      threadKind: 'direct',
      contactHandle: 'alice',
      contactName: 'Alice',
      contactId: '2',
    }),
  });
});

describe('my own messages in the open conversation', () => {
  it('reports my message that arrives after theirs, with what it answers', () => {
    add(row('h1'));
    detector.open('1-2', root);
    now = 2000;
    detector.rowsAdded(add(row('t1')));
    now = 3000;
    detector.rowsAdded(add(row('m1', 'mine', 'typed on my phone')));
    expect(reports.map((r) => r.messageId)).toEqual(['t1']);
    expect(own).toEqual([
      {
        kind: 'own',
        threadId: '1-2',
        messageId: 'm1',
        text: 'typed on my phone',
        detectedAt: 3000,
        live: true,
        answers: ['t1', 'h1'],
        answeredTexts: ['text of t1', 'text of h1'],
      },
    ]);
  });

  it('lists only their messages since my previous one', () => {
    add(row('t0'), row('m0', 'mine'), row('t1'), row('t2'));
    detector.open('1-2', root);
    own.length = 0;
    detector.rowsAdded(add(row('m1', 'mine')));
    expect(own.at(-1)?.answers).toEqual(['t2', 't1']);
  });

  it('when the conversation opens, reports my newest message there, not as live', () => {
    add(row('t1'), row('m1', 'mine'), row('t2'));
    detector.open('1-2', root);
    expect(reports).toEqual([]);
    expect(own).toMatchObject([{ messageId: 'm1', live: false, answers: ['t1'] }]);
  });

  it('a message of mine followed by theirs in one batch is not live', () => {
    add(row('h1'));
    detector.open('1-2', root);
    detector.rowsAdded(add(row('m1', 'mine'), row('t1')));
    expect(own).toMatchObject([{ messageId: 'm1', live: false, answers: ['h1'] }]);
  });

  it('their rows are never reported as mine, whatever their inner wrappers say', () => {
    add(row('h1'));
    detector.open('1-2', root);
    detector.rowsAdded(add(row('t1'), row('t2')));
    expect(own).toEqual([]);
  });
});
