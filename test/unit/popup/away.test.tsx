// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import { untilTomorrowMorning, untilTonight } from '../../../src/core/schedule.ts';
import type { Settings } from '../../../src/core/types.ts';
import { AwayControl } from '../../../src/popup/away-control.tsx';
import { statusText } from '../../../src/popup/status-line.tsx';
import { dayChoices, firstChoice, TIME_CHOICES, untilInstant } from '../../../src/popup/until-picker.tsx';
import type { BrowserMock } from '../support/browser-mock.ts';
import { useEnglish, useFrench } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
const mock = browser as unknown as BrowserMock;

const NOW = Date.UTC(2026, 6, 1, 12, 0); // a Wednesday, 14:00 in Paris
const now = () => NOW;

function settingsWith(schedule: Partial<Settings['schedule']> = {}, more: Partial<Settings> = {}): Settings {
  const base = structuredClone(DEFAULT_SETTINGS);
  return { ...base, ...more, schedule: { ...base.schedule, timeZone: 'Europe/Paris', ...schedule } };
}

const sentPayloads = () => mock.runtime.sendMessage.mock.calls.map(([message]) => message);

beforeEach(() => {
  useEnglish();
  mock.runtime.sendMessage.mockReset();
  mock.runtime.sendMessage.mockResolvedValue({ schedule: {} });
});
afterEach(cleanup);

describe('the away switch', () => {
  it('is a switch named "Away mode" that shows the stored state', () => {
    render(<AwayControl settings={settingsWith({ awayEnabled: true })} now={now} />);
    const toggle = screen.getByRole('switch', { name: 'Away mode' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
  });

  it('is named "Mode absent" in French', () => {
    useFrench();
    render(<AwayControl settings={settingsWith()} now={now} />);
    expect(screen.getByRole('switch', { name: 'Mode absent' }).getAttribute('aria-checked')).toBe('false');
  });

  it('asks the worker to switch away on, then off', () => {
    const { rerender } = render(<AwayControl settings={settingsWith()} now={now} />);
    fireEvent.click(screen.getByRole('switch'));
    rerender(<AwayControl settings={settingsWith({ awayEnabled: true, awaySince: NOW })} now={now} />);
    fireEvent.click(screen.getByRole('switch'));
    expect(sentPayloads()).toEqual([
      { type: 'setAway', payload: { enabled: true, until: null } },
      { type: 'setAway', payload: { enabled: false, until: null } },
    ]);
  });

  it('shows as off once "until" has passed', () => {
    render(<AwayControl settings={settingsWith({ awayEnabled: true, awayUntil: NOW - 1 })} now={now} />);
    expect(screen.getByRole('switch').getAttribute('aria-checked')).toBe('false');
    expect(screen.getByText('Away has ended — messages are not answered')).toBeTruthy();
  });

  it('says so when the worker could not switch', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    mock.runtime.sendMessage.mockRejectedValueOnce(new Error('no worker'));
    render(<AwayControl settings={settingsWith()} now={now} />);
    fireEvent.click(screen.getByRole('switch'));
    expect((await screen.findByRole('alert')).textContent).toBe('Away mode could not be changed. Try again.');
  });
});

describe('the "until" choices', () => {
  it('are shown only while away is on', () => {
    const { rerender } = render(<AwayControl settings={settingsWith()} now={now} />);
    expect(screen.queryByRole('group', { name: 'Away until' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tonight' })).toBeNull();
    rerender(<AwayControl settings={settingsWith({ awayEnabled: true })} now={now} />);
    expect(screen.getByRole('group', { name: 'Away until' })).toBeTruthy();
    rerender(<AwayControl settings={settingsWith({ awayEnabled: true, awayUntil: NOW - 1 })} now={now} />);
    expect(screen.queryByRole('group', { name: 'Away until' })).toBeNull();
  });

  it('send 1 hour, tonight and tomorrow morning in the schedule time zone', () => {
    render(<AwayControl settings={settingsWith({ awayEnabled: true })} now={now} />);
    fireEvent.click(screen.getByRole('button', { name: '1 hour' }));
    fireEvent.click(screen.getByRole('button', { name: 'Tonight' }));
    fireEvent.click(screen.getByRole('button', { name: 'Tomorrow morning' }));
    const untils = sentPayloads().map((m) => (m as { payload: { until: number } }).payload.until);
    expect(untils).toEqual([
      NOW + 3_600_000,
      untilTonight(NOW, 'Europe/Paris'),
      untilTomorrowMorning(NOW, 'Europe/Paris'),
    ]);
    // 22:00 and 09:00 Paris time (UTC+2 in July).
    expect(new Date(untils[1]!).toISOString()).toBe('2026-07-01T20:00:00.000Z');
    expect(new Date(untils[2]!).toISOString()).toBe('2026-07-02T07:00:00.000Z');
  });

  it('take a day and a time, read in the schedule time zone', () => {
    render(<AwayControl settings={settingsWith({ awayEnabled: true })} now={now} />);
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2026-07-03' } });
    fireEvent.change(screen.getByLabelText('Time'), { target: { value: String(18 * 60 + 30) } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(sentPayloads()).toEqual([
      { type: 'setAway', payload: { enabled: true, until: Date.UTC(2026, 6, 3, 16, 30) } },
    ]);
  });

  it('offer today first, and at least an hour from now', () => {
    render(<AwayControl settings={settingsWith({ awayEnabled: true })} now={now} />);
    const day = screen.getByLabelText('Day') as HTMLSelectElement;
    expect([...day.options].slice(0, 3).map((o) => o.textContent)).toEqual([
      'Today',
      'Tomorrow',
      'Friday, July 3',
    ]);
    expect(day.value).toBe('2026-07-01');
    // 14:00 in Paris: 15:00 is the first time an hour away.
    expect((screen.getByLabelText('Time') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      '3:00 PM',
    );
  });

  it('refuse a moment in the past, and send nothing', () => {
    render(<AwayControl settings={settingsWith({ awayEnabled: true })} now={now} />);
    fireEvent.change(screen.getByLabelText('Time'), { target: { value: String(8 * 60) } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose a moment in the future.');
    expect(screen.getByLabelText('Time').getAttribute('aria-invalid')).toBe('true');
    expect(sentPayloads()).toEqual([]);
  });

  it('are written in the extension’s language, not the browser’s', () => {
    useFrench();
    render(<AwayControl settings={settingsWith({ awayEnabled: true })} now={now} />);
    const day = screen.getByLabelText('Jour') as HTMLSelectElement;
    expect([...day.options].slice(0, 3).map((o) => o.textContent)).toEqual([
      'Aujourd’hui',
      'Demain',
      'vendredi 3 juillet',
    ]);
    expect((screen.getByLabelText('Heure') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      '15:00',
    );
  });
});

describe('days and times of the picker', () => {
  it('count days in the schedule’s time zone and read times on its clock, DST included', () => {
    // 23:30 UTC on June 30 is already July 1 in Paris; October 25, 2026 is the night clocks go back.
    const late = Date.UTC(2026, 5, 30, 23, 30);
    expect(dayChoices(late, 'Europe/Paris')[0]?.value).toBe('2026-07-01');
    expect(dayChoices(late, 'UTC')[0]?.value).toBe('2026-06-30');
    expect(dayChoices(NOW, 'UTC')).toHaveLength(14);
    expect(TIME_CHOICES.at(-1)).toBe(23 * 60 + 30);
    expect(untilInstant({ year: 2026, month: 10, day: 25 }, 9 * 60, 'Europe/Paris')).toBe(
      Date.UTC(2026, 9, 25, 8),
    );
  });

  it('propose tomorrow when nothing is left an hour ahead today', () => {
    expect(firstChoice(Date.UTC(2026, 6, 1, 21, 45), 'Europe/Paris')).toEqual({
      day: '2026-07-02',
      minute: 60,
    });
  });
});

describe('the status sentence', () => {
  it('says what is happening in plain words', () => {
    expect(statusText(settingsWith(), NOW)).toBe('Away is off — messages are not answered');
    expect(statusText(settingsWith({ awayEnabled: true }), NOW)).toBe(
      'Away — replies are suggested for you to send',
    );
    expect(statusText(settingsWith({ awayEnabled: true, awayUntil: NOW + 3_600_000 }), NOW)).toBe(
      'Away until Wed, Jul 1, 3:00 PM — replies are suggested for you to send',
    );
    expect(statusText(settingsWith({ awayEnabled: true, awayUntil: NOW - 1 }), NOW)).toBe(
      'Away has ended — messages are not answered',
    );
  });

  it('is written in the extension’s language, dates included', () => {
    useFrench();
    expect(statusText(settingsWith({ awayEnabled: true, awayUntil: NOW + 3_600_000 }), NOW)).toBe(
      'Mode absent jusqu’à mer. 1 juil., 15:00 — les réponses vous sont proposées, vous les envoyez vous-même',
    );
  });

  it('is under the switch, which it describes', () => {
    render(<AwayControl settings={settingsWith({ awayEnabled: true })} now={now} />);
    const described = screen.getByRole('switch').getAttribute('aria-describedby');
    expect(document.getElementById(described ?? '')?.textContent).toBe(
      'Away — replies are suggested for you to send',
    );
  });
});
