import { awayStatus } from '../core/schedule.ts';
import type { Settings } from '../core/types.ts';
import { formatDateTime, t } from '../ui/i18n.ts';
import { MODE_KEYS } from '../ui/words.ts';

/** The state in one sentence: which mode, and whether the schedule says away right now (and until when). */
export function statusText(settings: Settings, now: number): string {
  const { schedule } = settings;
  const mode = t(MODE_KEYS[settings.autoSendAcknowledged ? settings.defaultMode : 'suggest']);
  const status = awayStatus(schedule, now);
  const zone = { timeZone: schedule.timeZone };
  let state: string;
  if (status === 'away') {
    state =
      schedule.awayUntil !== null
        ? t('statusAwayUntil', formatDateTime(schedule.awayUntil, zone))
        : schedule.useWeekly
          ? t('statusAwayWithinHours')
          : t('statusAway');
  } else if (status === 'outside') state = t('statusOutsideHours');
  else if (status === 'ended') state = t('statusEnded');
  else state = t('statusOff');
  return t('statusLine', mode, state);
}

export function StatusLine({ id, settings, now }: { id: string; settings: Settings; now: number }) {
  return (
    <p id={id} class="muted" aria-live="polite">
      {statusText(settings, now)}
    </p>
  );
}
