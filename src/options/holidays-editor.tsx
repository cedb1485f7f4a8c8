import { useId } from 'preact/hooks';
import type { DateRange } from '../core/types.ts';
import { formatDay, t } from '../shared/i18n.ts';
import { ErrorAlert } from '../ui/fields.tsx';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A new range, or the message saying why not. Dates compare as text because they are `YYYY-MM-DD`. */
export function checkRange(from: string, to: string, label: string): DateRange | string {
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to)) return t('holidaysErrorDates');
  if (to < from) return t('holidaysErrorOrder');
  const trimmed = label.trim().slice(0, 100);
  return trimmed ? { from, to, label: trimmed } : { from, to };
}

/** The range being typed, before Add. */
export interface HolidayInput {
  from: string;
  to: string;
  label: string;
}

export const NO_HOLIDAY_INPUT: HolidayInput = { from: '', to: '', label: '' };

/**
 * The holidays with the range being typed added, when it is complete; the message when it is typed but
 * not right; the holidays as they are when nothing is typed. Save goes through here, so a range typed
 * but not added is saved with the rest rather than lost.
 */
export function withTypedRange(holidays: readonly DateRange[], input: HolidayInput): DateRange[] | string {
  if (!input.from && !input.to && !input.label.trim()) return [...holidays];
  const range = checkRange(input.from, input.to, input.label);
  if (typeof range === 'string') return range;
  return [...holidays, range].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

interface HolidaysProps {
  holidays: DateRange[];
  onChange: (holidays: DateRange[]) => void;
  input: HolidayInput;
  onInput: (input: HolidayInput) => void;
  error: string;
  onError: (message: string) => void;
}

/**
 * Date ranges (both days included) that count as away in addition to the weekly hours, written in the
 * extension's language. Part of the schedule's form: nothing is stored before its Save.
 */
export function HolidaysEditor({ holidays, onChange, input, onInput, error, onError }: HolidaysProps) {
  const id = useId();
  const set = (change: Partial<HolidayInput>) => onInput({ ...input, ...change });
  const add = () => {
    const next = withTypedRange(holidays, input);
    if (typeof next === 'string') {
      onError(next);
      return;
    }
    onError('');
    onChange(next);
    onInput(NO_HOLIDAY_INPUT);
  };
  return (
    <fieldset class="stack">
      <legend>{t('holidaysTitle')}</legend>
      {holidays.length === 0 ? <p class="muted">{t('holidaysEmpty')}</p> : null}
      <ul class="plain stack">
        {holidays.map((range, index) => {
          const from = formatDay(range.from);
          const text = range.from === range.to ? from : t('holidaysRange', from, formatDay(range.to));
          const name = range.label ? `${range.label} (${text})` : text;
          return (
            <li key={`${range.from}-${range.to}-${index}`} class="row">
              <span>{name}</span>
              <button
                type="button"
                aria-label={t('holidaysRemoveFor', name)}
                onClick={() => onChange(holidays.filter((_, i) => i !== index))}
              >
                {t('actionRemove')}
              </button>
            </li>
          );
        })}
      </ul>
      <div class="row">
        <label for={`${id}-from`}>{t('holidaysFrom')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={input.from}
          onInput={(e) => set({ from: e.currentTarget.value })}
        />
        <label for={`${id}-to`}>{t('holidaysTo')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={input.to}
          onInput={(e) => set({ to: e.currentTarget.value })}
        />
        <label for={`${id}-label`}>{t('holidaysLabel')}</label>
        <input
          id={`${id}-label`}
          value={input.label}
          maxLength={100}
          onInput={(e) => set({ label: e.currentTarget.value })}
        />
        <button type="button" onClick={add}>
          {t('holidaysAdd')}
        </button>
      </div>
      <ErrorAlert text={error} />
    </fieldset>
  );
}
