import { type Signal, useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { Outcome } from '../storage/problems.ts';
import { outcomeState, SaveRow, type SaveState } from './save-status.tsx';
import { useUnsaved } from './unsaved.ts';

/** An editor's working copy and a setter that changes some fields of it. */
export function useDraft<T extends object>(initial: T): [Signal<T>, (change: Partial<T>) => void] {
  const draft = useSignal(initial);
  const set = (change: Partial<T>) => {
    draft.value = { ...draft.value, ...change };
  };
  return [draft, set];
}

interface EditorFormProps {
  title: string;
  /** False while the draft cannot be stored: Save is off and submitting does nothing. */
  canSave: boolean;
  /** Stores the draft; storage validates again and may refuse it, which the form then says. */
  save: () => Promise<Outcome<unknown>>;
  /** Called on Cancel and after a successful save: the editor closes. */
  onDone: () => void;
  /** The draft differs from what the editor opened with. */
  dirty: boolean;
  /** How the question about unsaved changes names it: the item's name (the title by default). */
  name?: string;
  children: ComponentChildren;
}

/**
 * The frame of the rule and template editors: a titled form that saves, reports, then closes. Its changes
 * count as unsaved (leaving asks first) until saved or cancelled.
 */
export function EditorForm({ title, canSave, save, onDone, dirty, name, children }: EditorFormProps) {
  const id = useId();
  const state = useSignal<SaveState>({ kind: 'idle' });
  const saveDraft = async () => {
    if (!canSave) return false;
    const outcome = await save();
    state.value = outcomeState(outcome);
    if (outcome.ok) onDone();
    return outcome.ok;
  };
  useUnsaved(() => dirty, name ?? title, saveDraft);
  const submit = (event: Event) => {
    event.preventDefault();
    void saveDraft();
  };
  return (
    <form class="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
      <SaveRow state={state.value} disabled={!canSave} onCancel={onDone} dirty={dirty} />
    </form>
  );
}
