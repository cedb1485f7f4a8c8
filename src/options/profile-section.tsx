import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import type { Settings } from '../core/types.ts';
import { t } from '../shared/i18n.ts';
import { SaveRow, useSettingsSave } from '../ui/save-status.tsx';
import { TextField } from '../ui/text-field.tsx';
import { sameDraft, useUnsaved } from '../ui/unsaved.ts';

/** Who "I" am: the name for {my_name}, and the handle never to answer (your own messages). */
export function ProfileSection({ settings }: { settings: Settings }) {
  const handleId = useId();
  const draft = useSignal({
    name: settings.myName,
    handle: settings.myHandle ? `@${settings.myHandle}` : '',
  });
  const saved = useSignal(draft.value);
  const error = useSignal('');
  const { state, save } = useSettingsSave();
  const dirty = !sameDraft(draft.value, saved.value);
  const saveDraft = async () => {
    const sent = draft.value;
    const myHandle = sent.handle.trim().replace(/^@/, '').toLowerCase();
    if (!/^[a-z0-9_]{0,50}$/.test(myHandle)) {
      error.value = t('profileHandleInvalid');
      return false;
    }
    error.value = '';
    const ok = await save((current) => ({ ...current, myName: sent.name.trim().slice(0, 200), myHandle }));
    if (ok) saved.value = sent;
    return ok;
  };
  useUnsaved(() => !sameDraft(draft.value, saved.value), t('sectionProfile'), saveDraft);
  const submit = (event: Event) => {
    event.preventDefault();
    void saveDraft();
  };
  return (
    <form class="stack" onSubmit={submit} noValidate>
      <h2>{t('profileTitle')}</h2>
      <TextField
        label={t('profileName')}
        value={draft.value.name}
        maxLength={200}
        onInput={(name) => (draft.value = { ...draft.value, name })}
      />
      <div class="field">
        <label for={handleId}>{t('profileHandle')}</label>
        <input
          id={handleId}
          value={draft.value.handle}
          spellcheck={false}
          aria-invalid={error.value ? true : undefined}
          aria-describedby={error.value ? `${handleId}-error` : `${handleId}-hint`}
          onInput={(event) => (draft.value = { ...draft.value, handle: event.currentTarget.value })}
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
      <SaveRow state={state.value} dirty={dirty} />
    </form>
  );
}
