// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/i/chat"}
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportInNode } from '../../../scripts/markup-report-node.ts';
import { answerChatMarkup } from '../../../src/content/markup-request.ts';
import { findChatRoot } from '../../../src/content/x/chat-root.ts';
import { parseInboxRow } from '../../../src/content/x/inbox-row.ts';
import { markupReport, pageKind, reportFromMarkup } from '../../../src/content/x/markup-report.ts';
import { parseMessageRow } from '../../../src/content/x/message-row.ts';
import { readOpenThread } from '../../../src/content/x/open-thread.ts';
import { selfCheck } from '../../../src/content/x/self-check.ts';
import type { Seed } from '../../fixtures/fake-x/src/api.ts';
import { loadFakeX } from './support/fake-page.ts';
import { loadSnapshot } from './support/snapshots.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Everything personal in this account: none of it may be in a report.
const ME = { id: '4410000001', handle: 'zelda_me', name: 'Zelda Quartermaine' };
const PEOPLE = [
  { id: '4410000002', handle: 'yolanda_w', name: 'Yolanda Wexford' },
  { id: '4410000003', handle: 'xavier_k', name: 'Xavier, K.' },
  { id: '4410000004', handle: 'wilhelmina', name: 'Wilhelmina Ostrova' },
];
const TEXTS = [
  'Secret rendezvous at the pier',
  'My phone is 555 0199 call me',
  'Blueberry codeword accepted',
];
const UUIDS = ['1f0e7c5a-3b2d-4e1f-8a9b-0c1d2e3f4a5b', '2a0e7c5a-3b2d-4e1f-8a9b-0c1d2e3f4a5c'];
const GROUP = 'g4410009999';

function seed(): Seed {
  const [a, b, c] = PEOPLE as [(typeof PEOPLE)[0], (typeof PEOPLE)[0], (typeof PEOPLE)[0]];
  return {
    me: ME,
    threads: [
      {
        with: [a],
        unread: true,
        history: [
          { from: a.handle, text: TEXTS[0] as string, id: UUIDS[0] },
          { from: 'me', text: `${TEXTS[1]} https://example.org/private/${ME.handle}` },
        ],
      },
      {
        kind: 'group',
        id: GROUP,
        name: 'Secret Society',
        with: [a, b],
        history: [{ from: b.handle, text: TEXTS[2] as string, id: UUIDS[1] }],
      },
      { kind: 'request', with: [c], history: [{ from: c.handle, text: 'Hello stranger' }] },
    ],
  };
}

const personal = [
  ME.id,
  ME.handle,
  ME.name,
  ...PEOPLE.flatMap((p) => [p.id, p.handle, p.name]),
  'Xavier',
  ...TEXTS,
  'Hello stranger',
  'Secret Society',
  'example.org',
  GROUP.slice(1),
  ...UUIDS,
];

async function reportOf(path: string): Promise<string> {
  const fakeX = await loadFakeX({ seed: seed(), chatDelayMs: 0, historyDelayMs: 0 }, path);
  for (let i = 0; i < 50 && !fakeX.ready(); i++) await pause(5);
  const found = findChatRoot(document);
  return markupReport(document, location.href, selfCheck(found, location.href, undefined, document));
}

const thread = `/i/chat/${ME.id}-${PEOPLE[0]?.id}`;
const request = `/i/chat/requests/${ME.id}-${PEOPLE[2]?.id}`;

describe('the markup report', () => {
  it.each(['/i/chat', thread, `/i/chat/${GROUP}`, '/i/chat/requests', request])(
    'of %s keeps no name, handle, text, uuid or numeric id',
    async (path) => {
      const report = await reportOf(path);
      expect(report).toMatch(/^<!-- Away for X markup report v1 -->/u);
      expect(report).toContain('data-testid="xchatEmbedRoute"');
      for (const secret of personal) expect(report, secret).not.toContain(secret);
      // Digits of the ids in any other form neither.
      expect(report).not.toMatch(/441000/u);
    },
  );

  it('keeps what the adapter needs: it reads the report back as it reads X', async () => {
    const report = await reportOf(thread);
    const url = /<!-- url: (.*?) -->/u.exec(report)?.[1] ?? '';
    expect(url).toMatch(/^https:\/\/x\.com\/i\/chat\/1000001-1000002$/u);
    expect(report).toContain('<!-- kind: thread -->');
    expect(report).toContain('<!-- self-check: ok -->');
    loadSnapshot({ html: report.slice(report.indexOf('<div')), url });
    const found = findChatRoot(document);
    expect(selfCheck(found, location.href)).toEqual({ ok: true, variant: 'shadow', missing: [] });
    const root = found?.root as ParentNode;
    const open = readOpenThread(root, location.href, '1000001');
    expect(open).toMatchObject({ threadKind: 'direct', contactHandle: 'user_1', contactId: '1000002' });
    const rows = [...root.querySelectorAll('[data-dm-message-row]')].map((row) => parseMessageRow(row));
    expect(rows.map((row) => row?.direction)).toEqual(['theirs', 'mine']);
    expect(rows[0]?.text).toMatch(/^Text \d+$/u);
    // The inbox row of the thread: X's description shape survives.
    const item = root.querySelector('[data-testid^="dm-conversation-item-1000001:1000002"]') as Element;
    expect(parseInboxRow(item, '1000001')).toMatchObject({
      recognised: true,
      handle: 'user_1',
      senderId: '1000002',
    });
  });

  it('names the page kind, locked included', async () => {
    await reportOf('/i/chat');
    expect(pageKind(document, location.href)).toBe('inbox');
    const fakeX = await loadFakeX({ seed: seed(), chatDelayMs: 0, locked: 'inPlace' }, '/i/chat');
    for (let i = 0; i < 50 && !fakeX.ready(); i++) await pause(5);
    expect(pageKind(document, location.href)).toBe('passcode');
    expect(markupReport(document, location.href)).toContain('pin-code-input-container');
  });
});

describe('the chat markup the content script sends', () => {
  it.each(['/i/chat', thread, `/i/chat/${GROUP}`, '/i/chat/requests', request])(
    'gives the same report once restored outside the page, in the popup or in Node (%s)',
    async (path) => {
      const direct = await reportOf(path);
      const answer = answerChatMarkup(document, location.href);
      if (!answer.ok) throw new Error('no markup');
      expect(answer.check).toEqual({ ok: true, missing: [] });
      // The markup itself is the page: it holds what the report must not.
      expect(personal.filter((secret) => answer.markup.includes(secret)).length).toBeGreaterThan(2);
      const popup = reportFromMarkup(answer, (html) => new DOMParser().parseFromString(html, 'text/html'));
      expect(popup).toBe(direct);
      const node = reportInNode(answer.markup, answer.url, answer.check);
      expect(node).toBe(direct);
      for (const secret of personal) expect(node, secret).not.toContain(secret);
      expect(node).not.toMatch(/441000/u);
    },
  );

  it('is none when the page shows no chat, and the report says so', async () => {
    document.body.innerHTML = '<main><p>Home timeline of Yolanda Wexford</p></main>';
    const answer = answerChatMarkup(document, 'https://x.com/home');
    if (!answer.ok) throw new Error('no answer');
    expect(answer.markup).toBe('');
    const report = reportInNode(answer.markup, answer.url, answer.check);
    expect(report).toContain('<!-- no chat found on this page -->');
    expect(report).not.toContain('Yolanda');
  });

  it('is all the content script ships: the anonymiser and the report are not in its imports', () => {
    const src = join(import.meta.dirname, '../../../src');
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gmu)) {
        // Code only: a stylesheet imported with ?inline is text.
        if (spec?.startsWith('.') && spec.endsWith('.ts')) visit(join(dirname(file), spec));
      }
    };
    visit(join(src, 'content/index.ts'));
    const files = [...seen].map((file) => file.slice(src.length + 1));
    expect(files).toContain('content/x/chat-markup.ts');
    expect(files).not.toContain('content/x/markup-report.ts');
    expect(files).not.toContain('content/x/anonymise.ts');
  });
});
