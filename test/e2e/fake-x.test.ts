import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shownAsSentInPage } from './support/fake-x-rows.ts';
import { sampleSeed, THREADS } from './support/fake-x-seed.ts';
import { openSession, type Session, type SessionPage } from './support/session.ts';

// The fake X itself, without the extension: if it does not behave like X, detection tests prove nothing.
let s: Session;

beforeAll(async () => {
  s = await openSession({
    browser: 'chromium',
    extension: false,
    state: sampleSeed(),
    config: { pendingMs: 150 },
  });
});
afterAll(async () => {
  await s?.close();
});
beforeEach(async () => {
  await s.fakeX.preload(sampleSeed());
  await s.fakeX.setSendBehaviour({ pendingMs: 150, fail: false });
  await s.fakeX.openInbox();
});

interface RowInfo {
  id: string;
  className: string;
  status: string | null;
  text: string | null;
}

/** Message rows in the open thread, read the way an adapter would. */
function rows(page: SessionPage): Promise<RowInfo[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="xchatEmbedRoute"]')?.shadowRoot ?? document;
    return [...root.querySelectorAll('[data-dm-message-row]')].map((row) => ({
      id: row.getAttribute('data-dm-message-row') ?? '',
      className: row.className,
      status: row.getAttribute('data-send-status'),
      text: row.querySelector('[data-testid^="message-text-"] span[dir="auto"]')?.textContent ?? null,
    }));
  }, undefined);
}

/** The composer's value, and what X shows on its right: the send button only once there is text. */
function composer(page: SessionPage): Promise<{ value: string; send: boolean; voice: boolean }> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="xchatEmbedRoute"]')?.shadowRoot ?? document;
    const ta = root.querySelector<HTMLTextAreaElement>('textarea[data-testid="dm-composer-textarea"]');
    if (!ta) throw new Error('composer not found');
    const form = root.querySelector('form[data-testid="dm-composer-form"]');
    const send = form?.querySelector<HTMLButtonElement>('button[data-testid="dm-composer-send-button"]');
    const voice = form?.querySelector('button[data-testid="dm-composer-voice-button"]');
    return { value: ta.value, send: !!send && !send.disabled, voice: !!voice };
  }, undefined);
}

/** Runs one way of putting text into the composer, in the page. */
function insert(
  page: SessionPage,
  how: 'property' | 'nativeSetter' | 'execCommand',
  text: string,
): Promise<void> {
  return page.evaluate(
    ([method, value]) => {
      const root = document.querySelector('[data-testid="xchatEmbedRoute"]')?.shadowRoot ?? document;
      const ta = root.querySelector<HTMLTextAreaElement>('textarea[data-testid="dm-composer-textarea"]');
      if (!ta) throw new Error('composer not found');
      ta.focus();
      if (method === 'execCommand') {
        document.execCommand('insertText', false, value);
        return;
      }
      if (method === 'property') ta.value = value;
      else Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(ta, value);
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [how, text] as [string, string],
  );
}

describe('composer (React-controlled)', () => {
  beforeEach(async () => {
    await s.fakeX.open(THREADS.alice);
  });

  it('ignores `.value =` + input, like React, and shows the voice button, no send button', async () => {
    await insert(s.page, 'property', 'sneaky');
    expect(await s.fakeX.composerState()).toBe('');
    expect(await composer(s.page)).toEqual({ value: 'sneaky', send: false, voice: true });
  });

  it('accepts the native setter + input event, and mounts the send button', async () => {
    await insert(s.page, 'nativeSetter', 'via setter');
    expect(await s.fakeX.composerState()).toBe('via setter');
    expect(await composer(s.page)).toMatchObject({ send: true, voice: false });
  });

  it('accepts execCommand insertText', async () => {
    await insert(s.page, 'execCommand', 'via execCommand');
    expect(await s.fakeX.composerState()).toBe('via execCommand');
  });

  it('accepts real typing; whitespace only shows no send button', async () => {
    await s.page.click('textarea[data-testid="dm-composer-textarea"]');
    await s.page.type('   ');
    expect(await s.fakeX.composerState()).toBe('   ');
    expect((await composer(s.page)).send).toBe(false);
    await s.page.type('typed');
    expect(await s.fakeX.composerState()).toBe('   typed');
    expect((await composer(s.page)).send).toBe(true);
  });

  it('Enter sends, Shift+Enter keeps a line break; the own row goes sending → sent/delivered', async () => {
    await s.page.click('textarea[data-testid="dm-composer-textarea"]');
    await s.page.type('line one');
    await s.page.press('Shift+Enter');
    await s.page.type('line two');
    await s.page.press('Enter');
    const [sent] = await s.fakeX
      .sent()
      .then((all) => all.filter((m) => m.thread === THREADS.alice).slice(-1));
    expect(sent?.text).toBe('line one\nline two');
    const mine = (await rows(s.page)).find((r) => r.id === sent?.id);
    expect(mine).toMatchObject({ status: 'sending', text: 'line one\nline two' });
    expect(mine?.className.split(' ')).toContain('justify-end');
    expect(await composer(s.page)).toEqual({ value: '', send: false, voice: true });
    await s.page.waitFor(shownAsSentInPage, sent?.id);
  });

  it('can be scripted to fail a send', async () => {
    await s.fakeX.setSendBehaviour({ fail: true, pendingMs: 50 });
    await insert(s.page, 'execCommand', 'will fail');
    await s.page.click('button[data-testid="dm-composer-send-button"]');
    await s.page.waitFor(
      () =>
        !!document
          .querySelector('[data-testid="xchatEmbedRoute"]')
          ?.shadowRoot?.querySelector('[data-send-status="error"]'),
      undefined,
    );
    expect((await s.fakeX.sent()).at(-1)).toMatchObject({ text: 'will fail', status: 'failed' });
  });
});

describe('message rows', () => {
  it('received rows are justify-start but hold a justify-end timestamp wrapper; text is never HTML', async () => {
    await s.fakeX.open(THREADS.alice);
    const id = await s.fakeX.receive({
      thread: THREADS.alice,
      text: '<img src=x onerror="window.pwned=1"> hi',
    });
    const info = await s.page.evaluate((uuid) => {
      const root = document.querySelector('[data-testid="xchatEmbedRoute"]')?.shadowRoot as ShadowRoot;
      const row = root.querySelector(`[data-testid="message-${uuid}"]`) as HTMLElement;
      const text = row.querySelector(`[data-testid="message-text-${uuid}"] span[dir="auto"]`) as HTMLElement;
      return {
        rowClasses: row.className.split(' '),
        // What a naive adapter would look at: a justify-end inside the row, or around the time label.
        descendant: row.querySelector('.justify-end') !== null,
        timeClosestIsRow: row.querySelector(`[id="${uuid}-time"]`)?.closest('.justify-end') === row,
        time: row.querySelector(`[id="${uuid}-time"]`)?.textContent ?? '',
        text: text.textContent,
        images: row.querySelectorAll('img').length,
        status: row.getAttribute('data-send-status'),
      };
    }, id);
    expect(info.rowClasses).toContain('justify-start');
    expect(info.rowClasses).not.toContain('justify-end');
    expect(info.descendant).toBe(true);
    expect(info.timeClosestIsRow).toBe(false);
    expect(info.time).toMatch(/^\d{1,2}:\d{2}\s?[AP]M$/);
    expect(info).toMatchObject({ text: '<img src=x onerror="window.pwned=1"> hi', images: 0, status: null });
  });

  it('keeps only the newest 40 rows of a long thread', async () => {
    await s.fakeX.open(THREADS.erin);
    const shown = await rows(s.page);
    expect(shown).toHaveLength(40);
    expect(shown.at(0)?.text).toBe('message 21');
    expect(shown.at(-1)?.text).toBe('message 60');
    await s.fakeX.receive({ thread: THREADS.erin, text: 'message 61' });
    const after = await rows(s.page);
    expect(after.map((r) => r.text)).toEqual([...shown.slice(1).map((r) => r.text), 'message 61']);
  });

  it('rerender replaces the row elements but keeps their uuids', async () => {
    await s.fakeX.open(THREADS.alice);
    const before = await s.page.evaluate(() => {
      const root = document.querySelector('[data-testid="xchatEmbedRoute"]')?.shadowRoot as ShadowRoot;
      const all = [...root.querySelectorAll<HTMLElement>('[data-dm-message-row]')];
      for (const row of all) (row as HTMLElement & { marked?: boolean }).marked = true;
      return all.map((r) => r.getAttribute('data-dm-message-row'));
    }, undefined);
    await s.fakeX.rerender();
    const after = await s.page.evaluate(() => {
      const root = document.querySelector('[data-testid="xchatEmbedRoute"]')?.shadowRoot as ShadowRoot;
      const all = [...root.querySelectorAll<HTMLElement & { marked?: boolean }>('[data-dm-message-row]')];
      return {
        ids: all.map((r) => r.getAttribute('data-dm-message-row')),
        marked: all.filter((r) => r.marked).length,
      };
    }, undefined);
    expect(before).toHaveLength(3);
    expect(after).toEqual({ ids: before, marked: 0 });
  });

  it('group rows show the sender by avatar link and name', async () => {
    await s.fakeX.open(THREADS.group);
    const id = await s.fakeX.receive({ thread: THREADS.group, from: 'carol', text: 'See you there' });
    const info = await s.page.evaluate((uuid) => {
      const root = document.querySelector('[data-testid="xchatEmbedRoute"]')?.shadowRoot as ShadowRoot;
      const row = root.querySelector(`[data-dm-message-row="${uuid}"]`) as HTMLElement;
      return {
        href: row.querySelector('a')?.getAttribute('href'),
        sender: row.querySelector(`[id="${uuid}-sender"]`)?.textContent,
      };
    }, id);
    expect(info).toEqual({ href: '/carol', sender: 'Carol Diaz' });
    expect(await s.page.url()).toBe(`https://x.com/i/chat/${THREADS.group}`);
  });
});
