import type { Rule, Settings } from '../core/types.ts';
import { formatDateTime, t } from '../shared/i18n.ts';
import { awaySentence, sendingOf } from '../ui/away-sentence.ts';

/**
 * The state in plain words: "Away until Mon, Jul 6, 9:00 AM — replies are suggested for you to send".
 * Dates are written in the extension's language, in the schedule's time zone.
 */
export function statusText(settings: Settings, now: number, rules?: readonly Rule[] | null): string {
  const { schedule } = settings;
  const sentence = awaySentence(schedule, sendingOf(settings, rules), now);
  return sentence.at === undefined
    ? t(sentence.key)
    : t(sentence.key, formatDateTime(sentence.at, { timeZone: schedule.timeZone }));
}

interface StatusLineProps {
  id: string;
  settings: Settings;
  now: number;
  rules?: readonly Rule[] | null;
}

export function StatusLine({ id, settings, now, rules }: StatusLineProps) {
  return (
    <p id={id} class="status-line" aria-live="polite">
      {statusText(settings, now, rules)}
    </p>
  );
}
