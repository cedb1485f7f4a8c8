import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

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

/** A labelled number input whose hint and error are read with it (aria-describedby). */
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
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {hint ? (
        <p id={`${id}-hint`} class="muted hint">
          {hint}
        </p>
      ) : null}
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
        {hint ? (
          <p id={`${id}-hint`} class="muted hint">
            {hint}
          </p>
        ) : null}
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
