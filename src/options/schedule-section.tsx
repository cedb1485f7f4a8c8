import { useSignal } from '@preact/signals';
import type { DateRange, Settings } from '../core/types.ts';
import { t } from '../shared/i18n.ts';
import { CheckField } from '../ui/fields.tsx';
import { SaveRow, useSettingsSave } from '../ui/save-status.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { sameDraft, useUnsaved } from '../ui/unsaved.ts';
import { type HolidayInput, HolidaysEditor, NO_HOLIDAY_INPUT, withTypedRange } from './holidays-editor.tsx';
import {
  emptyGrid,
  gridFromSlots,
  type HourGrid,
  type PresetId,
  presetGrid,
  slotsFromGrid,
} from './weekly-grid.ts';
import { WeeklyGrid } from './weekly-grid.tsx';

/** Every zone the engine knows, with the current one first in case the engine lacks it. */
export function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

interface Draft {
  useWeekly: boolean;
  grid: HourGrid;
  holidays: DateRange[];
  timeZone: string;
  /** A holiday typed but not added yet: it is part of what Save stores. */
  typed: HolidayInput;
}

const PRESETS: Record<PresetId, string> = {
  eveningsWeekends: 'schedulePresetEveningsWeekends',
  nights: 'schedulePresetNights',
  weekends: 'schedulePresetWeekends',
};

export function ScheduleSection({ settings }: { settings: Settings }) {
  const draft = useSignal<Draft>({
    useWeekly: settings.schedule.useWeekly,
    grid: gridFromSlots(settings.schedule.weekly),
    holidays: settings.schedule.holidays,
    timeZone: settings.schedule.timeZone,
    typed: NO_HOLIDAY_INPUT,
  });
  const saved = useSignal(draft.value);
  const holidayError = useSignal('');
  const { state, save } = useSettingsSave();
  const dirty = !sameDraft(draft.value, saved.value);
  const set = (change: Partial<Draft>) => {
    draft.value = { ...draft.value, ...change };
  };
  const saveDraft = async () => {
    const holidays = withTypedRange(draft.value.holidays, draft.value.typed);
    if (typeof holidays === 'string') {
      holidayError.value = holidays;
      return false;
    }
    holidayError.value = '';
    const sent: Draft = { ...draft.value, holidays, typed: NO_HOLIDAY_INPUT };
    const ok = await save((current) => ({
      ...current,
      schedule: {
        ...current.schedule,
        useWeekly: sent.useWeekly,
        weekly: slotsFromGrid(sent.grid),
        holidays: sent.holidays,
        timeZone: sent.timeZone,
      },
    }));
    if (ok) {
      draft.value = sent;
      saved.value = sent;
    }
    return ok;
  };
  useUnsaved(() => !sameDraft(draft.value, saved.value), t('sectionSchedule'), saveDraft);
  const submit = (event: Event) => {
    event.preventDefault();
    void saveDraft();
  };
  return (
    <form class="stack" onSubmit={submit} noValidate>
      <h2>{t('scheduleTitle')}</h2>
      <p class="muted">{t('scheduleIntro')}</p>
      <SelectField
        label={t('scheduleTimeZone')}
        value={draft.value.timeZone}
        choices={timeZones(settings.schedule.timeZone).map((zone) => ({ value: zone, label: zone }))}
        onChange={(timeZone) => set({ timeZone })}
      />
      <CheckField
        label={t('scheduleUseWeekly')}
        hint={t('scheduleUseWeeklyHint')}
        checked={draft.value.useWeekly}
        onChange={(useWeekly) => set({ useWeekly })}
      />
      <fieldset class="stack" disabled={!draft.value.useWeekly}>
        <legend>{t('scheduleGridLegend')}</legend>
        <p class="muted hint">{t('scheduleGridHint')}</p>
        <div class="row presets">
          <span class="muted">{t('schedulePresets')}</span>
          {(Object.keys(PRESETS) as PresetId[]).map((preset) => (
            <button key={preset} type="button" onClick={() => set({ grid: presetGrid(preset) })}>
              {t(PRESETS[preset])}
            </button>
          ))}
          <button type="button" onClick={() => set({ grid: emptyGrid() })}>
            {t('scheduleGridClear')}
          </button>
        </div>
        <div class="grid-scroll">
          <WeeklyGrid grid={draft.value.grid} onChange={(grid) => set({ grid })} />
        </div>
      </fieldset>
      <HolidaysEditor
        holidays={draft.value.holidays}
        onChange={(holidays) => set({ holidays })}
        input={draft.value.typed}
        onInput={(typed) => set({ typed })}
        error={holidayError.value}
        onError={(message) => (holidayError.value = message)}
      />
      <SaveRow state={state.value} dirty={dirty} />
    </form>
  );
}
