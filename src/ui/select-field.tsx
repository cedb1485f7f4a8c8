import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../shared/i18n.ts';

export interface Choice<V extends string> {
  value: V;
  label: string;
}

/** The choices of a code → message key table, in the table's order, in the UI language. */
export function keyedChoices<V extends string>(keys: Record<V, string>): Choice<V>[] {
  return (Object.keys(keys) as V[]).map((value) => ({ value, label: t(keys[value]) }));
}

interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  choices: readonly Choice<V>[];
  onChange: (value: V) => void;
  /** Shown under the select, inside the field: e.g. what the current choice implies. */
  children?: ComponentChildren;
}

/** A labelled select. The value comes back typed: the choices are the only values the select can hold. */
export function SelectField<V extends string>({
  label,
  value,
  choices,
  onChange,
  children,
}: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value as V)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {children}
    </div>
  );
}
