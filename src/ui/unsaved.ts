import { useId, useLayoutEffect, useRef } from 'preact/hooks';

/**
 * The options page's one save model: every form keeps its changes as a draft until Save. Each form
 * registers here while mounted, with a way to tell whether it holds unsaved changes right now, so that
 * leaving it (another section, another item's editor, another page, closing the tab) asks first instead
 * of losing them.
 */
export interface UnsavedForm {
  /** What the user calls it: the section or the item being edited. */
  label: string;
  /** Saves the draft; false when it cannot be stored (the form then shows why). */
  save: () => Promise<boolean>;
}

interface Registered extends UnsavedForm {
  dirty: () => boolean;
}

const forms = new Map<string, Registered>();

/**
 * The forms holding unsaved changes at this instant. Asked when the user moves, it reads each form's
 * draft as it is now: an edit typed a moment before a click on another section counts.
 */
export function unsavedForms(): UnsavedForm[] {
  return [...forms.values()].filter((form) => form.dirty());
}

/** For tests: forget every registration. */
export function resetUnsaved(): void {
  forms.clear();
}

/**
 * Registers the calling form for as long as it is mounted. `dirty` reads the form's draft (signals) when
 * asked; `save` may change every render (it closes over the draft): the latest one is called.
 */
export function useUnsaved(dirty: () => boolean, label: string, save: () => Promise<boolean>): void {
  const id = useId();
  const latest = useRef({ dirty, label, save });
  latest.current = { dirty, label, save };
  useLayoutEffect(() => {
    forms.set(id, {
      dirty: () => latest.current.dirty(),
      get label() {
        return latest.current.label;
      },
      save: () => latest.current.save(),
    });
    return () => {
      forms.delete(id);
    };
  }, []);
}

/** Two drafts are the same when their JSON is: drafts are plain data (strings, numbers, arrays). */
export function sameDraft(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
