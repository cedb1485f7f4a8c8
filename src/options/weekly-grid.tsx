import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { langTag, t } from '../ui/i18n.ts';
import { DAY_ORDER, type HourGrid, toggled } from './weekly-grid.ts';

/** Day names from Intl in the UI language: 2026-06-07 was a Sunday. */
export function dayName(day: number, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(langTag(), { weekday: style, timeZone: 'UTC' }).format(
    Date.UTC(2026, 5, 7 + day),
  );
}

const two = (n: number) => String(n).padStart(2, '0');

interface WeeklyGridProps {
  grid: HourGrid;
  onChange: (grid: HourGrid) => void;
}

/**
 * 7 × 24 toggle buttons in a table with a roving tab stop (one Tab press crosses it): arrows move,
 * Home/End go to the row's ends, Space or Enter toggles. Each cell is named "Monday 09:00–10:00" so a screen reader says what it switches.
 */
export function WeeklyGrid({ grid, onChange }: WeeklyGridProps) {
  const focus = useSignal({ row: 0, hour: 9 });
  const tableRef = useRef<HTMLTableElement>(null);
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
  return (
    <table ref={tableRef} class="weekly-grid" aria-label={t('scheduleGridLabel')}>
      <thead>
        <tr>
          <th scope="col">
            <span class="visually-hidden">{t('scheduleGridDay')}</span>
          </th>
          {Array.from({ length: 24 }, (_, hour) => (
            <th key={hour} scope="col" class="hour-head">
              {hour % 3 === 0 ? two(hour) : <span class="visually-hidden">{two(hour)}</span>}
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
                    aria-label={t('scheduleCell', dayName(day), `${two(hour)}:00–${two((hour + 1) % 24)}:00`)}
                    tabIndex={focused ? 0 : -1}
                    onFocus={() => {
                      focus.value = { row, hour };
                    }}
                    onKeyDown={(event) => onKeyDown(event, row, hour)}
                    onClick={() => onChange(toggled(grid, day, hour))}
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
