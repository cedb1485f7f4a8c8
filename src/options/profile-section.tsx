import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import type { Settings } from '../core/types.ts';
import { t } from '../ui/i18n.ts';
import { SaveRow, useSettingsSave } from '../ui/save-status.tsx';
import { TextField } from '../ui/text-field.tsx';

/** Who "I" am: the name for {my_name}, and the handle never to answer (your own messages). */
export function ProfileSection({ settings }: { settings: Settings }) {
  const handleId = useId();
  const name = useSignal(settings.myName);
  const handle = useSignal(settings.myHandle ? `@${settings.myHandle}` : '');
  const error = useSignal('');
  const { state, save } = useSettingsSave();
  const submit = async (event: Event) => {
    event.preventDefault();
    const myHandle = handle.value.trim().replace(/^@/, '').toLowerCase();
    if (!/^[a-z0-9_]{0,50}$/.test(myHandle)) {
      error.value = t('profileHandleInvalid');
      return;
    }
    error.value = '';
    await save((current) => ({ ...current, myName: name.value.trim().slice(0, 200), myHandle }));
  };
  return (
    <form class="stack" onSubmit={submit} noValidate>
      <h2>{t('profileTitle')}</h2>
      <TextField
        label={t('profileName')}
        value={name.value}
        maxLength={200}
        onInput={(v) => (name.value = v)}
      />
      <div class="field">
        <label for={handleId}>{t('profileHandle')}</label>
        <input
          id={handleId}
          value={handle.value}
          spellcheck={false}
          aria-invalid={error.value ? true : undefined}
          aria-describedby={error.value ? `${handleId}-error` : `${handleId}-hint`}
          onInput={(event) => (handle.value = event.currentTarget.value)}
        />
        <p id={`${handleId}-hint`} class="muted hint">
          {t('profileHandleHint')}
        </p>
        {error.value ? (
          <p id={`${handleId}-error`} class="error">
            {error.value}
          </p>
        ) : null}
      </div>
      <SaveRow state={state.value} />
    </form>
  );
}
