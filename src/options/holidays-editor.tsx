import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import type { DateRange } from '../core/types.ts';
import { ErrorAlert } from '../ui/fields.tsx';
import { t } from '../ui/i18n.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A new range, or the message saying why not. Dates compare as text because they are `YYYY-MM-DD`. */
export function checkRange(from: string, to: string, label: string): DateRange | string {
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to)) return t('holidaysErrorDates');
  if (to < from) return t('holidaysErrorOrder');
  const trimmed = label.trim().slice(0, 100);
  return trimmed ? { from, to, label: trimmed } : { from, to };
}

interface HolidaysProps {
  holidays: DateRange[];
  onChange: (holidays: DateRange[]) => void;
}

/** Date ranges (both days included) that count as away in addition to the weekly hours. */
export function HolidaysEditor({ holidays, onChange }: HolidaysProps) {
  const id = useId();
  const from = useSignal('');
  const to = useSignal('');
  const label = useSignal('');
  const error = useSignal('');
  const add = () => {
    const range = checkRange(from.value, to.value, label.value);
    if (typeof range === 'string') {
      error.value = range;
      return;
    }
    error.value = '';
    onChange([...holidays, range].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)));
    from.value = '';
    to.value = '';
    label.value = '';
  };
  return (
    <fieldset class="stack">
      <legend>{t('holidaysTitle')}</legend>
      {holidays.length === 0 ? <p class="muted">{t('holidaysEmpty')}</p> : null}
      <ul class="plain stack">
        {holidays.map((range, index) => {
          const text = range.from === range.to ? range.from : t('holidaysRange', range.from, range.to);
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
          value={from.value}
          onInput={(e) => (from.value = e.currentTarget.value)}
        />
        <label for={`${id}-to`}>{t('holidaysTo')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={to.value}
          onInput={(e) => (to.value = e.currentTarget.value)}
        />
        <label for={`${id}-label`}>{t('holidaysLabel')}</label>
        <input
          id={`${id}-label`}
          value={label.value}
          maxLength={100}
          onInput={(e) => (label.value = e.currentTarget.value)}
        />
        <button type="button" onClick={add}>
          {t('holidaysAdd')}
        </button>
      </div>
      <ErrorAlert text={error.value} />
    </fieldset>
  );
}
