// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { InboxDetector } from '../../../src/content/inbox-detector.ts';
import type { IncomingDm } from '../../../src/core/types.ts';

let scroller: HTMLElement;
let reports: IncomingDm[];
let detector: InboxDetector;

/**
 * Creates or updates the inbox row of thread `1000-<id>`, described as X's code describes it
 * (MARKUP.md "Inbox rows"): `Name, @handle, text, time[, Unread]`, plus the unread dot.
 */
function setRow(
  id: string,
  preview: string,
  { unread = true, time = 'Now', top = false }: { unread?: boolean; time?: string; top?: boolean } = {},
): HTMLElement {
  const word = unread;
  const testId = `dm-conversation-item-1000:${id}`;
  let row = [...scroller.children].find((el) => el.getAttribute('data-testid') === testId) as HTMLElement;
  if (!row) {
    row = document.createElement('div');
    row.setAttribute('data-testid', testId);
  }
  const parts = [`Person ${id}`, `@p${id}`, preview, time, word ? 'Unread' : ''].filter((p) => p !== '');
  row.setAttribute('aria-description', parts.join(', '));
  row.replaceChildren();
  if (unread) {
    const dot = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    dot.setAttribute('data-icon', 'icon-circle-fill');
    row.append(dot);
  }
  if (top) scroller.prepend(row);
  else if (!row.isConnected) scroller.append(row);
  return row;
}

beforeEach(() => {
  document.body.innerHTML = '<div data-testid="dm-conversation-scroller"></div>';
  scroller = document.body.firstElementChild as HTMLElement;
  reports = [];
  detector = new InboxDetector({ report: (dm) => reports.push(dm), now: () => 7, viewerId: () => '1000' });
});

describe('inbox detector', () => {
  it('takes the inbox as first seen as history, then reports a changed unread preview once', () => {
    setRow('2', 'old news');
    setRow('3', 'older news');
    detector.scan(document, null);
    expect(reports).toEqual([]);
    const row = setRow('2', 'fresh news', { top: true });
    detector.rowsTouched([row], null);
    detector.rowsTouched([row], null);
    expect(reports).toEqual([
      {
        messageId: expect.stringMatching(/^inbox:[0-9a-z]+$/),
        threadId: '1000-2',
        threadKind: 'direct',
        senderId: '2',
        senderHandle: 'p2',
        senderName: 'Person 2',
        text: 'fresh news',
        timeLabel: 'Now',
        detectedAt: 7,
        source: 'inbox',
      },
    ]);
  });

  it('gives the same text the same id, whatever its time label (a stable hash of thread and text)', () => {
    const first = new InboxDetector({ report: (dm) => reports.push(dm), now: () => 1, viewerId: () => '' });
    const second = new InboxDetector({ report: (dm) => reports.push(dm), now: () => 2, viewerId: () => '' });
    setRow('2', 'old');
    first.scan(document, null);
    second.scan(document, null);
    first.rowsTouched([setRow('2', 'new', { time: '1m' })], null);
    second.rowsTouched([setRow('2', 'new', { time: '2m' })], null);
    expect(reports).toHaveLength(2);
    expect(reports[0]?.messageId).toBe(reports[1]?.messageId);
    // Without the viewer's own id, the 1:1 thread cannot tell whose id is whose.
    expect(reports[0]?.senderId).toBe('');
  });

  it('reports one message once while X rewrites its time every minute (Now, 1m, 2m…), Unread or not', () => {
    setRow('2', 'a');
    detector.scan(document, null);
    for (const time of ['Now', '1m', '2m', '59m', '1h']) {
      detector.rowsTouched([setRow('2', 'hi, there', { time })], null);
    }
    expect(reports.map((r) => [r.text, r.timeLabel])).toEqual([['hi, there', 'Now']]);
  });

  it('counts X\'s "Unread" alone, without the dot, as unread', () => {
    setRow('2', 'a');
    detector.scan(document, null);
    const row = setRow('2', 'only the word');
    row.replaceChildren();
    detector.rowsTouched([row], null);
    expect(reports.map((r) => r.text)).toEqual(['only the word']);
  });

  it('does not report read previews (my own last message is never unread to me), or the open thread', () => {
    setRow('2', 'a');
    setRow('3', 'b');
    detector.scan(document, null);
    detector.rowsTouched([setRow('2', 'my answer', { unread: false })], null);
    detector.rowsTouched([setRow('3', 'seen elsewhere', { unread: false })], null);
    detector.rowsTouched([setRow('3', 'in the open thread')], '1000-3');
    expect(reports).toEqual([]);
  });

  it('reports when the unread dot comes in a later render than the new text', () => {
    setRow('2', 'a');
    detector.scan(document, null);
    detector.rowsTouched([setRow('2', 'b', { unread: false })], null);
    expect(reports).toEqual([]);
    detector.rowsTouched([setRow('2', 'b', { unread: true })], null);
    expect(reports.map((r) => r.text)).toEqual(['b']);
  });

  it('ignores a time label that ages ("Now" → "1m") and rows re-rendered unchanged', () => {
    setRow('2', 'a');
    detector.scan(document, null);
    detector.rowsTouched([setRow('2', 'a', { time: '1m' })], null);
    detector.rowsTouched([...scroller.children], null);
    expect(reports).toEqual([]);
  });

  it('reports a new conversation that appears above known ones, not rows loaded below them', () => {
    setRow('2', 'a');
    detector.scan(document, null);
    const below = setRow('9', 'old unread conversation');
    const above = setRow('5', 'first contact', { top: true });
    // Handled in any order: the one below must not vouch for the one above, nor the other way round.
    detector.rowsTouched([below, above], null);
    expect(reports.map((r) => r.threadId)).toEqual(['1000-5']);
  });

  it('takes the first render of a whole inbox as history, whatever order its rows are handled in', () => {
    const rows = [setRow('2', 'a'), setRow('3', 'b'), setRow('4', 'c')];
    detector.rowsTouched(rows.reverse(), null);
    expect(reports).toEqual([]);
  });

  it('on coming back to chat, compares what the inbox shows with what it showed before', () => {
    setRow('2', 'a');
    detector.scan(document, null);
    setRow('2', 'arrived while on /home');
    detector.scan(document, null);
    expect(reports.map((r) => r.text)).toEqual(['arrived while on /home']);
  });
});

describe('inbox detector cost', () => {
  /** Counts the parses of a row: each one looks for the unread dot with querySelector. */
  function countParses(rows: Element[]): () => number {
    const spies = rows.map((row) => vi.spyOn(row, 'querySelector'));
    return () => spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  }

  it('does not parse rows again that X moved or re-rendered unchanged', () => {
    const rows = Array.from({ length: 150 }, (_, i) => setRow(String(i + 2), `preview ${i}`));
    detector.scan(document, null);
    const parses = countParses(rows);
    // A re-sort: one row moved to the top (remove + insert of the same element), every row "touched".
    const moved = rows[100] as HTMLElement;
    moved.remove();
    scroller.prepend(moved);
    detector.rowsTouched([...scroller.children], null);
    expect(parses()).toBe(0);
    // The moved row with a new preview: that row alone is parsed.
    // (Without the word "Unread", a parse looks for the dot: that is what is counted.)
    moved.setAttribute('aria-description', `Person 102, @p102, fresh, Now`);
    detector.rowsTouched([...scroller.children], null);
    expect(parses()).toBe(1);
    expect(reports.map((r) => r.text)).toEqual(['fresh']);
  });

  it('looks again at an unchanged row only while its new preview waits for the unread dot', () => {
    const row = setRow('2', 'a');
    detector.scan(document, null);
    detector.rowsTouched([setRow('2', 'b', { unread: false })], null);
    const parses = countParses([row]);
    detector.rowsTouched([row], null);
    expect(parses()).toBe(1);
    const dot = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    dot.setAttribute('data-icon', 'icon-circle-fill');
    row.append(dot);
    detector.rowsTouched([row], null);
    expect(reports.map((r) => r.text)).toEqual(['b']);
    detector.rowsTouched([row], null);
    expect(parses()).toBe(2);
  });

  it("leaves the open thread's row unparsed while it stays open, and misses nothing once it is left", () => {
    const row = setRow('2', 'ok');
    setRow('3', 'b');
    detector.scan(document, null);
    const parses = countParses([row]);
    // Thread 2 open: each of its messages changes its row (the thread detector reports those).
    detector.rowsTouched([setRow('2', 'on my way', { unread: false, top: true })], '1000-2');
    detector.rowsTouched([setRow('2', 'thanks', { unread: false })], '1000-2');
    expect(parses()).toBe(0);
    expect(detector.previewOf('1000-2')).toBe('thanks');
    expect(reports).toEqual([]);
    // Thread 3 opened; in the same batch, thread 2 receives "ok" again (its preview before it was opened).
    detector.rowsTouched([setRow('2', 'ok')], '1000-3');
    expect(reports.map((r) => [r.threadId, r.text])).toEqual([['1000-2', 'ok']]);
  });

  it('takes what the open thread showed last when another thread opens, not its later unread text', () => {
    const row = setRow('2', 'a');
    detector.scan(document, null);
    detector.rowsTouched([setRow('2', 'b', { unread: false })], '1000-2');
    // Left for thread 3; X had already put a new unread message in thread 2's row.
    setRow('2', 'c');
    detector.rowsTouched([setRow('3', 'x', { unread: false })], '1000-3');
    expect(reports).toEqual([]);
    detector.rowsTouched([row], '1000-3');
    expect(reports.map((r) => r.text)).toEqual(['c']);
  });

  it('reads a row element again when X reuses it for another conversation', () => {
    const row = setRow('2', 'a');
    setRow('3', 'b');
    detector.scan(document, null);
    // A recycled element: same node, another thread's test id and description.
    row.setAttribute('data-testid', 'dm-conversation-item-1000:3');
    row.setAttribute('aria-description', 'Person 3, @p3, c, Now, Unread');
    detector.rowsTouched([row], null);
    expect(reports.map((r) => [r.threadId, r.text])).toEqual([['1000-3', 'c']]);
  });
});
