// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, defaultRulesFor, starterTemplatesFor } from '../../../src/core/defaults.ts';
import type { LocaleCode } from '../../../src/core/locales.ts';
import type { Settings } from '../../../src/core/types.ts';
import type { MessageBundle } from '../../../src/shared/i18n.ts';
import { listRules, putRule } from '../../../src/storage/rules.ts';
import { getSettings, putSettings } from '../../../src/storage/settings.ts';
import { getTemplate, putTemplate } from '../../../src/storage/templates.ts';
import { WelcomeApp } from '../../../src/welcome/app.tsx';
import type { BrowserMock } from '../support/browser-mock.ts';
import { freshDb, settle, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
const mock = browser as unknown as BrowserMock;
const NOW = Date.UTC(2026, 6, 1, 12);
const env = { timeZone: 'UTC' };
const X_TAB = { id: 7, url: 'https://x.com/i/chat', lastAccessed: 5 };

const bundleOf = async (code: LocaleCode) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../public/_locales', code, 'messages.json'), 'utf8'),
  ) as MessageBundle;
const en = await bundleOf('en');

async function seeded(): Promise<{ db: ReturnType<typeof freshDb>; settings: Settings }> {
  const db = freshDb();
  const settings = structuredClone(DEFAULT_SETTINGS);
  await putSettings(db, settings);
  for (const template of starterTemplatesFor('en')) await putTemplate(db, template);
  for (const rule of defaultRulesFor('en')) await putRule(db, rule);
  return { db, settings };
}

async function open(xTab: { answer: unknown } | null = null) {
  const { db, settings } = await seeded();
  mock.tabs.query.mockResolvedValue(xTab ? [X_TAB] : []);
  mock.tabs.sendMessage.mockResolvedValue(xTab?.answer);
  render(<WelcomeApp settings={settings} now={() => NOW} loadTexts={bundleOf} />);
  await screen.findByRole('heading', { name: '4. Try it' });
  await settle();
  return db;
}

const handleInput = () => screen.getByLabelText('Your X handle') as HTMLInputElement;

beforeEach(() => {
  useEnglish();
  mock.tabs.query.mockReset();
  mock.tabs.sendMessage.mockReset();
  mock.runtime.sendMessage.mockReset();
  mock.runtime.sendMessage.mockResolvedValue(undefined);
});
afterEach(cleanup);

describe('step 1, who you are', () => {
  it('fills in the handle the open X tab shows, asked through its content script', async () => {
    await open({ answer: { ok: true, viewer: { handle: 'Me_Away' } } });
    await waitFor(() => expect(handleInput().value).toBe('@Me_Away'));
    expect(screen.getByText('Found @Me_Away in your X tab.')).toBeTruthy();
    expect(mock.tabs.query).toHaveBeenCalledWith({
      url: ['https://x.com/*', 'https://twitter.com/*', 'https://chat.x.com/*'],
    });
    expect(mock.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'getViewer', payload: {} });
  });

  it('takes nothing from an answer of the wrong shape', async () => {
    await open({ answer: { ok: true, viewer: { handle: '<img src=x>' } } });
    await screen.findByText('Your X tab did not answer. Reload it and try again, or type your handle.');
    expect(handleInput().value).toBe('');
  });

  it('says how to go on when no X tab is open, or nobody is signed in there', async () => {
    await open();
    await screen.findByText(/^No X tab is open\./);
    cleanup();
    await open({ answer: { ok: false, problem: 'notSignedIn' } });
    await screen.findByText('Nobody is signed in to X in that tab. Sign in there, or type your handle.');
  });
});

describe('finishing', () => {
  it('stores the answers and switches nothing on', async () => {
    const db = await open({ answer: { ok: true, viewer: { handle: 'me_away' } } });
    await waitFor(() => expect(handleInput().value).toBe('@me_away'));
    fireEvent.input(screen.getByLabelText('Your name (for {my_name})'), { target: { value: 'Jo Away' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Short' }));
    const body = screen.getByLabelText('Away message') as HTMLTextAreaElement;
    expect(body.value).toBe(en.welcomeTextShort!.message);
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    const done = await screen.findByRole('heading', { name: 'You are ready' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    const settings = await getSettings(db, env);
    expect(settings).toMatchObject({ myName: 'Jo Away', myHandle: 'me_away', autoSendAcknowledged: false });
    expect(settings.schedule).toEqual(DEFAULT_SETTINGS.schedule);
    expect((await getTemplate(db, 'away-en'))?.body).toBe(en.welcomeTextShort!.message);
    expect((await listRules(db)).map((rule) => [rule.templateId, rule.mode])).toEqual([
      ['away-en', 'suggest'],
    ]);
    expect(mock.runtime.sendMessage).toHaveBeenCalledWith({ type: 'refreshBadge', payload: {} });
  });

  it('sends automatically only once the warning is accepted', async () => {
    const db = await open();
    fireEvent.click(screen.getByRole('radio', { name: /^Send automatically/ }));
    expect(screen.getByText('Automatic sending can get your X account suspended.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect((await screen.findAllByRole('alert')).map((alert) => alert.textContent)).toContain(
      'To send automatically, tick the box above to accept the risk, or choose Suggest.',
    );
    await settle();
    expect((await getSettings(db, env)).autoSendAcknowledged).toBe(false);
    expect((await listRules(db))[0]?.mode).toBe('suggest');

    fireEvent.click(
      screen.getByRole('checkbox', { name: 'I understand the risk and want to allow automatic sending' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    await screen.findByRole('heading', { name: 'You are ready' });
    expect(await getSettings(db, env)).toMatchObject({ autoSendAcknowledged: true, defaultMode: 'auto' });
    expect((await listRules(db))[0]?.mode).toBe('auto');
    expect((await getSettings(db, env)).schedule.awayEnabled).toBe(false);
  });

  it('refuses a broken text and puts the keyboard on it', async () => {
    await open();
    const body = screen.getByLabelText('Away message') as HTMLTextAreaElement;
    fireEvent.input(body, { target: { value: 'Hi {oops' } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    await screen.findByText('Some answers need fixing first: see the highlighted fields.');
    await waitFor(() => expect(document.activeElement).toBe(body));
    expect(screen.queryByRole('heading', { name: 'You are ready' })).toBeNull();
  });
});

describe('step 2, the away message', () => {
  it('a language of replies brings the same starting text written in it', async () => {
    await open();
    fireEvent.click(screen.getByRole('radio', { name: 'With your return date' }));
    fireEvent.change(screen.getByLabelText('Language of your replies'), { target: { value: 'fr' } });
    const fr = await bundleOf('fr');
    await waitFor(() =>
      expect((screen.getByLabelText('Away message') as HTMLTextAreaElement).value).toBe(
        fr.welcomeTextReturn!.message,
      ),
    );
    expect((screen.getByRole('radio', { name: 'With your return date' }) as HTMLInputElement).checked).toBe(
      true,
    );
  });
});

describe('step 4, try it', () => {
  it('shows the reply the answers above would get, following them, before anything is stored', async () => {
    await open();
    await screen.findByText('This reply would be suggested (you send it yourself):');
    fireEvent.input(screen.getByLabelText('Away message'), {
      target: { value: "Hello {first_name}, I'm away this week." },
    });
    await screen.findByText("Hello Sam, I'm away this week.");
    fireEvent.input(screen.getByLabelText('Message from Sam Rivera'), { target: { value: 'STOP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Try it' }));
    await screen.findByText('they asked to stop');
  });
});
