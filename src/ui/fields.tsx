import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** The explanation under a field; nothing when there is none. Fields point at it with aria-describedby. */
export function Hint({ id, children }: { id: string; children?: ComponentChildren }) {
  return children ? (
    <p id={id} class="muted hint">
      {children}
    </p>
  ) : null;
}

/** What went wrong, read out at once (role="alert"); nothing while all is well. */
export function ErrorAlert({ text, id }: { text: string; id?: string }) {
  return text ? (
    <p id={id} role="alert" class="error">
      {text}
    </p>
  ) : null;
}

interface NumberFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  min: number;
  max: number;
  step?: number;
  hint?: ComponentChildren;
  error?: string;
}

/** Characters the widest allowed value takes: `365` with steps of 0.5 is `365.5`, five. */
export function numberWidth(min: number, max: number, step: number): number {
  const decimals = step % 1 === 0 ? 0 : (String(step).split('.')[1]?.length ?? 0) + 1;
  return Math.max(String(Math.trunc(min)).length, String(Math.trunc(max)).length) + decimals;
}

/**
 * A labelled number input whose hint and error are read with it (aria-describedby), as wide as the
 * numbers it takes (theme.css reads `--digits`), not as wide as the form.
 */
export function NumberField({ label, value, onInput, min, max, step = 1, hint, error }: NumberFieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={value}
        style={{ '--digits': numberWidth(min, max, step) }}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <Hint id={`${id}-hint`}>{hint}</Hint>
      {error ? (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface CheckFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  disabled?: boolean;
}

export function CheckField({ label, checked, onChange, hint, disabled = false }: CheckFieldProps) {
  const id = useId();
  return (
    <div class="check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <div>
        <label for={id}>{label}</label>
        <Hint id={`${id}-hint`}>{hint}</Hint>
      </div>
    </div>
  );
}

/** Reads a number field: null when empty, not a number, or outside [min, max]. */
export function readNumber(text: string, min: number, max: number): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}
