import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sampleSeed, THREADS } from './support/fake-x-seed.ts';
import { openSession, type Session, type SessionPage } from './support/session.ts';

// The fake X's inbox, navigation, variants and persistence (Chromium, no extension).
let s: Session;

beforeAll(async () => {
  s = await openSession({ browser: 'chromium', extension: false, state: sampleSeed() });
});
afterAll(async () => {
  await s?.close();
});
beforeEach(async () => {
  s.configure({ variant: 'shadow', chatDelayMs: 300, brokenMarkup: false });
  // Tests that switch variant or rename test ids leave the page changed: start from a fresh load then.
  const intact = await s.page.evaluate(
    () =>
      !!document
        .querySelector('[data-testid="xchatEmbedRoute"]')
        ?.shadowRoot?.querySelector('[data-testid="dm-inbox-panel"]'),
    undefined,
  );
  if (!intact) {
    await s.page.goto('/i/chat');
    await s.page.waitFor(() => window.fakeX.ready(), undefined);
  }
  await s.fakeX.preload(sampleSeed());
  await s.fakeX.openInbox();
});

interface InboxRow {
  testId: string;
  index: string | null;
  description: string | null;
  href: string | null;
  dot: boolean;
  bold: boolean;
}

function inbox(page: SessionPage): Promise<InboxRow[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="xchatEmbedRoute"]')?.shadowRoot ?? document;
    const rows = root.querySelectorAll(
      '[data-testid^="dm-conversation-item-"], [data-testid^="dm-message-request-item-"]',
    );
    return [...rows].map((row) => ({
      testId: row.getAttribute('data-testid') ?? '',
      index: row.getAttribute('data-index'),
      description: row.getAttribute('aria-description'),
      href: row.querySelector('a')?.getAttribute('href') ?? null,
      dot: row.querySelector('svg[data-icon="icon-circle-fill"]') !== null,
      // X sets the preview in the text colour, medium weight, while unread (XChat-8143bb11.js).
      bold: row.querySelector('.font-medium') !== null,
    }));
  }, undefined);
}

describe('inbox', () => {
  it('lists threads by last activity with X-style test ids, links and descriptions', async () => {
    const rows = await inbox(s.page);
    expect(rows.map((r) => r.testId)).toEqual([
      'dm-conversation-item-1000:2001',
      'dm-conversation-item-1000:2002',
      `dm-conversation-item-${THREADS.group}`,
      'dm-conversation-item-1000:2005',
    ]);
    expect(rows[0]).toMatchObject({ index: '0', href: '/i/chat/1000-2001', dot: false, bold: false });
    // X's own format: no sender in front of the text, "Group chat with N people" for groups.
    expect(rows[0]?.description).toBe('Alice Martin, @alice, Are you around next week?, 28m');
    expect(rows[2]?.description).toBe('Weekend trip, Group chat with 2 people, Tickets booked, 5h');
  });

  it('a new message marks the row unread (dot + bold) and moves it to the top; opening reads it', async () => {
    await s.fakeX.receive({ thread: THREADS.bob, text: 'Still on for lunch?' });
    const [top] = await inbox(s.page);
    expect(top).toMatchObject({
      testId: 'dm-conversation-item-1000:2002',
      index: '0',
      dot: true,
      bold: true,
    });
    expect(top?.description).toBe('Bob Stone, @bob, Still on for lunch?, Now, Unread');
    await s.fakeX.open(THREADS.bob);
    expect((await inbox(s.page))[0]).toMatchObject({ dot: false, bold: false });
    expect((await s.fakeX.threads()).find((t) => t.id === THREADS.bob)?.unread).toBe(false);
  });

  it('my last message is described like any other: X adds no "You:"', async () => {
    await s.fakeX.open(THREADS.alice);
    await s.page.click('textarea[data-testid="dm-composer-textarea"]');
    await s.page.type('On my way');
    await s.page.press('Enter');
    expect((await inbox(s.page))[0]?.description).toBe('Alice Martin, @alice, On my way, Now');
  });

  it('message requests live in their own folder under /i/chat/requests', async () => {
    await s.fakeX.openRequests();
    const rows = await inbox(s.page);
    expect(rows).toEqual([
      expect.objectContaining({
        testId: 'dm-message-request-item-1000:2004',
        href: '/i/chat/requests/1000-2004',
      }),
    ]);
    await s.fakeX.open(THREADS.dan);
    expect(await s.page.url()).toBe('https://x.com/i/chat/requests/1000-2004');
  });
});

describe('navigation', () => {
  it('opening a row uses pushState (no reload) and back returns to the inbox', async () => {
    await s.page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    }, undefined);
    await s.page.click('[data-testid="dm-conversation-item-1000:2001"] a');
    expect(await s.page.url()).toBe('https://x.com/i/chat/1000-2001');
    const state = await s.page.evaluate(() => {
      const root = document.querySelector('[data-testid="xchatEmbedRoute"]')?.shadowRoot as ShadowRoot;
      return {
        marker: (window as unknown as { marker?: number }).marker,
        name: root.querySelector('[data-testid="dm-conversation-username"] span')?.textContent,
        header: root.querySelector('[data-testid="dm-conversation-header"] a')?.getAttribute('href'),
        log: root.querySelector('[data-testid="dm-message-scroller"]')?.getAttribute('role'),
        selected: root.querySelector('[data-selected="true"]')?.getAttribute('data-testid'),
      };
    }, undefined);
    expect(state).toEqual({
      marker: 42,
      name: 'Alice Martin',
      header: 'https://x.com/alice',
      log: 'log',
      selected: 'dm-conversation-item-1000:2001',
    });
    await s.page.evaluate(() => history.back(), undefined);
    await s.page.waitFor(
      () =>
        location.pathname === '/i/chat' &&
        !document
          .querySelector('[data-testid="xchatEmbedRoute"]')
          ?.shadowRoot?.querySelector('[data-testid="dm-conversation-panel"]'),
      undefined,
    );
  });
});

describe('variants', () => {
  it('shadow: the host appears after load and its open shadow root later, unseen by a document observer', async () => {
    s.configure({ chatDelayMs: 1200 });
    await s.page.reload();
    const early = await s.page.evaluate(() => {
      const seen: string[] = [];
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (n instanceof Element) seen.push(n.getAttribute('data-testid') ?? n.tagName);
      }).observe(document, { childList: true, subtree: true });
      (window as unknown as { seen: string[] }).seen = seen;
      return {
        host: document.querySelector('[data-testid="xchatEmbedRoute"]') !== null,
        ready: window.fakeX.ready(),
      };
    }, undefined);
    expect(early).toEqual({ host: false, ready: false });
    await s.page.waitFor(() => window.fakeX.ready(), undefined, 5000);
    const late = await s.page.evaluate(() => {
      const host = document.querySelector('[data-testid="xchatEmbedRoute"]');
      return {
        seen: (window as unknown as { seen: string[] }).seen.filter(
          (t) => t !== 'DIV' && t !== 'cellInnerDiv',
        ),
        shadowInbox: host?.shadowRoot?.querySelector('[data-testid="dm-inbox-panel"]') !== null,
        lightInbox: document.querySelector('[data-testid="dm-inbox-panel"]') !== null,
        overlays: document.querySelector('[data-testid="xchatEmbedOverlays"]')?.shadowRoot !== null,
      };
    }, undefined);
    expect(late).toEqual({
      seen: ['xchatEmbedRoute', 'xchatEmbedOverlays'],
      shadowInbox: true,
      lightInbox: false,
      overlays: true,
    });
  });

  it('light: the same test ids in the document, no embed host', async () => {
    s.configure({ variant: 'light' });
    await s.page.reload();
    await s.page.waitFor(() => window.fakeX.ready(), undefined);
    const found = await s.page.evaluate(
      () => ({
        host: document.querySelector('[data-testid="xchatEmbedRoute"]') !== null,
        rows: document.querySelectorAll('[data-testid^="dm-conversation-item-"]').length,
      }),
      undefined,
    );
    expect(found).toEqual({ host: false, rows: 4 });
  });

  it('breakMarkup renames the test ids and the app keeps working', async () => {
    await s.fakeX.open(THREADS.alice);
    await s.fakeX.breakMarkup();
    const id = await s.fakeX.receive({ thread: THREADS.alice, text: 'after the rename' });
    const found = await s.page.evaluate((uuid) => {
      const root = document.querySelector('[data-testid="x2-xchatEmbedRoute"]')?.shadowRoot as ShadowRoot;
      return {
        old: root.querySelectorAll('[data-testid^="dm-"], [data-dm-message-row]').length,
        composer: root.querySelector('[data-testid="x2-dm-composer-textarea"]') !== null,
        row: root.querySelector(`[data-dm-row="${uuid}"]`)?.textContent?.includes('after the rename'),
      };
    }, id);
    expect(found).toEqual({ old: 0, composer: true, row: true });
  });
});

describe('account state', () => {
  it('survives a reload and syncs a second tab', async () => {
    await s.fakeX.open(THREADS.alice);
    const first = await s.fakeX.receive({ thread: THREADS.alice, text: 'before reload' });
    await s.page.reload();
    await s.page.waitFor(() => window.fakeX.ready(), undefined);
    expect((await s.fakeX.messages(THREADS.alice)).at(-1)).toMatchObject({
      id: first,
      from: 'alice',
      text: 'before reload',
    });
    const tab = await s.newTab(`/i/chat/${THREADS.alice}`);
    try {
      await tab.waitFor(() => window.fakeX.ready(), undefined);
      const second = await s.fakeX.receive({ thread: THREADS.alice, text: 'seen in both tabs' });
      await tab.waitFor(
        (id) =>
          !!document
            .querySelector('[data-testid="xchatEmbedRoute"]')
            ?.shadowRoot?.querySelector(`[data-dm-message-row="${id}"]`),
        second,
      );
    } finally {
      await tab.close();
    }
  });

  it('records when each received row was rendered', async () => {
    await s.fakeX.open(THREADS.alice);
    const id = await s.fakeX.receive({ thread: THREADS.alice, text: 'timed' });
    const entry = (await s.fakeX.receivedLog()).find((r) => r.id === id);
    expect(entry?.renderedAt).toBeGreaterThanOrEqual(entry?.receivedAt ?? Number.POSITIVE_INFINITY);
    expect(entry?.inboxRenderedAt).toBeGreaterThanOrEqual(entry?.receivedAt ?? Number.POSITIVE_INFINITY);
  });

  it('the sidebar timeline churns at the configured rate', async () => {
    const count = (perSecond: number) =>
      s.page.evaluate(async (rate) => {
        window.fakeX.setChurnRate(rate);
        let n = 0;
        const timeline = document.querySelector('[aria-label="Timeline: Trending now"]') as Element;
        const observer = new MutationObserver((records) => {
          n += records.length;
        });
        observer.observe(timeline, { childList: true, subtree: true, characterData: true });
        await new Promise((r) => setTimeout(r, 500));
        observer.disconnect();
        return n;
      }, perSecond);
    expect(await count(0)).toBe(0);
    expect(await count(200)).toBeGreaterThan(40);
    await s.fakeX.setChurnRate(20);
  });
});
