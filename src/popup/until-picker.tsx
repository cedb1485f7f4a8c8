import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { zonedParts, zonedToEpoch } from '../core/time-zone.ts';
import { ErrorAlert } from '../ui/fields.tsx';
import { t } from '../ui/i18n.ts';

/** `YYYY-MM-DDTHH:MM` as a datetime-local input gives it, read in the schedule's time zone. */
export function parseLocalInput(value: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return zonedToEpoch({ year, month, day, hour, minute }, timeZone);
}

/** The inverse, for the input's `min`: now in the schedule's time zone. */
export function toLocalInput(at: number, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

interface UntilPickerProps {
  timeZone: string;
  now: () => number;
  onPick: (at: number) => void;
}

/** A precise end: a date-time in the schedule's zone, refused when it is not in the future. */
export function UntilPicker({ timeZone, now, onPick }: UntilPickerProps) {
  const inputId = useId();
  const value = useSignal('');
  const error = useSignal('');
  const submit = (event: Event) => {
    event.preventDefault();
    const at = parseLocalInput(value.value, timeZone);
    if (at === null) error.value = t('untilInvalid');
    else if (at <= now()) error.value = t('untilInPast');
    else {
      error.value = '';
      onPick(at);
    }
  };
  return (
    <form class="row" onSubmit={submit}>
      <label for={inputId}>{t('untilCustomLabel')}</label>
      <input
        id={inputId}
        type="datetime-local"
        value={value.value}
        min={toLocalInput(now(), timeZone)}
        aria-invalid={error.value ? true : undefined}
        aria-describedby={error.value ? `${inputId}-error` : undefined}
        onInput={(event) => {
          value.value = event.currentTarget.value;
        }}
      />
      <button type="submit">{t('untilCustomSet')}</button>
      <ErrorAlert id={`${inputId}-error`} text={error.value} />
    </form>
  );
}
