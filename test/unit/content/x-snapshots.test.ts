// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/i/chat"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Detector } from '../../../src/content/detector.ts';
import { EMPTY_SETTLE_MS } from '../../../src/content/thread-detector.ts';
import { findChatRoot } from '../../../src/content/x/chat-root.ts';
import { findComposer } from '../../../src/content/x/composer.ts';
import { otherParticipant, viewerIdFromThreads } from '../../../src/content/x/identity.ts';
import { parseInboxRow } from '../../../src/content/x/inbox-row.ts';
import { pageKind } from '../../../src/content/x/markup-report.ts';
import { parseMessageRow } from '../../../src/content/x/message-row.ts';
import { loadedEmpty, readOpenThread } from '../../../src/content/x/open-thread.ts';
import { selfCheck } from '../../../src/content/x/self-check.ts';
import type { IncomingDm } from '../../../src/core/types.ts';
import { threadIdFromUrl } from '../../../src/shared/chat-urls.ts';
import { loadSnapshot, snapshots } from './support/snapshots.ts';

/**
 * The adapter over every file of test/fixtures/x-snapshots/: the ones written from public evidence and
 * any captured from x.com later. Only what holds for any page of its kind is asserted, so a captured
 * (anonymised) snapshot is tested as it is dropped in.
 */
const all = snapshots();
const THREADS = new Set(['thread', 'group-thread', 'request-thread', 'empty-thread']);

function inboxRows(root: ParentNode) {
  return [
    ...root.querySelectorAll(
      '[data-testid^="dm-conversation-item-"], [data-testid^="dm-message-request-item-"]',
    ),
  ];
}

/** The viewer's id as the adapter would learn it without X's cookie: the id the page's 1:1 threads share. */
function viewerOf(root: ParentNode, url: string): string {
  const ids = inboxRows(root).map((row) => parseInboxRow(row)?.threadId ?? '');
  const open = threadIdFromUrl(url);
  return viewerIdFromThreads([...ids, ...(open ? [open] : [])]);
}

/** Runs the detector over the loaded page, as the content script would. */
function detect(root: ParentNode, now: () => number) {
  const reports: IncomingDm[] = [];
  const detector = new Detector({ report: (dm) => reports.push(dm), now });
  detector.attach(root, location.href);
  const observer = new MutationObserver((records) => detector.process(records));
  observer.observe(root as Node, { childList: true, subtree: true, attributes: true });
  return {
    reports,
    flush: () => detector.process(observer.takeRecords()),
    stop: () => observer.disconnect(),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('x-snapshots', () => {
  it('has one written from evidence for every page kind', () => {
    const kinds = new Set(all.filter((s) => s.file.includes('--evidence')).map((s) => s.kind));
    for (const kind of [
      'inbox',
      'thread',
      'group-thread',
      'empty-thread',
      'requests',
      'request-thread',
      'passcode',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
  });
});

describe.each(all)('$file', (snapshot) => {
  it('is recognised for what it is, and passes the self-check (or says locked)', () => {
    loadSnapshot(snapshot);
    const found = findChatRoot(document);
    expect(found).not.toBeNull();
    expect(pageKind(document, location.href)).toBe(snapshot.kind);
    const check = selfCheck(found, location.href, undefined, document);
    if (snapshot.kind === 'passcode') expect(check).toMatchObject({ ok: false, locked: true, missing: [] });
    else expect(check).toEqual({ ok: true, variant: found?.variant, missing: [] });
  });

  it('reads every inbox row: thread, kind, and a sender for 1:1 conversations and requests', () => {
    loadSnapshot(snapshot);
    const root = findChatRoot(document)?.root as ParentNode;
    const viewer = viewerOf(root, location.href);
    for (const row of inboxRows(root)) {
      const parsed = parseInboxRow(row, viewer);
      expect(parsed?.threadId, row.getAttribute('data-testid') ?? '').toBeTruthy();
      if (parsed?.kind === 'group') continue;
      expect(parsed).toMatchObject({ recognised: true, handle: expect.stringMatching(/^\w+$/) });
      if (viewer) expect(parsed?.senderId).toMatch(/^\d+$/);
    }
  });
});

describe.each(all.filter((s) => THREADS.has(s.kind)))('$file, an open conversation', (snapshot) => {
  it('reads the open conversation, its rows and its composer', () => {
    loadSnapshot(snapshot);
    const root = findChatRoot(document)?.root as ParentNode;
    const open = readOpenThread(root, location.href, viewerOf(root, location.href));
    expect(open?.threadId).toBe(threadIdFromUrl(location.href));
    if (open?.threadKind !== 'group') {
      expect(open?.contactHandle).toMatch(/^\w+$/);
      expect(open?.contactName).not.toMatch(/@/);
    }
    const rows = [...root.querySelectorAll('[data-dm-message-row]')].map((row) => parseMessageRow(row));
    for (const row of rows) expect(row?.direction !== 'unknown' || !row.fromPerson, row?.uuid).toBe(true);
    if (snapshot.kind === 'empty-thread') expect(loadedEmpty(root)).toBe(true);
    else expect(rows.some((row) => row?.direction === 'theirs')).toBe(true);
    // The composer is the textarea alone; requests not accepted yet have X's prompt instead.
    if (snapshot.kind !== 'request-thread') expect(findComposer(root)).not.toBeNull();
  });

  it('reports a message that arrives, once, with its sender', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    loadSnapshot(snapshot);
    const root = findChatRoot(document)?.root as ParentNode;
    const { reports, flush, stop } = detect(root, () => Date.now());
    const rows = [...root.querySelectorAll('[data-dm-message-row]')];
    const theirs = rows.find((row) => {
      const parsed = parseMessageRow(row);
      return parsed?.direction === 'theirs' && parsed.fromPerson;
    });
    const list = root.querySelector('[data-testid="dm-message-list"]') as Element;
    const uuid = '99999999-9999-4999-8999-999999999999';
    let arrived: Element;
    if (theirs) {
      // A new message like the last one of theirs, under the rows (X renders newest last).
      const wrapper = (theirs.closest('[data-dm-item-key]') ?? theirs).cloneNode(true) as Element;
      const old = parseMessageRow(theirs)?.uuid as string;
      for (const el of [wrapper, ...wrapper.querySelectorAll('*')]) {
        for (const { name, value } of [...el.attributes])
          if (value.includes(old)) el.setAttribute(name, value.replaceAll(old, uuid));
      }
      (rows.at(-1)?.closest('[data-dm-item-key]') ?? rows.at(-1))?.after(wrapper);
      arrived = wrapper;
    } else {
      // The first message of an empty conversation, a moment after X showed it loaded.
      vi.setSystemTime(Date.now() + EMPTY_SETTLE_MS + 1);
      const wrapper = document.createElement('div');
      wrapper.setAttribute('data-dm-item-key', uuid);
      wrapper.innerHTML = `<div data-dm-message-row="${uuid}" class="flex justify-start"><span id="${uuid}-sender">New</span><div data-testid="message-text-${uuid}"><span dir="auto">Hello there</span></div></div>`;
      (list.querySelector('[data-dm-item-key="header"]')?.parentElement ?? list).append(wrapper);
      arrived = wrapper;
    }
    await Promise.resolve();
    flush();
    stop();
    const expected = parseMessageRow(
      arrived.matches('[data-dm-message-row]')
        ? arrived
        : (arrived.querySelector('[data-dm-message-row]') as Element),
    );
    const thread = reports.filter((r) => r.source === 'thread');
    expect(thread).toMatchObject([
      { messageId: uuid, text: expected?.text, threadId: threadIdFromUrl(location.href) },
    ]);
    if (snapshot.kind === 'group-thread') expect(thread[0]?.senderHandle).toBe(expected?.senderHandle);
    else expect(thread[0]?.senderHandle).toMatch(/^\w+$/);
    const viewer = viewerOf(root, location.href);
    if (viewer && snapshot.kind !== 'group-thread') {
      expect(thread[0]?.senderId).toBe(otherParticipant(threadIdFromUrl(location.href) as string, viewer));
    }
  });
});
