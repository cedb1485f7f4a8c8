import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '../shared/i18n.ts';

interface ConfirmProps {
  /** The question, in words the user reads before anything happens. */
  message: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
  /** Shown under the question, outside the dialog's name (e.g. a list of what will change). */
  children?: ComponentChildren;
}

/**
 * An inline confirmation (role="alertdialog"): focus moves to it so keyboard users land on the choice, and
 * Escape cancels. Inline rather than a modal so it never hides what it is about.
 */
export function Confirm({
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  danger = false,
  children,
}: ConfirmProps) {
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby={id}
      class="card notice-warn"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p id={id}>{message}</p>
      {children}
      <div class="row">
        <button type="button" class={danger ? 'danger' : 'primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancelRef} onClick={onCancel}>
          {t('actionCancel')}
        </button>
      </div>
    </div>
  );
}
