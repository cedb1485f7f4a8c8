import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { formatDateTime, formatTime, t } from '../shared/i18n.ts';
import { DAY_ORDER, type HourGrid, toggled, withHour } from './weekly-grid.ts';

/** Day names from Intl in the UI language: 2026-06-07 was a Sunday. */
export function dayName(day: number, style: 'long' | 'short' = 'long'): string {
  return formatDateTime(Date.UTC(2026, 5, 7 + day), {
    weekday: style,
    day: undefined,
    month: undefined,
    hour: undefined,
    minute: undefined,
    timeZone: 'UTC',
  });
}

const atHour = (hour: number) => Date.UTC(2026, 0, 1, hour);

/** An hour as the UI language writes it on its own: "9 AM", "09 h", "9時". */
export function hourName(hour: number): string {
  return formatDateTime(atHour(hour), {
    weekday: undefined,
    day: undefined,
    month: undefined,
    minute: undefined,
    timeZone: 'UTC',
  });
}

/** One cell's hour, "9:00 AM–10:00 AM" / "09:00–10:00", in the UI language. */
export function hourRange(hour: number): string {
  return `${formatTime(atHour(hour), 'UTC')}–${formatTime(atHour((hour + 1) % 24), 'UTC')}`;
}

/** The hours the header names; the cells in between are named by their own labels. */
const HEADER_EVERY = 3;

interface WeeklyGridProps {
  grid: HourGrid;
  onChange: (grid: HourGrid) => void;
}

/** Where a cell sits in the table: its row (display order) and hour. */
function cellAt(target: EventTarget | null): { row: number; hour: number } | null {
  const cell = (target as Element | null)?.closest?.('[data-cell]');
  const [row, hour] = (cell?.getAttribute('data-cell') ?? '').split('-').map(Number);
  return row === undefined || hour === undefined || Number.isNaN(row) || Number.isNaN(hour)
    ? null
    : { row, hour };
}

/**
 * 7 × 24 toggle buttons in a table. With a pointer, pressing a cell switches it and dragging paints the
 * cells passed over the same way (on or off, as the first cell became). With the keyboard: a roving tab
 * stop (one Tab press crosses the grid), arrows move, Home/End go to the row's ends, Space or Enter
 * toggles. Each cell is named "Monday 9:00 AM–10:00 AM" so a screen reader says what it switches.
 */
export function WeeklyGrid({ grid, onChange }: WeeklyGridProps) {
  const focus = useSignal({ row: 0, hour: 9 });
  const tableRef = useRef<HTMLTableElement>(null);
  // The stroke being painted: the value it sets and the grid so far (the prop lags a render behind).
  const stroke = useRef<{ on: boolean; grid: HourGrid } | null>(null);
  useEffect(() => {
    const end = () => {
      stroke.current = null;
    };
    addEventListener('pointerup', end);
    addEventListener('pointercancel', end);
    return () => {
      removeEventListener('pointerup', end);
      removeEventListener('pointercancel', end);
    };
  }, []);
  const paint = (row: number, hour: number) => {
    const current = stroke.current;
    const day = DAY_ORDER[row];
    if (!current || day === undefined) return;
    const next = withHour(current.grid, day, hour, current.on);
    if (next === current.grid) return;
    current.grid = next;
    onChange(next);
  };
  const onPointerDown = (event: PointerEvent) => {
    const at = cellAt(event.target);
    const day = at ? DAY_ORDER[at.row] : undefined;
    if (!at || day === undefined || event.button !== 0) return;
    // Touch captures the pointer to the first cell; released, the cells passed over get pointerover.
    (event.target as Element).releasePointerCapture?.(event.pointerId);
    stroke.current = { on: grid[day]?.[at.hour] !== true, grid };
    paint(at.row, at.hour);
  };
  const onPointerOver = (event: PointerEvent) => {
    const at = cellAt(event.target);
    if (at) paint(at.row, at.hour);
  };
  const moveTo = (row: number, hour: number) => {
    const next = { row: Math.max(0, Math.min(6, row)), hour: Math.max(0, Math.min(23, hour)) };
    focus.value = next;
    tableRef.current?.querySelector<HTMLElement>(`[data-cell="${next.row}-${next.hour}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, row: number, hour: number) => {
    // Right-to-left, the hours run leftwards: the arrow moves the way it points.
    const ahead = tableRef.current?.closest('[dir]')?.getAttribute('dir') === 'rtl' ? -1 : 1;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [row, hour + ahead],
      ArrowLeft: [row, hour - ahead],
      ArrowDown: [row + 1, hour],
      ArrowUp: [row - 1, hour],
      Home: [row, 0],
      End: [row, 23],
    };
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      moveTo(target[0], target[1]);
    }
  };
  // Named once per render, not once per cell: 7 days and 24 hours, not 168 of each.
  const days = DAY_ORDER.map((day) => dayName(day));
  const hours = Array.from({ length: 24 }, (_, hour) => hourRange(hour));
  return (
    <table
      ref={tableRef}
      class="weekly-grid"
      aria-label={t('scheduleGridLabel')}
      onPointerDown={onPointerDown}
      onPointerOver={onPointerOver}
    >
      <thead>
        <tr>
          <th scope="col">
            <span class="visually-hidden">{t('scheduleGridDay')}</span>
          </th>
          {Array.from({ length: 24 / HEADER_EVERY }, (_, i) => (
            <th key={i} scope="colgroup" colSpan={HEADER_EVERY} class="hour-head">
              {hourName(i * HEADER_EVERY)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {DAY_ORDER.map((day, row) => (
          <tr key={day}>
            <th scope="row">{dayName(day, 'short')}</th>
            {Array.from({ length: 24 }, (_, hour) => {
              const on = grid[day]?.[hour] === true;
              const focused = focus.value.row === row && focus.value.hour === hour;
              return (
                <td key={hour}>
                  <button
                    type="button"
                    class="cell"
                    data-cell={`${row}-${hour}`}
                    aria-pressed={on}
                    aria-label={t('scheduleCell', days[row] ?? '', hours[hour] ?? '')}
                    tabIndex={focused ? 0 : -1}
                    onFocus={() => {
                      focus.value = { row, hour };
                    }}
                    onKeyDown={(event) => onKeyDown(event, row, hour)}
                    // A pointer already switched the cell on pointerdown; a click from the keyboard
                    // (Space, Enter) has no pointer behind it (detail 0).
                    onClick={(event) => {
                      if (event.detail === 0) onChange(toggled(grid, day, hour));
                    }}
                  />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
