import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { addDays, isoDate, type LocalDate, zonedParts, zonedToEpoch } from '../core/time-zone.ts';
import { formatDateTime, formatTime, t } from '../shared/i18n.ts';
import { ErrorAlert } from '../ui/fields.tsx';

/** How far ahead a precise end can be picked: two weeks (longer absences belong in the schedule). */
export const UNTIL_DAYS = 14;
/** Minutes between two times offered. */
export const UNTIL_STEP_MINUTES = 30;

export interface DayChoice {
  /** `YYYY-MM-DD` in the schedule's time zone. */
  value: string;
  date: LocalDate;
}

/** Today and the next days, as the schedule's time zone counts them. */
export function dayChoices(now: number, timeZone: string): DayChoice[] {
  const today = zonedParts(now, timeZone);
  return Array.from({ length: UNTIL_DAYS }, (_, i) => {
    const date = addDays(today, i);
    return { value: isoDate(date), date };
  });
}

/** Minutes after midnight of every time offered: 00:00, 00:30, … 23:30. */
export const TIME_CHOICES: readonly number[] = Array.from(
  { length: (24 * 60) / UNTIL_STEP_MINUTES },
  (_, i) => i * UNTIL_STEP_MINUTES,
);

/** The instant a day and a time of day name in `timeZone`. */
export function untilInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  return zonedToEpoch({ ...date, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }, timeZone);
}

/** What the picker proposes first: the first time offered at least an hour from now. */
export function firstChoice(now: number, timeZone: string): { day: string; minute: number } {
  const days = dayChoices(now, timeZone);
  for (const day of days.slice(0, 2)) {
    for (const minute of TIME_CHOICES) {
      if (untilInstant(day.date, minute, timeZone) >= now + 3_600_000) return { day: day.value, minute };
    }
  }
  return { day: days[1]?.value ?? '', minute: 9 * 60 };
}

/** A day's name in the extension's language: today, tomorrow, then "Friday, July 3". */
function dayLabel(day: DayChoice, index: number, timeZone: string): string {
  if (index === 0) return t('untilToday');
  if (index === 1) return t('untilTomorrow');
  // Noon of that day in the zone: never on the other side of a midnight, whatever the offset.
  const noon = untilInstant(day.date, 12 * 60, timeZone);
  return formatDateTime(noon, {
    weekday: 'long',
    month: 'long',
    hour: undefined,
    minute: undefined,
    timeZone,
  });
}

/** A time of day in the extension's language: "9:30 AM", "09:30". */
function timeLabel(minute: number): string {
  return formatTime(Date.UTC(2026, 0, 1, Math.floor(minute / 60), minute % 60), 'UTC');
}

interface UntilPickerProps {
  timeZone: string;
  now: () => number;
  onPick: (at: number) => void;
}

/**
 * A precise end: a day and a time, both chosen from lists written in the extension's language (a
 * browser's date-time field would speak the browser's), in the schedule's time zone, refused when it is
 * not in the future.
 */
export function UntilPicker({ timeZone, now, onPick }: UntilPickerProps) {
  const id = useId();
  const first = firstChoice(now(), timeZone);
  const day = useSignal(first.day);
  const minute = useSignal(first.minute);
  const error = useSignal('');
  const days = dayChoices(now(), timeZone);
  const submit = (event: Event) => {
    event.preventDefault();
    const chosen = days.find((d) => d.value === day.value) ?? days[0];
    const at = chosen ? untilInstant(chosen.date, minute.value, timeZone) : null;
    if (at === null || at <= now()) {
      error.value = t('untilInPast');
      return;
    }
    error.value = '';
    onPick(at);
  };
  const invalid = error.value ? true : undefined;
  const described = error.value ? `${id}-error` : undefined;
  return (
    <form class="row until-picker" onSubmit={submit}>
      <label for={`${id}-day`}>{t('untilDay')}</label>
      <select
        id={`${id}-day`}
        value={day.value}
        aria-invalid={invalid}
        aria-describedby={described}
        onChange={(event) => (day.value = event.currentTarget.value)}
      >
        {days.map((choice, index) => (
          <option key={choice.value} value={choice.value}>
            {dayLabel(choice, index, timeZone)}
          </option>
        ))}
      </select>
      <label for={`${id}-time`}>{t('untilTime')}</label>
      <select
        id={`${id}-time`}
        value={String(minute.value)}
        aria-invalid={invalid}
        aria-describedby={described}
        onChange={(event) => (minute.value = Number(event.currentTarget.value))}
      >
        {TIME_CHOICES.map((m) => (
          <option key={m} value={String(m)}>
            {timeLabel(m)}
          </option>
        ))}
      </select>
      <button type="submit">{t('untilCustomSet')}</button>
      <ErrorAlert id={`${id}-error`} text={error.value} />
    </form>
  );
}
