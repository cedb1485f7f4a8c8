import { useSignal } from '@preact/signals';
import { X_DAILY_DM_LIMIT } from '../core/defaults.ts';
import type { Settings } from '../core/types.ts';
import { t } from '../shared/i18n.ts';
import { NumberField, readNumber } from '../ui/fields.tsx';
import { SaveRow, useSettingsSave } from '../ui/save-status.tsx';
import { sameDraft, useUnsaved } from '../ui/unsaved.ts';

const DAY_MS = 86_400_000;
const SECOND_MS = 1_000;

interface Draft {
  cooldownDays: string;
  minGapSeconds: string;
  hourlyCap: string;
  dailyCap: string;
  minDelaySeconds: string;
  maxDelaySeconds: string;
}

const draftOf = (s: Settings): Draft => ({
  cooldownDays: String(s.limits.contactCooldownMs / DAY_MS),
  minGapSeconds: String(s.limits.minGapMs / SECOND_MS),
  hourlyCap: String(s.limits.hourlyCap),
  dailyCap: String(s.limits.dailyCap),
  minDelaySeconds: String(s.timing.minDelayMs / SECOND_MS),
  maxDelaySeconds: String(s.timing.maxDelayMs / SECOND_MS),
});

type Errors = Partial<Record<keyof Draft, string>>;

/** Checks the form; the daily cap can never go above X's reported 500 DMs per day. */
export function checkLimits(draft: Draft): { errors: Errors; value?: Pick<Settings, 'limits' | 'timing'> } {
  const errors: Errors = {};
  const read = (key: keyof Draft, min: number, max: number, message: string) => {
    const value = readNumber(draft[key], min, max);
    if (value === null) errors[key] = message;
    return value ?? 0;
  };
  const cooldown = read('cooldownDays', 0, 365, t('limitsErrorRange', 0, 365));
  const minGap = read('minGapSeconds', 0, 3600, t('limitsErrorRange', 0, 3600));
  const hourly = read('hourlyCap', 0, X_DAILY_DM_LIMIT, t('limitsErrorRange', 0, X_DAILY_DM_LIMIT));
  const daily = read('dailyCap', 0, X_DAILY_DM_LIMIT, t('limitsErrorDailyCap', X_DAILY_DM_LIMIT));
  const minDelay = read('minDelaySeconds', 0, 3600, t('limitsErrorRange', 0, 3600));
  const maxDelay = read('maxDelaySeconds', 0, 3600, t('limitsErrorRange', 0, 3600));
  if (!errors.minDelaySeconds && !errors.maxDelaySeconds && maxDelay < minDelay) {
    errors.maxDelaySeconds = t('limitsErrorDelayOrder');
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    value: {
      limits: {
        contactCooldownMs: Math.round(cooldown * DAY_MS),
        minGapMs: Math.round(minGap * SECOND_MS),
        hourlyCap: Math.floor(hourly),
        dailyCap: Math.floor(daily),
      },
      timing: { minDelayMs: Math.round(minDelay * SECOND_MS), maxDelayMs: Math.round(maxDelay * SECOND_MS) },
    },
  };
}

export function LimitsSection({ settings }: { settings: Settings }) {
  const draft = useSignal<Draft>(draftOf(settings));
  // What Save stored last (or what the page opened with): the draft differs from it until saved.
  const saved = useSignal<Draft>(draft.value);
  const errors = useSignal<Errors>({});
  const { state, save } = useSettingsSave();
  const dirty = !sameDraft(draft.value, saved.value);
  const field = (key: keyof Draft) => ({
    value: draft.value[key],
    onInput: (value: string) => {
      draft.value = { ...draft.value, [key]: value };
    },
    error: errors.value[key],
  });
  const saveDraft = async () => {
    const sent = draft.value;
    const checked = checkLimits(sent);
    errors.value = checked.errors;
    if (!checked.value) return false;
    const { limits, timing } = checked.value;
    const ok = await save((current) => ({ ...current, limits, timing }));
    if (ok) saved.value = sent;
    return ok;
  };
  useUnsaved(() => !sameDraft(draft.value, saved.value), t('sectionLimits'), saveDraft);
  const submit = (event: Event) => {
    event.preventDefault();
    void saveDraft();
  };
  return (
    <form class="stack" onSubmit={submit} noValidate>
      <h2>{t('limitsTitle')}</h2>
      <p class="muted">{t('limitsIntro')}</p>
      <NumberField
        label={t('limitsCooldown')}
        min={0}
        max={365}
        step={0.5}
        hint={t('limitsCooldownHint')}
        {...field('cooldownDays')}
      />
      <NumberField label={t('limitsMinGap')} min={0} max={3600} {...field('minGapSeconds')} />
      <NumberField label={t('limitsHourly')} min={0} max={X_DAILY_DM_LIMIT} {...field('hourlyCap')} />
      <NumberField
        label={t('limitsDaily')}
        min={0}
        max={X_DAILY_DM_LIMIT}
        hint={t('limitsDailyHint', X_DAILY_DM_LIMIT)}
        {...field('dailyCap')}
      />
      <h3>{t('limitsTimingTitle')}</h3>
      <NumberField label={t('limitsMinDelay')} min={0} max={3600} {...field('minDelaySeconds')} />
      <NumberField
        label={t('limitsMaxDelay')}
        min={0}
        max={3600}
        hint={t('limitsDelayHint')}
        {...field('maxDelaySeconds')}
      />
      <SaveRow state={state.value} dirty={dirty} />
    </form>
  );
}
