import { type Signal, useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { Outcome } from '../storage/problems.ts';
import { outcomeState, SaveRow, type SaveState } from './save-status.tsx';

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
  children: ComponentChildren;
}

/** The frame of the rule and template editors: a titled form that saves, reports, then closes. */
export function EditorForm({ title, canSave, save, onDone, children }: EditorFormProps) {
  const id = useId();
  const state = useSignal<SaveState>({ kind: 'idle' });
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!canSave) return;
    const outcome = await save();
    state.value = outcomeState(outcome);
    if (outcome.ok) onDone();
  };
  return (
    <form class="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
      <SaveRow state={state.value} disabled={!canSave} onCancel={onDone} />
    </form>
  );
}
