import { useSignal } from '@preact/signals';
import { useEffect, useId, useRef } from 'preact/hooks';
import type { FieldValues } from '../core/template-fields.ts';
import { FIELD_MAX_LENGTH } from '../core/template-syntax.ts';
import { t } from '../shared/i18n.ts';
import type { QuickReply } from './quick-replies.tsx';

interface QuickFieldsProps {
  reply: QuickReply & { ask: NonNullable<QuickReply['ask']> };
  onInsert: (text: string) => void;
  onBack: () => void;
}

/**
 * Asks for a quick reply's fields, keyboard first: the first field has focus, Tab goes to the next, Enter
 * inserts from any field, Escape goes back to the list. A field with a default starts filled with it; one
 * without must be answered (Enter then moves to it instead of inserting a gap).
 */
export function QuickFields({ reply, onInsert, onBack }: QuickFieldsProps) {
  const id = useId();
  const { fields, fill } = reply.ask;
  const values = useSignal<FieldValues>(
    Object.fromEntries(fields.map((field) => [field.label, field.defaultValue ?? ''])),
  );
  const tried = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector('input')?.focus();
  }, []);
  const missing = (label: string) => (values.value[label] ?? '').trim() === '';

  const submit = () => {
    const firstMissing = fields.findIndex((field) => field.defaultValue === null && missing(field.label));
    if (firstMissing >= 0) {
      tried.value = true;
      form.current?.querySelectorAll('input')[firstMissing]?.focus();
      return;
    }
    onInsert(fill(values.value));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onBack();
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      ref={form}
      class="stack quick-fields"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={onKeyDown}
    >
      <h4 id={`${id}-title`}>{t('quickFieldsTitle', reply.name)}</h4>
      <p class="muted hint" id={`${id}-hint`}>
        {t('quickFieldsHint')}
      </p>
      {fields.map((field, index) => {
        const invalid = tried.value && field.defaultValue === null && missing(field.label);
        return (
          <div class="field" key={field.label}>
            <label for={`${id}-field-${index}`}>{field.label}</label>
            <input
              id={`${id}-field-${index}`}
              type="text"
              maxLength={FIELD_MAX_LENGTH}
              value={values.value[field.label] ?? ''}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={`${id}-hint`}
              onInput={(event) => {
                values.value = { ...values.value, [field.label]: event.currentTarget.value };
              }}
            />
          </div>
        );
      })}
      <p class="quote" aria-live="polite">
        {fill(values.value)}
      </p>
      <div class="row">
        <button type="submit" class="primary">
          {t('quickFieldsInsert')}
        </button>
        <button type="button" onClick={onBack}>
          {t('quickFieldsBack')}
        </button>
      </div>
    </form>
  );
}
