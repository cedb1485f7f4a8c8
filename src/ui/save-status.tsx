import { type Signal, useSignal } from '@preact/signals';
import type { Settings } from '../core/types.ts';
import { sendMessage } from '../messaging/send.ts';
import { refreshBadge } from '../messaging/ui.ts';
import { uiDb, uiEnv } from '../shared/db.ts';
import { t } from '../shared/i18n.ts';
import type { Outcome, Problem } from '../storage/problems.ts';
import { changeSettings } from '../storage/settings.ts';
import { problemText } from './problem-words.ts';

export type SaveState = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/**
 * Says what the last save did, or that changes wait for Save, where screen readers hear it without moving
 * focus. A failure stays shown while the changes are still unsaved.
 */
export function SaveStatus({ state, dirty = false }: { state: SaveState; dirty?: boolean }) {
  const text =
    state.kind === 'failed'
      ? state.message
      : dirty
        ? t('unsavedNote')
        : state.kind === 'saved'
          ? t('saved')
          : '';
  const look = state.kind === 'failed' ? 'error' : dirty ? 'muted' : 'notice-ok';
  return (
    <p role="status" class={look}>
      {text}
    </p>
  );
}

interface SaveRowProps {
  state: SaveState;
  /** The Save button is off while the form cannot be stored (e.g. a rule with a dangerous pattern). */
  disabled?: boolean;
  /** Editors close without saving; settings forms have no Cancel. */
  onCancel?: () => void;
  /** The form holds changes not saved yet. */
  dirty?: boolean;
}

/** The foot of every form: Save, an optional Cancel, and what the last save did or that changes wait. */
export function SaveRow({ state, disabled = false, onCancel, dirty = false }: SaveRowProps) {
  return (
    <div class="row">
      <button type="submit" class="primary" disabled={disabled}>
        {t('actionSave')}
      </button>
      {onCancel ? (
        <button type="button" onClick={onCancel}>
          {t('actionCancel')}
        </button>
      ) : null}
      <SaveStatus state={state} dirty={dirty} />
    </div>
  );
}

/** The worker repaints the badge by itself while awake; this wakes it. Losing the notice only delays it. */
export function notifySettingsChanged(): void {
  void sendMessage(refreshBadge, {}).catch((error: unknown) =>
    console.warn('Badge refresh request failed', error),
  );
}

export function outcomeState(outcome: Outcome<unknown>): SaveState {
  return outcome.ok ? { kind: 'saved' } : { kind: 'failed', message: problemText(outcome.problem) };
}

/**
 * Saving settings from a form: one read-change-write transaction, which also cancels the replies the new
 * settings no longer allow (a deny list, an allow list), then the result in words.
 */
export function useSettingsSave(): {
  state: Signal<SaveState>;
  save: (change: (current: Settings) => Settings) => Promise<boolean>;
} {
  const state = useSignal<SaveState>({ kind: 'idle' });
  const save = async (change: (current: Settings) => Settings) => {
    let outcome: Outcome<unknown>;
    try {
      outcome = await changeSettings(uiDb(), uiEnv(), change, Date.now());
    } catch (error) {
      console.error('Saving settings failed', error);
      const problem: Problem = { code: 'storageFailed', path: '' };
      outcome = { ok: false, problem };
    }
    state.value = outcomeState(outcome);
    if (outcome.ok) notifySettingsChanged();
    return outcome.ok;
  };
  return { state, save };
}
