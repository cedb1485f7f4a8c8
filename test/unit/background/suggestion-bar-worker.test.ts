import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fr from '../../../public/_locales/fr/messages.json';
import { readBarState, registerSuggestionBar } from '../../../src/background/suggestion-bar.ts';
import { MessageRouter } from '../../../src/messaging/router.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { updateSettings } from '../../../src/storage/settings.ts';
import { setSuggestion } from '../../../src/storage/suggestions.ts';
import { freshDb, settle, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});

const NOW = Date.UTC(2026, 11, 4, 22);
const ENV = { timeZone: 'UTC' };
const THREAD = '1000-2000';
let db: AwayDb;

beforeEach(() => {
  db = freshDb();
  useEnglish();
  // The worker loads the chosen language's messages.json; this one answers with French for `fr`.
  vi.stubGlobal(
    'fetch',
    async (url: string) => new Response(JSON.stringify(String(url).includes('/fr/') ? fr : {})),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  db.close();
});

const deps = (notifyTabs = vi.fn(async () => undefined)) => ({
  db: () => db,
  env: () => ENV,
  now: () => NOW,
  notifyTabs,
});
const suggestion = (messageId: string, text = 'Hi Alice, back Monday.') => ({
  threadId: THREAD,
  messageId,
  text,
  ruleId: 'away-default',
  templateId: 'away-en',
  createdAt: NOW - 1000,
});
const awayOn = () =>
  updateSettings(db, ENV, (s) => ({ ...s, schedule: { ...s.schedule, awayEnabled: true } }));

describe('what the bar in X’s page is told', () => {
  it('the thread’s suggestion, whether away is on, and the words in the chosen language', async () => {
    expect(await readBarState(deps(), THREAD)).toMatchObject({ suggestion: null, awayOn: false });
    await setSuggestion(db, suggestion('m1'));
    await awayOn();
    const state = await readBarState(deps(), THREAD);
    expect(state.suggestion).toEqual({ messageId: 'm1', text: 'Hi Alice, back Monday.' });
    expect(state.awayOn).toBe(true);
    expect(state.texts).toMatchObject({ insert: 'Insert', dismiss: 'Dismiss', awayOn: 'Away for X is on' });
    await updateSettings(db, ENV, (s) => ({ ...s, uiLocale: 'fr' }));
    const french = await readBarState(deps(), THREAD);
    expect(french.texts).toMatchObject({ insert: 'Insérer', awayOn: 'Away for X est activé', lang: 'fr' });
  });

  it('answers the page, dismisses through the suggestions’ owner, and tells X tabs when to ask again', async () => {
    const notifyTabs = vi.fn(async () => undefined);
    const router = new MessageRouter('self');
    const stop = registerSuggestionBar(router, deps(notifyTabs));
    await settle();
    const first = notifyTabs.mock.calls.length;
    await setSuggestion(db, suggestion('m1'));
    await vi.waitFor(() => expect(notifyTabs.mock.calls.length).toBe(first + 1));

    const sender = { id: 'self', tab: { id: 3, url: `https://x.com/i/chat/${THREAD}` } };
    const state = (await router.dispatch({ type: 'getBarState', payload: { threadId: THREAD } }, sender)) as {
      suggestion: unknown;
    };
    expect(state.suggestion).toEqual({ messageId: 'm1', text: 'Hi Alice, back Monday.' });
    await expect(
      router.dispatch({ type: 'getBarState', payload: { threadId: THREAD } }, { id: 'someone-else' }),
    ).rejects.toThrow();
    expect(
      await router.dispatch(
        { type: 'dismissSuggestion', payload: { threadId: THREAD, messageId: 'm1' } },
        sender,
      ),
    ).toBe(true);
    expect(await db.suggestions.count()).toBe(0);
    expect((await db.activity.toArray()).map((e) => e.kind)).toEqual(['cancelled']);
    await vi.waitFor(() => expect(notifyTabs.mock.calls.length).toBe(first + 2));

    // Settings the bar does not show (limits) wake no tab.
    await updateSettings(db, ENV, (s) => ({ ...s, limits: { ...s.limits, hourlyCap: 5 } }));
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(notifyTabs.mock.calls.length).toBe(first + 2);
    stop();
  });
});
