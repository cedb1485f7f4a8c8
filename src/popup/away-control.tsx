import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { untilInOneHour, untilTomorrowMorning, untilTonight } from '../core/schedule.ts';
import type { Rule, Settings } from '../core/types.ts';
import { sendMessage } from '../messaging/send.ts';
import { setAway } from '../messaging/ui.ts';
import { switchIsOn } from '../shared/away-state.ts';
import { t } from '../shared/i18n.ts';
import { ErrorAlert } from '../ui/fields.tsx';
import { Switch } from '../ui/switch.tsx';
import { StatusLine } from './status-line.tsx';
import { UntilPicker } from './until-picker.tsx';

interface AwayControlProps {
  settings: Settings;
  now: () => number;
  /** The rules, once read: they tell whether replies are suggested or sent (null until then). */
  rules?: readonly Rule[] | null;
}

/**
 * The one-click switch, what is happening in one sentence, and, while away is on, when it should end. The
 * worker does the writing (it also refreshes the badge and cancels pending replies when away goes off);
 * the live settings query shows the result.
 */
export function AwayControl({ settings, now, rules = null }: AwayControlProps) {
  const statusId = useId();
  const error = useSignal('');
  const { schedule } = settings;

  const apply = async (enabled: boolean, until: number | null) => {
    error.value = '';
    try {
      await sendMessage(setAway, { enabled, until });
    } catch (failure) {
      console.error('setAway failed', failure);
      error.value = t('popupAwayFailed');
    }
  };

  const zone = schedule.timeZone;
  // The "until" choices change when an absence ends: they only apply while away is on.
  const on = switchIsOn(schedule, now());
  return (
    <section aria-labelledby={`${statusId}-title`} class="stack">
      <h2 id={`${statusId}-title`} class="visually-hidden">
        {t('popupAwayTitle')}
      </h2>
      <Switch
        checked={on}
        label={t('awayMode')}
        describedBy={statusId}
        onChange={(next) => void apply(next, null)}
      />
      <StatusLine id={statusId} settings={settings} now={now()} rules={rules} />
      {on ? (
        <fieldset class="until">
          <legend>{t('popupUntilLegend')}</legend>
          <div class="row">
            <button type="button" onClick={() => void apply(true, untilInOneHour(now()))}>
              {t('untilOneHour')}
            </button>
            <button type="button" onClick={() => void apply(true, untilTonight(now(), zone))}>
              {t('untilTonight')}
            </button>
            <button type="button" onClick={() => void apply(true, untilTomorrowMorning(now(), zone))}>
              {t('untilTomorrowMorning')}
            </button>
          </div>
          <UntilPicker timeZone={zone} now={now} onPick={(at) => void apply(true, at)} />
        </fieldset>
      ) : null}
      <ErrorAlert text={error.value} />
    </section>
  );
}
