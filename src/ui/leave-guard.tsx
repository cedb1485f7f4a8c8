import { type Signal, useSignal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext, useEffect, useId, useRef } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { unsavedForms } from './unsaved.ts';

/** How a part of the page asks to move away from what is on screen; without a guard it just goes. */
export const LeaveGuard = createContext<(go: () => void) => void>((go) => go());

/** The page's guard, for moves inside a section (opening another item's editor). */
export function useGuard(): (go: () => void) => void {
  return useContext(LeaveGuard);
}

/** What the guard holds while it asks: the move the user asked for, done once they chose. */
export type PendingLeave = { go: () => void } | null;

/**
 * Runs `go` at once when no form has unsaved changes; otherwise holds it until the user chose to save
 * (then goes on only if every save worked), to discard, or to keep editing.
 */
export function useLeaveGuard(): { pending: Signal<PendingLeave>; guard: (go: () => void) => void } {
  const pending = useSignal<PendingLeave>(null);
  const guard = (go: () => void) => {
    if (unsavedForms().length === 0) go();
    else pending.value = { go };
  };
  // Closing the tab, reloading or following a link: the browser asks with its own words.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (unsavedForms().length === 0) return;
      event.preventDefault();
      event.returnValue = '';
    };
    addEventListener('beforeunload', onBeforeUnload);
    return () => removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  return { pending, guard };
}

/**
 * The question, inline (role="alertdialog"): "Your changes to Limits are not saved." Focus moves to "Keep
 * editing", the choice that changes nothing; Escape is the same.
 */
export function LeaveDialog({ pending }: { pending: Signal<PendingLeave> }) {
  const id = useId();
  const keep = useRef<HTMLButtonElement>(null);
  const failed = useSignal(false);
  const current = pending.value;
  useEffect(() => {
    if (current) keep.current?.focus();
    failed.value = false;
  }, [current]);
  if (!current) return null;
  // One section is open at a time, so usually one name; the message puts it in its language's quotes.
  const names = unsavedForms()
    .map((form) => form.label)
    .join(', ');
  const close = () => {
    pending.value = null;
  };
  const saveAndGo = async () => {
    const results = [];
    for (const form of unsavedForms()) results.push(await form.save());
    if (results.every(Boolean)) {
      close();
      current.go();
    } else failed.value = true;
  };
  return (
    <div
      role="alertdialog"
      aria-labelledby={`${id}-q`}
      aria-describedby={failed.value ? `${id}-failed` : undefined}
      class="card notice-warn leave-dialog"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <p id={`${id}-q`}>{t('unsavedQuestion', names)}</p>
      {failed.value ? (
        <p id={`${id}-failed`} class="error">
          {t('unsavedSaveFailed')}
        </p>
      ) : null}
      <div class="row">
        <button type="button" class="primary" onClick={() => void saveAndGo()}>
          {t('unsavedSave')}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => {
            close();
            current.go();
          }}
        >
          {t('unsavedDiscard')}
        </button>
        <button type="button" ref={keep} onClick={close}>
          {t('unsavedKeep')}
        </button>
      </div>
    </div>
  );
}
