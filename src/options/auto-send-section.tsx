import { useId } from 'preact/hooks';
import type { ReplyMode, Settings } from '../core/types.ts';
import { CheckField } from '../ui/fields.tsx';
import { t } from '../ui/i18n.ts';
import { SaveStatus, useSettingsSave } from '../ui/save-status.tsx';
import { MODE_KEYS } from '../ui/words.ts';

/**
 * Auto-send sits behind a plain warning: X treats browser automation as a suspension risk, so the user
 * must tick that they understand before any rule may send by itself. Unticking puts everything back to
 * suggest mode at once.
 */
export function AutoSendSection({ settings }: { settings: Settings }) {
  const warningId = useId();
  const { state, save } = useSettingsSave();
  const acknowledged = settings.autoSendAcknowledged;
  const setAcknowledged = (value: boolean) =>
    save((current) => ({
      ...current,
      autoSendAcknowledged: value,
      defaultMode: value ? current.defaultMode : 'suggest',
    }));
  const setMode = (mode: ReplyMode) => save((current) => ({ ...current, defaultMode: mode }));
  return (
    <div class="stack">
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
        onChange={(value) => void setAcknowledged(value)}
      />
      <fieldset disabled={!acknowledged} aria-describedby={acknowledged ? undefined : warningId}>
        <legend>{t('autoDefaultMode')}</legend>
        {(['suggest', 'auto'] as const).map((mode) => (
          <label key={mode} class="check">
            <input
              type="radio"
              name="default-mode"
              value={mode}
              checked={settings.defaultMode === mode}
              disabled={!acknowledged}
              onChange={() => void setMode(mode)}
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
        checked={settings.addAutoReplyLabel}
        onChange={(value) => void save((current) => ({ ...current, addAutoReplyLabel: value }))}
      />
      <SaveStatus state={state.value} />
    </div>
  );
}
