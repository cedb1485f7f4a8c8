import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { LOCALES } from '../core/locales.ts';
import type { Settings } from '../core/types.ts';
import { t } from '../ui/i18n.ts';
import { SaveRow, SaveStatus, useSettingsSave } from '../ui/save-status.tsx';
import { TextField } from '../ui/text-field.tsx';

/**
 * The interface language; the page re-renders in it as soon as it is stored. Each language is named in
 * itself, so someone who cannot read the current one still finds theirs.
 */
export function LanguageSelect({ settings }: { settings: Settings }) {
  const id = useId();
  const { state, save } = useSettingsSave();
  return (
    <div class="row">
      <label for={id}>{t('languageLabel')}</label>
      <select
        id={id}
        value={settings.uiLocale}
        onChange={(event) => {
          const uiLocale = event.currentTarget.value as Settings['uiLocale'];
          void save((current) => ({ ...current, uiLocale }));
        }}
      >
        <option value="auto">{t('languageAuto')}</option>
        {LOCALES.map((locale) => (
          <option key={locale.code} value={locale.code} lang={locale.tag} dir={locale.dir}>
            {locale.nativeName}
          </option>
        ))}
      </select>
      {state.value.kind === 'failed' ? <SaveStatus state={state.value} /> : null}
    </div>
  );
}

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
