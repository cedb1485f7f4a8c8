import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import type { ReplyMode, Settings } from '../core/types.ts';
import { t } from '../shared/i18n.ts';
import { CheckField } from '../ui/fields.tsx';
import { SaveRow, useSettingsSave } from '../ui/save-status.tsx';
import { sameDraft, useUnsaved } from '../ui/unsaved.ts';
import { MODE_KEYS } from '../ui/words.ts';

interface Draft {
  acknowledged: boolean;
  mode: ReplyMode;
  label: boolean;
}

/**
 * Auto-send sits behind a plain warning: X treats browser automation as a suspension risk, so the user
 * must tick that they understand before any rule may send by itself. Unticking (and saving) puts
 * everything back to suggest mode. Like every section, nothing is stored before Save.
 */
export function AutoSendSection({ settings }: { settings: Settings }) {
  const warningId = useId();
  const draft = useSignal<Draft>({
    acknowledged: settings.autoSendAcknowledged,
    mode: settings.defaultMode,
    label: settings.addAutoReplyLabel,
  });
  const saved = useSignal(draft.value);
  const { state, save } = useSettingsSave();
  const dirty = !sameDraft(draft.value, saved.value);
  const set = (change: Partial<Draft>) => {
    const next = { ...draft.value, ...change };
    // Without the acknowledgement, nothing may send by itself.
    draft.value = next.acknowledged ? next : { ...next, mode: 'suggest' };
  };
  const saveDraft = async () => {
    const sent = draft.value;
    const ok = await save((current) => ({
      ...current,
      autoSendAcknowledged: sent.acknowledged,
      defaultMode: sent.acknowledged ? sent.mode : 'suggest',
      addAutoReplyLabel: sent.label,
    }));
    if (ok) saved.value = sent;
    return ok;
  };
  useUnsaved(() => !sameDraft(draft.value, saved.value), t('sectionAutoSend'), saveDraft);
  const { acknowledged } = draft.value;
  return (
    <form
      class="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void saveDraft();
      }}
    >
      <h2>{t('autoTitle')}</h2>
      <div id={warningId} class="notice-warn stack">
        <p>
          <strong>{t('autoWarningTitle')}</strong>
        </p>
        <p>{t('autoWarningBody')}</p>
        <p>{t('autoWarningSuggest')}</p>
      </div>
      <CheckField
        label={t('autoAcknowledge')}
        checked={acknowledged}
        onChange={(value) => set({ acknowledged: value })}
      />
      <fieldset disabled={!acknowledged} aria-describedby={acknowledged ? undefined : warningId}>
        <legend>{t('autoDefaultMode')}</legend>
        {(['suggest', 'auto'] as const).map((mode) => (
          <label key={mode} class="check">
            <input
              type="radio"
              name="default-mode"
              value={mode}
              checked={draft.value.mode === mode}
              disabled={!acknowledged}
              onChange={() => set({ mode })}
            />
            <span>
              {t(MODE_KEYS[mode])} —{' '}
              <span class="muted">{t(mode === 'auto' ? 'autoModeAutoHint' : 'autoModeSuggestHint')}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <CheckField
        label={t('autoLabel')}
        hint={t('autoLabelHint')}
        checked={draft.value.label}
        onChange={(label) => set({ label })}
      />
      <SaveRow state={state.value} dirty={dirty} />
    </form>
  );
}
