import { useSignal } from '@preact/signals';
import { useId, useRef } from 'preact/hooks';
import { uiDb, uiEnv } from '../shared/db.ts';
import { t } from '../shared/i18n.ts';
import type { Problem } from '../storage/problems.ts';
import { exportAll, importAll, previewImport } from '../storage/transfer.ts';
import type { ImportChange } from '../storage/transfer-diff.ts';
import { problemText } from '../ui/problem-words.ts';
import { notifySettingsChanged } from '../ui/save-status.tsx';
import { datedName, downloadText } from './download.ts';
import { ImportPreview } from './import-preview.tsx';

type Result = { kind: 'none' } | { kind: 'ok'; message: string } | { kind: 'error'; message: string };

/** A refused file's problem in words, naming the rule or template it is about. */
function refusal(problem: Problem, text: string): Result {
  const words = problemText(problem);
  const at = /^\/(rules|templates)\/(\d+)(?:\/|$)/.exec(problem.path);
  let name: unknown;
  if (at) {
    try {
      name = (JSON.parse(text) as Record<string, { name?: unknown }[]>)[at[1]!]?.[Number(at[2])]?.name;
    } catch {
      name = undefined;
    }
  }
  const about =
    typeof name === 'string'
      ? t(at?.[1] === 'rules' ? 'importAboutRule' : 'importAboutTemplate', name, words)
      : words;
  return { kind: 'error', message: t('importRefused', about) };
}

type Preview = { kind: 'preview'; text: string; changes: ImportChange[] };

/** Reads a chosen file and says what it would change; storage refuses the whole file on any problem. */
export async function previewFile(file: Pick<File, 'text'>, now: number): Promise<Result | Preview> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { kind: 'error', message: t('importUnreadable') };
  }
  const outcome = await previewImport(uiDb(), text, { ...uiEnv(), now });
  if (!outcome.ok) return refusal(outcome.problem, text);
  return { kind: 'preview', text, changes: outcome.value };
}

/** Imports a file the user confirmed. */
export async function importText(text: string, now: number): Promise<Result> {
  const outcome = await importAll(uiDb(), text, { ...uiEnv(), now });
  if (!outcome.ok) return refusal(outcome.problem, text);
  notifySettingsChanged();
  const { rules, templates, contacts } = outcome.value;
  return { kind: 'ok', message: t('importDone', rules, templates, contacts) };
}

export function TransferSection() {
  const id = useId();
  const result = useSignal<Result>({ kind: 'none' });
  const preview = useSignal<Preview | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const closePreview = (next: Result) => {
    preview.value = null;
    result.value = next;
    // Back where the user was, so the keyboard does not lose its place.
    fileInput.current?.focus();
  };
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
          ref={fileInput}
          onChange={async (event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            result.value = { kind: 'none' };
            const read = await previewFile(file, Date.now());
            if (read.kind === 'preview') preview.value = read;
            else result.value = read;
            // The same file can be chosen again after fixing it.
            input.value = '';
          }}
        />
      </div>
      {preview.value ? (
        <ImportPreview
          changes={preview.value.changes}
          onApply={async () => closePreview(await importText(preview.value?.text ?? '', Date.now()))}
          onCancel={() => closePreview({ kind: 'ok', message: t('importCancelled') })}
        />
      ) : null}
      <p
        role={result.value.kind === 'error' ? 'alert' : 'status'}
        class={result.value.kind === 'error' ? 'notice-error' : 'notice-ok'}
      >
        {result.value.kind === 'none' ? '' : result.value.message}
      </p>
    </div>
  );
}
