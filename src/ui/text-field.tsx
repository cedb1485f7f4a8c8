import { useId } from 'preact/hooks';

interface TextFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** A textarea of this many rows; a one-line input when absent. */
  rows?: number;
  maxLength?: number;
  /** False for handles, patterns and other text that is not prose. */
  spellcheck?: boolean;
  invalid?: boolean;
  /** Ids of texts that explain the field, e.g. a validity message kept next to it. */
  describedBy?: string;
  class?: string;
}

/** A labelled text input or textarea. Props left out are not rendered, so each use keeps its markup. */
export function TextField({ label, value, onInput, rows, invalid, describedBy, ...rest }: TextFieldProps) {
  const id = useId();
  const props = {
    id,
    value,
    ...rest,
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': describedBy,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {rows === undefined ? <input {...props} /> : <textarea rows={rows} {...props} />}
    </div>
  );
}
