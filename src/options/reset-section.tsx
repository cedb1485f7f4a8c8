import { useSignal } from '@preact/signals';
import { uiDb, uiEnv } from '../shared/db.ts';
import { lang, t } from '../shared/i18n.ts';
import type { AwayDb } from '../storage/db.ts';
import { SETTINGS_KEY } from '../storage/rows.ts';
import { ensureSeeded, type SeedEnvironment } from '../storage/seed.ts';
import { Confirm } from '../ui/confirm.tsx';
import { notifySettingsChanged } from '../ui/save-status.tsx';
import { EraseSection } from './erase-section.tsx';

/**
 * Settings, rules and templates go back to the first-run state. Contacts (who asked to stop, cooldowns),
 * the ledger and the log stay: forgetting them could answer someone twice or someone who said stop.
 * Deleting those too is "Erase everything" (erase-section.tsx), a separate action with its own warning.
 */
export function resetToDefaults(db: AwayDb, env: SeedEnvironment): Promise<boolean> {
  return db.transaction('rw', [db.settings, db.rules, db.templates], async () => {
    await db.settings.delete(SETTINGS_KEY);
    await db.rules.clear();
    await db.templates.clear();
    return ensureSeeded(db, env);
  });
}

export function ResetSection() {
  const asking = useSignal(false);
  const done = useSignal(false);
  const reset = async () => {
    asking.value = false;
    done.value = await resetToDefaults(uiDb(), { ...uiEnv(), locale: lang.value });
    notifySettingsChanged();
  };
  return (
    <div class="stack">
      <h2>{t('resetTitle')}</h2>
      <p class="muted">{t('resetIntro')}</p>
      {asking.value ? (
        <Confirm
          message={t('resetConfirm')}
          confirmLabel={t('resetConfirmButton')}
          danger
          onConfirm={() => void reset()}
          onCancel={() => (asking.value = false)}
        />
      ) : (
        <div>
          <button type="button" class="danger" onClick={() => (asking.value = true)}>
            {t('resetButton')}
          </button>
        </div>
      )}
      <p role="status" class="notice-ok">
        {done.value ? t('resetDone') : ''}
      </p>
      <EraseSection />
    </div>
  );
}
