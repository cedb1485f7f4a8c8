import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendMessage } from '../messaging/send.ts';
import { setAway } from '../messaging/ui.ts';
import { uiDb, uiEnv } from '../shared/db.ts';
import { resolveLang, t } from '../shared/i18n.ts';
import { Confirm } from '../ui/confirm.tsx';
import { ErrorAlert } from '../ui/fields.tsx';
import { notifySettingsChanged } from '../ui/save-status.tsx';
import { eraseAll } from './erase-all.ts';

type EraseState = 'idle' | 'working' | 'done' | 'failed';

/**
 * The one way to delete everything short of removing the extension. Apart from Reset, which keeps what
 * protects people (who said stop, cooldowns, the ledger) on purpose; the confirmation says that this does
 * not. Cancel has the focus when it opens.
 */
export function EraseSection() {
  const id = useId();
  const asking = useSignal(false);
  const state = useSignal<EraseState>('idle');
  const erase = async () => {
    asking.value = false;
    state.value = 'working';
    try {
      await eraseAll({
        db: uiDb(),
        // As at installation: the starter rule in the browser's language.
        env: { ...uiEnv(), locale: resolveLang('auto', browser.i18n.getUILanguage()) },
        stopAway: () => sendMessage(setAway, { enabled: false, until: null }),
        clearLocalStorage: () => browser.storage.local.clear(),
      });
      state.value = 'done';
    } catch (error) {
      console.error('Erasing failed', error);
      state.value = 'failed';
    }
    notifySettingsChanged();
  };
  return (
    <section class="stack" aria-labelledby={id}>
      <h3 id={id}>{t('eraseTitle')}</h3>
      <p class="muted">{t('eraseIntro')}</p>
      {asking.value ? (
        <Confirm
          message={t('eraseConfirm')}
          confirmLabel={t('eraseConfirmButton')}
          danger
          onConfirm={() => void erase()}
          onCancel={() => (asking.value = false)}
        />
      ) : (
        <div>
          <button
            type="button"
            class="danger"
            disabled={state.value === 'working'}
            onClick={() => (asking.value = true)}
          >
            {t('eraseButton')}
          </button>
        </div>
      )}
      <p role="status" class="notice-ok">
        {state.value === 'working' ? t('eraseWorking') : state.value === 'done' ? t('eraseDone') : ''}
      </p>
      <ErrorAlert text={state.value === 'failed' ? t('eraseFailed') : ''} />
    </section>
  );
}
