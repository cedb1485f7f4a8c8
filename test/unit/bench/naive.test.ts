// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { naiveScript } from '../../../bench/naive/detectors.ts';
import { fullScan, type NaiveState } from '../../../bench/naive/full-scan.ts';

function row(uuid: string, side: 'start' | 'end', text: string): string {
  return `<div data-dm-message-row="${uuid}" class="flex justify-${side}"><div data-testid="message-text-${uuid}"><span dir="auto">${text}</span></div></div>`;
}

function inboxRow(thread: string, preview: string, unread: boolean): string {
  const dot = unread ? '<svg data-icon="icon-circle-fill"></svg>' : '';
  return `<div data-testid="dm-conversation-item-${thread}"><div class="line-clamp-2"><span>${preview}</span></div>${dot}</div>`;
}

let list: HTMLElement;
let inbox: HTMLElement;

beforeEach(() => {
  history.replaceState(null, '', '/i/chat/1-2');
  document.body.innerHTML = '<main><div id="host"></div></main>';
  const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
  shadow.innerHTML = `<div id="inbox">${inboxRow('1:3', 'old preview', true)}</div><div id="list">${row('a', 'start', 'history')}</div>`;
  list = shadow.getElementById('list') as HTMLElement;
  inbox = shadow.getElementById('inbox') as HTMLElement;
});

const fresh = (): NaiveState => ({ seen: new Set(), detections: [], scans: 0, shadowRoots: new Set() });

describe('naive full scan (bench baseline)', () => {
  it('treats the first scan as history, then reports their new rows inside the open shadow root', () => {
    const state = fresh();
    fullScan(state);
    expect(state.detections).toEqual([]);
    expect(state.shadowRoots.size).toBe(1);
    list.insertAdjacentHTML('beforeend', row('b', 'start', 'new one') + row('c', 'end', 'mine'));
    fullScan(state);
    expect(state.detections.map((d) => [d.messageId, d.threadId, d.text])).toEqual([['b', '1-2', 'new one']]);
    fullScan(state);
    expect(state.detections).toHaveLength(1);
  });

  it('reports a new unread preview once, by thread and text', () => {
    const state = fresh();
    fullScan(state);
    inbox.insertAdjacentHTML(
      'afterbegin',
      inboxRow('1:4', 'hi there', true) + inboxRow('1:5', 'read', false),
    );
    fullScan(state);
    fullScan(state);
    expect(state.detections.map((d) => [d.messageId, d.threadId, d.text])).toEqual([
      [null, '1-4', 'hi there'],
    ]);
  });

  it('the serialised rescanning observer finds the shadow root and reports a row added inside it', async () => {
    new Function(naiveScript('naiveObserver'))();
    const state = (window as unknown as { __afxNaive: NaiveState }).__afxNaive;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    document.body.append(document.createElement('p')); // any batch: the baseline scan
    await settle();
    expect(state.scans).toBe(1);
    list.insertAdjacentHTML('beforeend', row('z', 'start', 'seen by the observer'));
    await settle();
    expect(state.detections.map((d) => d.text)).toEqual(['seen by the observer']);
  });

  it('serialises each detector into a self-contained script named for the profiler', () => {
    for (const kind of ['naivePoll', 'naiveObserver'] as const) {
      const script = naiveScript(kind);
      expect(() => new Function(script)).not.toThrow();
      expect(script).toMatch(/\/\/# sourceURL=afx-bench:\/\/naive-/);
    }
  });
});
