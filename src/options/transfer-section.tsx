import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { exportAll, importAll } from '../storage/transfer.ts';
import { uiDb, uiEnv } from '../ui/db.ts';
import { t } from '../ui/i18n.ts';
import { problemText } from '../ui/problem-words.ts';
import { notifySettingsChanged } from '../ui/save-status.tsx';
import { datedName, downloadText } from './download.ts';

type Result = { kind: 'none' } | { kind: 'ok'; message: string } | { kind: 'error'; message: string };

/** Reads a chosen file and imports it; storage refuses the whole file on any problem. */
export async function importFile(file: Pick<File, 'text'>, now: number): Promise<Result> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { kind: 'error', message: t('importUnreadable') };
  }
  const outcome = await importAll(uiDb(), text, { ...uiEnv(), now });
  if (!outcome.ok) return { kind: 'error', message: t('importRefused', problemText(outcome.problem)) };
  notifySettingsChanged();
  const { rules, templates, contacts } = outcome.value;
  return { kind: 'ok', message: t('importDone', rules, templates, contacts) };
}

export function TransferSection() {
  const id = useId();
  const result = useSignal<Result>({ kind: 'none' });
  const exportFile = async () => {
    const outcome = await exportAll(uiDb(), { ...uiEnv(), now: Date.now() });
    if (!outcome.ok) {
      result.value = { kind: 'error', message: problemText(outcome.problem) };
      return;
    }
    downloadText(datedName('away-for-x-settings', 'json', new Date()), outcome.value, 'application/json');
    result.value = { kind: 'ok', message: t('exportDone') };
  };
  return (
    <div class="stack">
      <h2>{t('transferTitle')}</h2>
      <p class="muted">{t('transferIntro')}</p>
      <div>
        <button type="button" class="primary" onClick={() => void exportFile()}>
          {t('exportButton')}
        </button>
      </div>
      <div class="field">
        <label for={`${id}-file`}>{t('importLabel')}</label>
        <p id={`${id}-hint`} class="muted hint">
          {t('importHint')}
        </p>
        <input
          id={`${id}-file`}
          type="file"
          accept="application/json,.json"
          aria-describedby={`${id}-hint`}
          onChange={async (event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            result.value = await importFile(file, Date.now());
            // The same file can be chosen again after fixing it.
            input.value = '';
          }}
        />
      </div>
      <p
        role={result.value.kind === 'error' ? 'alert' : 'status'}
        class={result.value.kind === 'error' ? 'notice-error' : 'notice-ok'}
      >
        {result.value.kind === 'none' ? '' : result.value.message}
      </p>
    </div>
  );
}
