import type { Signal } from '@preact/signals';
import { useId } from 'preact/hooks';
import type { ReplyMode } from '../core/types.ts';
import { t } from '../shared/i18n.ts';
import { CheckField } from '../ui/fields.tsx';
import type { WelcomeDraft } from './plan.ts';

const MODES: Record<ReplyMode, { label: string; hint: string }> = {
  suggest: { label: 'welcomeModeSuggest', hint: 'welcomeModeSuggestHint' },
  auto: { label: 'welcomeModeAuto', hint: 'welcomeModeAutoHint' },
};

/**
 * Step 3: suggest (the default) or send automatically. Automatic shows the same plain warning as the
 * options and needs the same explicit acknowledgement; without it, Finish refuses.
 */
export function ModeStep({ draft, ackError }: { draft: Signal<WelcomeDraft>; ackError: string }) {
  const id = useId();
  const set = (change: Partial<WelcomeDraft>) => {
    draft.value = { ...draft.value, ...change };
  };
  return (
    <section class="card stack step" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('welcomeStepMode')}</h2>
      <fieldset class="stack">
        <legend class="visually-hidden">{t('welcomeStepMode')}</legend>
        {(['suggest', 'auto'] as const).map((mode) => (
          <label key={mode} class="check">
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={draft.value.mode === mode}
              onChange={() => set({ mode })}
            />
            <span>
              <strong>{t(MODES[mode].label)}</strong>
              <span class="muted block">{t(MODES[mode].hint)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {draft.value.mode === 'auto' ? (
        <div class="stack">
          <div class="notice-warn stack">
            <p>
              <strong>{t('autoWarningTitle')}</strong>
            </p>
            <p>{t('autoWarningBody')}</p>
            <p>{t('autoWarningSuggest')}</p>
          </div>
          <CheckField
            label={t('autoAcknowledge')}
            checked={draft.value.acknowledged}
            onChange={(acknowledged) => set({ acknowledged })}
          />
          {ackError ? (
            <p role="alert" class="error">
              {ackError}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
