// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, defaultRulesFor, starterTemplatesFor } from '../../../src/core/defaults.ts';
import type { Settings } from '../../../src/core/types.ts';
import { OptionsApp, SECTION_GROUPS, type SectionId, sectionFromHash } from '../../../src/options/app.tsx';
import { putRule } from '../../../src/storage/rules.ts';
import { getSettings, putSettings } from '../../../src/storage/settings.ts';
import { putTemplate } from '../../../src/storage/templates.ts';
import { resetUnsaved } from '../../../src/ui/unsaved.ts';
import { freshDb, settle, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});

const env = { timeZone: 'UTC' };
/** Every section id the options page had before the sections were grouped. */
const OLD_HASHES = [
  'rules',
  'templates',
  'dryRun',
  'quickReplies',
  'schedule',
  'limits',
  'lists',
  'autoSend',
  'profile',
  'activity',
  'transfer',
  'reset',
];

async function openOptions(hash: string) {
  const db = freshDb();
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  await putSettings(db, settings);
  for (const template of starterTemplatesFor('en')) await putTemplate(db, template);
  for (const rule of defaultRulesFor('en')) await putRule(db, rule);
  history.replaceState(null, '', `#${hash}`);
  render(<OptionsApp settings={settings} />);
  await settle();
  return db;
}

const selected = () => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent;
const daily = () => screen.getByLabelText('At most per day') as HTMLInputElement;
const leaveDialog = () => screen.queryByRole('alertdialog');

beforeEach(() => {
  useEnglish();
  resetUnsaved();
});
afterEach(cleanup);

describe('sections a newcomer finds', () => {
  it('are grouped: replies, when, safety, you and your data', async () => {
    await openOptions('rules');
    const lists = screen.getAllByRole('tablist');
    expect(lists.map((list) => list.getAttribute('aria-labelledby'))).toEqual(
      SECTION_GROUPS.map((group) => `group-${group.id}`),
    );
    expect(
      lists.map((list) => document.getElementById(list.getAttribute('aria-labelledby')!)?.textContent),
    ).toEqual(['Replies', 'When', 'Safety', 'You and your data']);
    const named = (list: HTMLElement) =>
      [...list.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent);
    expect(lists.map(named)).toEqual([
      ['Rules', 'Templates', 'Quick replies', 'Try a message'],
      ['Away now', 'Schedule'],
      ['Limits', 'Who gets answers', 'Urgent people', 'Automatic sending'],
      ['About you', 'Activity log', 'Import / export', 'Reset'],
    ]);
  });

  it('keep every old address: each old hash lands on its section', () => {
    for (const id of OLD_HASHES) expect(sectionFromHash(`#${id}`)).toBe(id as SectionId);
    expect(sectionFromHash('#nothing-like-it')).toBe('rules');
  });

  it('open on the section the address names', async () => {
    await openOptions('lists');
    expect(selected()).toBe('Who gets answers');
    expect(screen.getByRole('heading', { name: 'Who gets answers' })).toBeTruthy();
  });

  it('offer the welcome page again', async () => {
    await openOptions('rules');
    expect(screen.getByRole('link', { name: 'First steps' }).getAttribute('href')).toBe(
      '../welcome/index.html',
    );
  });
});

describe('one save model: drafts wait for Save, and leaving with unsaved changes asks first', () => {
  it('an edit to Limits is not lost by switching section: keep editing, then save and continue', async () => {
    const db = await openOptions('limits');
    fireEvent.input(daily(), { target: { value: '42' } });
    expect(screen.getByText('Changes not saved yet.')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Schedule' }));
    const dialog = leaveDialog();
    expect(dialog?.textContent).toContain('Your changes to “Limits” are not saved.');
    expect(selected()).toBe('Limits');
    // Focus is on the choice that changes nothing.
    expect(document.activeElement?.textContent).toBe('Keep editing');
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(leaveDialog()).toBeNull();
    expect(daily().value).toBe('42');

    fireEvent.click(screen.getByRole('tab', { name: 'Schedule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    await waitFor(() => expect(selected()).toBe('Schedule'));
    expect((await getSettings(db, env)).limits.dailyCap).toBe(42);
    expect(location.hash).toBe('#schedule');
  });

  it('discarding leaves, and stores nothing', async () => {
    const db = await openOptions('limits');
    fireEvent.input(daily(), { target: { value: '42' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Rules' }));
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(selected()).toBe('Rules'));
    expect((await getSettings(db, env)).limits.dailyCap).toBe(100);
    // Nothing unsaved is left: the next move does not ask.
    fireEvent.click(screen.getByRole('tab', { name: 'Limits' }));
    expect(leaveDialog()).toBeNull();
    expect(daily().value).toBe('100');
  });

  it('a draft that cannot be saved keeps the page where it is, and says why', async () => {
    await openOptions('limits');
    fireEvent.input(daily(), { target: { value: '800' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Schedule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(await screen.findByText('Not everything could be saved: see the form.')).toBeTruthy();
    expect(selected()).toBe('Limits');
    expect(screen.getByText(/X’s own daily limit is about 500/)).toBeTruthy();
  });

  it('back, forward or an edited address asks too, and the address waits for the answer', async () => {
    await openOptions('lists');
    fireEvent.input(screen.getByLabelText('Allow list'), { target: { value: '@alice' } });
    await settle();
    history.replaceState(null, '', '#reset');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByRole('alertdialog');
    expect(location.hash).toBe('#lists');
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(selected()).toBe('Reset'));
    expect(location.hash).toBe('#reset');
  });

  it('closing or reloading the tab with unsaved changes asks the browser to confirm', async () => {
    await openOptions('profile');
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    fireEvent.input(screen.getByLabelText('Your name (for {my_name})'), { target: { value: 'Jo' } });
    await settle();
    expect(leave()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    await settle();
    expect(leave()).toBe(false);
  });

  it('opening another rule’s editor asks about the one being edited', async () => {
    await openOptions('rules');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Away reply' }));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Away reply, edited' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Templates' }));
    expect(leaveDialog()?.textContent).toContain('Your changes to “Away reply” are not saved.');
  });

  it('a section with nothing changed leaves at once', async () => {
    await openOptions('autoSend');
    fireEvent.click(screen.getByRole('tab', { name: 'Limits' }));
    expect(leaveDialog()).toBeNull();
    expect(selected()).toBe('Limits');
  });
});
