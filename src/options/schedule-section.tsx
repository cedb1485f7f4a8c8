import { useSignal } from '@preact/signals';
import type { DateRange, Settings } from '../core/types.ts';
import { CheckField } from '../ui/fields.tsx';
import { t } from '../ui/i18n.ts';
import { SaveRow, useSettingsSave } from '../ui/save-status.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { HolidaysEditor } from './holidays-editor.tsx';
import { emptyGrid, gridFromSlots, slotsFromGrid } from './weekly-grid.ts';
import { WeeklyGrid } from './weekly-grid.tsx';

/** Every zone the engine knows, with the current one first in case the engine lacks it. */
export function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

export function ScheduleSection({ settings }: { settings: Settings }) {
  const useWeekly = useSignal(settings.schedule.useWeekly);
  const grid = useSignal(gridFromSlots(settings.schedule.weekly));
  const holidays = useSignal<DateRange[]>(settings.schedule.holidays);
  const timeZone = useSignal(settings.schedule.timeZone);
  const { state, save } = useSettingsSave();
  const submit = async (event: Event) => {
    event.preventDefault();
    await save((current) => ({
      ...current,
      schedule: {
        ...current.schedule,
        useWeekly: useWeekly.value,
        weekly: slotsFromGrid(grid.value),
        holidays: holidays.value,
        timeZone: timeZone.value,
      },
    }));
  };
  return (
    <form class="stack" onSubmit={submit} noValidate>
      <h2>{t('scheduleTitle')}</h2>
      <p class="muted">{t('scheduleIntro')}</p>
      <SelectField
        label={t('scheduleTimeZone')}
        value={timeZone.value}
        choices={timeZones(settings.schedule.timeZone).map((zone) => ({ value: zone, label: zone }))}
        onChange={(zone) => (timeZone.value = zone)}
      />
      <CheckField
        label={t('scheduleUseWeekly')}
        hint={t('scheduleUseWeeklyHint')}
        checked={useWeekly.value}
        onChange={(v) => (useWeekly.value = v)}
      />
      <fieldset class="stack" disabled={!useWeekly.value}>
        <legend>{t('scheduleGridLegend')}</legend>
        <p class="muted hint">{t('scheduleGridHint')}</p>
        <div class="grid-scroll">
          <WeeklyGrid grid={grid.value} onChange={(next) => (grid.value = next)} />
        </div>
        <button type="button" onClick={() => (grid.value = emptyGrid())}>
          {t('scheduleGridClear')}
        </button>
      </fieldset>
      <HolidaysEditor holidays={holidays.value} onChange={(next) => (holidays.value = next)} />
      <SaveRow state={state.value} />
    </form>
  );
}
