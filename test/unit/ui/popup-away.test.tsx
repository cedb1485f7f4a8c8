// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import { untilTomorrowMorning, untilTonight } from '../../../src/core/schedule.ts';
import type { Settings } from '../../../src/core/types.ts';
import { AwayControl } from '../../../src/popup/away-control.tsx';
import { statusText } from '../../../src/popup/status-line.tsx';
import { parseLocalInput, toLocalInput } from '../../../src/popup/until-picker.tsx';
import type { BrowserMock } from './browser-mock.ts';
import { useEnglish, useFrench } from './setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('./browser-mock.ts');
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
    expect(screen.getByText(/away ended/)).toBeTruthy();
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
  it('send 1 hour, tonight and tomorrow morning in the schedule time zone', () => {
    render(<AwayControl settings={settingsWith()} now={now} />);
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

  it('take a precise date and time, read in the schedule time zone', () => {
    render(<AwayControl settings={settingsWith()} now={now} />);
    const input = screen.getByLabelText('Date and time') as HTMLInputElement;
    fireEvent.input(input, { target: { value: '2026-07-03T18:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(sentPayloads()).toEqual([
      { type: 'setAway', payload: { enabled: true, until: Date.UTC(2026, 6, 3, 16, 30) } },
    ]);
  });

  it('refuse a moment in the past or an incomplete one, and send nothing', () => {
    render(<AwayControl settings={settingsWith()} now={now} />);
    const input = screen.getByLabelText('Date and time') as HTMLInputElement;
    fireEvent.input(input, { target: { value: '2026-06-30T08:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose a moment in the future.');
    fireEvent.input(input, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter a full date and time.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(sentPayloads()).toEqual([]);
  });
});

describe('local date-time inputs', () => {
  it('round-trip in a time zone', () => {
    expect(toLocalInput(NOW, 'Europe/Paris')).toBe('2026-07-01T14:00');
    expect(parseLocalInput('2026-07-01T14:00', 'Europe/Paris')).toBe(NOW);
    expect(parseLocalInput('tomorrow', 'UTC')).toBeNull();
  });
});

describe('the status line', () => {
  it('names the mode and the away state', () => {
    expect(statusText(settingsWith(), NOW)).toBe('Mode: suggest · away is off');
    expect(statusText(settingsWith({ awayEnabled: true }), NOW)).toBe('Mode: suggest · away');
    expect(statusText(settingsWith({ awayEnabled: true, awayUntil: NOW + 3_600_000 }), NOW)).toBe(
      'Mode: suggest · away until Wed, Jul 1, 3:00 PM',
    );
    useFrench();
    expect(statusText(settingsWith({ awayEnabled: true, awayUntil: NOW + 3_600_000 }), NOW)).toBe(
      'Mode : suggestion · absent jusqu’à mer. 1 juil., 15:00',
    );
  });

  it('shows automatic mode only once the warning was accepted', () => {
    expect(statusText(settingsWith({}, { defaultMode: 'auto', autoSendAcknowledged: false }), NOW)).toMatch(
      /suggest/,
    );
    expect(statusText(settingsWith({}, { defaultMode: 'auto', autoSendAcknowledged: true }), NOW)).toMatch(
      /automatic/,
    );
  });

  it('tells "outside your hours" from away', () => {
    const weekly = [{ day: 3, startMinute: 18 * 60, endMinute: 1440 }];
    expect(statusText(settingsWith({ awayEnabled: true, useWeekly: true, weekly }), NOW)).toBe(
      'Mode: suggest · on, but outside your away hours right now',
    );
    const later = Date.UTC(2026, 6, 1, 17, 0); // 19:00 in Paris
    expect(statusText(settingsWith({ awayEnabled: true, useWeekly: true, weekly }), later)).toBe(
      'Mode: suggest · away (within your hours)',
    );
  });
});
