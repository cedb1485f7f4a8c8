// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import { LOCALES } from '../../../src/core/locales.ts';
import type { SendJob, Settings } from '../../../src/core/types.ts';
import { AutoSendSection } from '../../../src/options/auto-send-section.tsx';
import { LimitsSection } from '../../../src/options/limits-section.tsx';
import { ListsSection } from '../../../src/options/lists-section.tsx';
import { ProfileSection } from '../../../src/options/profile-section.tsx';
import { ScheduleSection } from '../../../src/options/schedule-section.tsx';
import { silenceContact } from '../../../src/storage/contacts.ts';
import { getSettings, putSettings } from '../../../src/storage/settings.ts';
import { LanguageSelect } from '../../../src/ui/language-select.tsx';
import type { BrowserMock } from '../support/browser-mock.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
const mock = browser as unknown as BrowserMock;
const env = { timeZone: 'UTC' };

async function withSettings(change: (s: Settings) => void = () => undefined) {
  const db = freshDb();
  const settings = structuredClone(DEFAULT_SETTINGS);
  change(settings);
  expect((await putSettings(db, settings)).ok).toBe(true);
  return { db, settings, stored: () => getSettings(db, env) };
}

beforeEach(() => {
  useEnglish();
  mock.runtime.sendMessage.mockReset();
  mock.runtime.sendMessage.mockResolvedValue(undefined);
});
afterEach(cleanup);

describe('limits', () => {
  it('saves new limits and wakes the worker to repaint the badge', async () => {
    const { settings, stored } = await withSettings();
    render(<LimitsSection settings={settings} />);
    fireEvent.input(screen.getByLabelText('At most per day'), { target: { value: '50' } });
    fireEvent.input(screen.getByLabelText('Days between two automatic messages to the same person'), {
      target: { value: '7' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect((await stored()).limits).toMatchObject({ dailyCap: 50, contactCooldownMs: 7 * 86_400_000 });
    expect(mock.runtime.sendMessage).toHaveBeenCalledWith({ type: 'refreshBadge', payload: {} });
  });

  it('explains X’s 500 a day and refuses a higher daily cap', async () => {
    const { settings, stored } = await withSettings();
    render(<LimitsSection settings={settings} />);
    expect(screen.getByText(/about 500 direct messages a day/)).toBeTruthy();
    const daily = screen.getByLabelText('At most per day');
    expect(daily.getAttribute('max')).toBe('500');
    fireEvent.input(daily, { target: { value: '800' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(daily.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Enter a number from 0 to 500: X’s own daily limit is about 500.')).toBeTruthy();
    expect((await stored()).limits.dailyCap).toBe(100);
  });
});

describe('allow and deny lists', () => {
  it('stores clean handles and the group/request choices', async () => {
    const { settings, stored } = await withSettings();
    render(<ListsSection settings={settings} />);
    fireEvent.input(screen.getByLabelText('Deny list'), {
      target: { value: '@Spammer\nhttps://x.com/Bot_2' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Answer in group conversations' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(await stored()).toMatchObject({
      denyList: ['spammer', 'bot_2'],
      allowList: [],
      answerGroups: true,
      answerRequests: false,
    });
    expect((screen.getByLabelText('Deny list') as HTMLTextAreaElement).value).toBe('@spammer\n@bot_2');
  });

  it('saving a deny list or an allow list cancels the replies it no longer allows, at once, logged', async () => {
    const { db, settings } = await withSettings((s) => {
      s.schedule = { ...s.schedule, awayEnabled: true, awaySince: Date.now() - 60_000 };
    });
    const job = (id: string, handle: string, state: SendJob['state']): SendJob => ({
      id,
      threadId: `1000-${id.length + 2000}`,
      messageId: `m-${id}`,
      contactHandle: handle,
      text: `reply ${id}`,
      timing: { readMs: 0, thinkMs: 0, chunks: ['x'], keyDelaysMs: [0], totalMs: 0 },
      dueAt: Date.now() + 60_000,
      state,
      attempts: state === 'typing' ? 1 : 0,
      createdAt: Date.now(),
      leaseTabId: state === 'typing' ? 3 : null,
      leaseUntil: state === 'typing' ? Date.now() + 10_000 : null,
    });
    await db.jobs.bulkPut([
      job('a', 'alice', 'pending'),
      job('bb', 'bob', 'typing'),
      job('ccc', 'carol', 'pending'),
    ]);
    render(<ListsSection settings={settings} />);
    fireEvent.input(screen.getByLabelText('Deny list'), { target: { value: '@Alice' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect((await db.jobs.get('a'))?.state).toBe('cancelled');
    expect((await db.jobs.get('bb'))?.state).toBe('typing');
    fireEvent.input(screen.getByLabelText('Allow list'), { target: { value: 'carol' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await db.jobs.get('bb'))?.state).toBe('cancelled'));
    expect((await db.jobs.get('ccc'))?.state).toBe('pending');
    expect((await db.activity.toArray()).map((e) => [e.kind, e.contactHandle, e.reason])).toEqual([
      ['cancelled', 'alice', 'denyListed'],
      ['cancelled', 'bob', 'notAllowListed'],
    ]);
  });

  it('silences someone by hand: listed at once, and their reply waiting to go out is cancelled, logged', async () => {
    const { db, settings } = await withSettings((s) => {
      s.schedule = { ...s.schedule, awayEnabled: true, awaySince: Date.now() - 60_000 };
    });
    await db.jobs.put({
      id: 'j',
      threadId: '1000-2001',
      messageId: 'm-j',
      contactHandle: 'dave',
      text: 'Back on Monday',
      timing: { readMs: 0, thinkMs: 0, chunks: ['x'], keyDelaysMs: [0], totalMs: 0 },
      dueAt: Date.now() + 60_000,
      state: 'pending',
      attempts: 0,
      createdAt: Date.now(),
      leaseTabId: null,
      leaseUntil: null,
    });
    render(<ListsSection settings={settings} />);
    const field = screen.getByLabelText('Silence someone');
    fireEvent.input(field, { target: { value: 'not a handle!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Silence' }));
    expect(await screen.findByText('Not a handle: not a handle!')).toBeTruthy();
    fireEvent.input(field, { target: { value: '@Dave' } });
    fireEvent.click(screen.getByRole('button', { name: 'Silence' }));
    expect(await screen.findByRole('button', { name: 'Answer @dave again' })).toBeTruthy();
    expect((await db.jobs.get('j'))?.state).toBe('cancelled');
    expect(await db.activity.toArray()).toMatchObject([{ kind: 'cancelled', reason: 'silenced' }]);
  });

  it('refuses entries that are not handles and keeps what was stored', async () => {
    const { settings, stored } = await withSettings((s) => (s.allowList = ['friend']));
    render(<ListsSection settings={settings} />);
    fireEvent.input(screen.getByLabelText('Allow list'), { target: { value: 'friend not-a-handle' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Not handles: not-a-handle')).toBeTruthy();
    expect((await stored()).allowList).toEqual(['friend']);
  });

  it('lists people who asked to stop and lets the user answer them again', async () => {
    const { db, settings } = await withSettings();
    await silenceContact(db, 'alice', Date.UTC(2026, 6, 1));
    render(<ListsSection settings={settings} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Answer @alice again' }));
    expect(await screen.findByText('Nobody.')).toBeTruthy();
    expect((await db.people.get('@alice'))?.silencedAt).toBeNull();
  });
});

describe('automatic sending', () => {
  it('stays locked until the risk is accepted, and unlocking lets the user choose auto, stored on Save', async () => {
    const { settings, stored } = await withSettings();
    render(<AutoSendSection settings={settings} />);
    expect(screen.getByText('Automatic sending can get your X account suspended.')).toBeTruthy();
    const auto = () => screen.getByRole('radio', { name: /automatic/ }) as HTMLInputElement;
    expect(auto().disabled).toBe(true);
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'I understand the risk and want to allow automatic sending' }),
    );
    expect(auto().disabled).toBe(false);
    fireEvent.click(auto());
    expect(screen.getByText('Changes not saved yet.')).toBeTruthy();
    expect((await stored()).autoSendAcknowledged).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(await stored()).toMatchObject({ autoSendAcknowledged: true, defaultMode: 'auto' });
  });

  it('puts everything back to suggest when the acceptance is withdrawn', async () => {
    const { settings, stored } = await withSettings((s) => {
      s.autoSendAcknowledged = true;
      s.defaultMode = 'auto';
    });
    render(<AutoSendSection settings={settings} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /I understand the risk/ }));
    expect((screen.getByRole('radio', { name: /suggest/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect(await stored()).toMatchObject({ autoSendAcknowledged: false, defaultMode: 'suggest' }),
    );
  });
});

describe('schedule', () => {
  it('marks hours with the keyboard, adds holidays and a time zone, then saves', async () => {
    const { settings, stored } = await withSettings();
    render(<ScheduleSection settings={settings} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Only count as away/ }));
    const start = screen.getByRole('button', { name: 'Monday 9:00 AM–10:00 AM' });
    expect(start.getAttribute('tabindex')).toBe('0');
    fireEvent.click(start);
    fireEvent.keyDown(start, { key: 'ArrowRight' });
    const next = screen.getByRole('button', { name: 'Monday 10:00 AM–11:00 AM' });
    expect(document.activeElement).toBe(next);
    fireEvent.click(next);
    fireEvent.keyDown(next, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Tuesday 10:00 AM–11:00 AM' }));
    expect(screen.getByRole('button', { name: 'Monday 9:00 AM–10:00 AM' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-08-01' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-08-15' } });
    fireEvent.input(screen.getByLabelText('Name (optional)'), { target: { value: 'Summer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add holidays' }));
    expect(screen.getByText('Summer (Sat, Aug 1, 2026 to Sat, Aug 15, 2026)')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'Europe/Paris' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect((await stored()).schedule).toMatchObject({
      useWeekly: true,
      weekly: [{ day: 1, startMinute: 540, endMinute: 660 }],
      holidays: [{ from: '2026-08-01', to: '2026-08-15', label: 'Summer' }],
      timeZone: 'Europe/Paris',
    });
  });

  it('moves the way the arrow points when the page reads right to left', async () => {
    const { settings } = await withSettings();
    document.documentElement.dir = 'rtl';
    try {
      render(<ScheduleSection settings={settings} />);
      const start = screen.getByRole('button', { name: 'Monday 9:00 AM–10:00 AM' });
      fireEvent.keyDown(start, { key: 'ArrowLeft' });
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Monday 10:00 AM–11:00 AM' }));
      fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
      expect(document.activeElement).toBe(start);
    } finally {
      document.documentElement.dir = 'ltr';
    }
  });

  it('refuses holidays that end before they start', async () => {
    const { settings } = await withSettings();
    render(<ScheduleSection settings={settings} />);
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-08-15' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-08-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add holidays' }));
    expect(screen.getByRole('alert').textContent).toBe('The last day is before the first.');
    expect(screen.getByText('No holidays.')).toBeTruthy();
  });
});

describe('about you and language', () => {
  it('stores the name and a clean handle, refusing a bad one', async () => {
    const { settings, stored } = await withSettings();
    render(<ProfileSection settings={settings} />);
    fireEvent.input(screen.getByLabelText('Your X handle'), { target: { value: 'me me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('A handle has only letters, digits and _.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Your X handle'), { target: { value: '@Sam_R' } });
    fireEvent.input(screen.getByLabelText('Your name (for {my_name})'), { target: { value: ' Sam ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await stored()).toMatchObject({ myHandle: 'sam_r', myName: 'Sam' }));
  });

  it('stores the chosen language', async () => {
    const { settings, stored } = await withSettings();
    render(<LanguageSelect settings={settings} />);
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'fr' } });
    await waitFor(async () => expect((await stored()).uiLocale).toBe('fr'));
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'pt_BR' } });
    await waitFor(async () => expect((await stored()).uiLocale).toBe('pt_BR'));
  });

  it('offers the browser’s language and every shipped one, each named in itself', async () => {
    const { settings } = await withSettings();
    render(<LanguageSelect settings={settings} />);
    const options = [...(screen.getByLabelText('Language') as HTMLSelectElement).options];
    expect(options.map((o) => [o.value, o.textContent, o.lang])).toEqual([
      ['auto', 'Same as the browser', ''],
      ...LOCALES.map((l) => [l.code, l.nativeName, l.tag]),
    ]);
    expect(options.map((o) => o.textContent)).toEqual(
      expect.arrayContaining(['Español', '日本語', 'العربية']),
    );
  });
});
