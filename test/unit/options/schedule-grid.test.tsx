// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import { LimitsSection } from '../../../src/options/limits-section.tsx';
import { ScheduleSection } from '../../../src/options/schedule-section.tsx';
import { gridFromSlots, type HourGrid, presetGrid, slotsFromGrid } from '../../../src/options/weekly-grid.ts';
import { WeeklyGrid } from '../../../src/options/weekly-grid.tsx';
import { getSettings, putSettings } from '../../../src/storage/settings.ts';
import { numberWidth } from '../../../src/ui/fields.tsx';
import { freshDb, useEnglish, useFrench } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});

beforeEach(useEnglish);
afterEach(cleanup);

const hours = (grid: HourGrid, day: number) => grid[day]!.flatMap((on, hour) => (on ? [hour] : []));

/** The grid as the component shows it, following its changes like a parent would. */
function renderGrid(initial: HourGrid) {
  let grid = initial;
  const onChange = (next: HourGrid) => {
    grid = next;
  };
  const view = render(<WeeklyGrid grid={grid} onChange={onChange} />);
  const rerender = () => view.rerender(<WeeklyGrid grid={grid} onChange={onChange} />);
  return { current: () => grid, rerender };
}

const cell = (name: string) => screen.getByRole('button', { name });

describe('painting the weekly hours with a pointer', () => {
  it('pressing a cell switches it on, and dragging switches on every cell passed over', () => {
    const grid = renderGrid(gridFromSlots([]));
    fireEvent.pointerDown(cell('Monday 9:00 AM–10:00 AM'), { button: 0, pointerId: 1 });
    fireEvent.pointerOver(cell('Monday 10:00 AM–11:00 AM'), { pointerId: 1 });
    fireEvent.pointerOver(cell('Monday 11:00 AM–12:00 PM'), { pointerId: 1 });
    // The pointer was captured by the first cell on touch screens: painting still follows it.
    fireEvent.pointerOver(cell('Tuesday 11:00 AM–12:00 PM'), { pointerId: 1 });
    fireEvent.pointerUp(window, { pointerId: 1 });
    // After the stroke, passing over cells changes nothing.
    fireEvent.pointerOver(cell('Tuesday 12:00 PM–1:00 PM'), { pointerId: 1 });
    expect(hours(grid.current(), 1)).toEqual([9, 10, 11]);
    expect(hours(grid.current(), 2)).toEqual([11]);
  });

  it('a stroke that starts on a marked cell clears the cells it passes over', () => {
    const grid = renderGrid(gridFromSlots([{ day: 1, startMinute: 8 * 60, endMinute: 12 * 60 }]));
    fireEvent.pointerDown(cell('Monday 9:00 AM–10:00 AM'), { button: 0, pointerId: 1 });
    fireEvent.pointerOver(cell('Monday 10:00 AM–11:00 AM'), { pointerId: 1 });
    fireEvent.pointerUp(window, { pointerId: 1 });
    expect(hours(grid.current(), 1)).toEqual([8, 11]);
  });

  it('the click that ends a press toggles nothing twice; the keyboard still toggles', () => {
    const grid = renderGrid(gridFromSlots([]));
    const monday9 = cell('Monday 9:00 AM–10:00 AM');
    fireEvent.pointerDown(monday9, { button: 0, pointerId: 1 });
    fireEvent.pointerUp(window, { pointerId: 1 });
    fireEvent.click(monday9, { detail: 1 });
    expect(hours(grid.current(), 1)).toEqual([9]);
    grid.rerender();
    // Space or Enter on a button clicks it with no pointer behind (detail 0).
    fireEvent.click(cell('Monday 9:00 AM–10:00 AM'), { detail: 0 });
    expect(hours(grid.current(), 1)).toEqual([]);
  });
});

describe('presets of the weekly hours', () => {
  it('evenings and weekends, nights, weekends (days as stored: 0 is Sunday)', () => {
    const evenings = presetGrid('eveningsWeekends');
    expect(hours(evenings, 3)).toEqual([0, 1, 2, 3, 4, 5, 6, 18, 19, 20, 21, 22, 23]);
    expect(hours(evenings, 6)).toHaveLength(24);
    expect(hours(evenings, 0)).toHaveLength(24);
    expect(slotsFromGrid(presetGrid('nights')).filter((slot) => slot.day === 2)).toEqual([
      { day: 2, startMinute: 0, endMinute: 7 * 60 },
      { day: 2, startMinute: 22 * 60, endMinute: 1440 },
    ]);
    expect(slotsFromGrid(presetGrid('weekends'))).toEqual([
      { day: 0, startMinute: 0, endMinute: 1440 },
      { day: 6, startMinute: 0, endMinute: 1440 },
    ]);
  });

  it('fill the grid in the schedule form, and are stored on Save', async () => {
    const db = freshDb();
    const settings = structuredClone(DEFAULT_SETTINGS);
    await putSettings(db, settings);
    render(<ScheduleSection settings={settings} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Only count as away/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Weekends' }));
    expect(cell('Saturday 3:00 PM–4:00 PM').getAttribute('aria-pressed')).toBe('true');
    expect(cell('Friday 3:00 PM–4:00 PM').getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect((await getSettings(db, { timeZone: 'UTC' })).schedule.weekly).toEqual(
      slotsFromGrid(presetGrid('weekends')),
    );
  });

  it('a holiday typed but not added is saved with the rest, not lost', async () => {
    const db = freshDb();
    const settings = structuredClone(DEFAULT_SETTINGS);
    await putSettings(db, settings);
    render(<ScheduleSection settings={settings} />);
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-12-24' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-12-26' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect((await getSettings(db, { timeZone: 'UTC' })).schedule.holidays).toEqual([
      { from: '2026-12-24', to: '2026-12-26' },
    ]);
    expect(screen.getByText('Thu, Dec 24, 2026 to Sat, Dec 26, 2026')).toBeTruthy();
  });
});

describe('number fields', () => {
  it('are as wide as the numbers they take', () => {
    expect(numberWidth(0, 365, 0.5)).toBe(5);
    expect(numberWidth(0, 3600, 1)).toBe(4);
    expect(numberWidth(0, 500, 1)).toBe(3);
    render(<LimitsSection settings={DEFAULT_SETTINGS} />);
    const daily = screen.getByLabelText('At most per day') as HTMLInputElement;
    expect(daily.style.getPropertyValue('--digits')).toBe('3');
  });
});

describe('the grid in the extension’s language', () => {
  it('names days and hours as the language writes them', () => {
    useFrench();
    render(<WeeklyGrid grid={gridFromSlots([])} onChange={() => undefined} />);
    expect(screen.getByRole('button', { name: 'lundi 09:00–10:00' })).toBeTruthy();
    const heads = [...document.querySelectorAll('.hour-head')].map((th) => th.textContent);
    expect(heads).toEqual(['00 h', '03 h', '06 h', '09 h', '12 h', '15 h', '18 h', '21 h']);
    cleanup();
    useEnglish();
    render(<WeeklyGrid grid={gridFromSlots([])} onChange={() => undefined} />);
    expect([...document.querySelectorAll('.hour-head')].map((th) => th.textContent)[3]).toBe('9 AM');
  });
});
