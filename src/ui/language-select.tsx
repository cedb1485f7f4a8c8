import { useId } from 'preact/hooks';
import { LOCALES } from '../core/locales.ts';
import type { Settings } from '../core/types.ts';
import { t } from '../shared/i18n.ts';
import { SaveStatus, useSettingsSave } from './save-status.tsx';

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
