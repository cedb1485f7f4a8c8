import { useSignal } from '@preact/signals';
import { useId, useRef } from 'preact/hooks';
import { LOCALES } from '../core/locales.ts';
import { createRng } from '../core/rng.ts';
import { showFields, templateFields } from '../core/template-fields.ts';
import { TEMPLATE_VARIABLES, validateTemplate } from '../core/templates.ts';
import type { Settings, Template } from '../core/types.ts';
import { uiDb } from '../shared/db.ts';
import { t } from '../shared/i18n.ts';
import { putTemplate } from '../storage/templates.ts';
import { EditorForm, useDraft } from '../ui/editor-form.tsx';
import { CheckField } from '../ui/fields.tsx';
import { templateErrorText } from '../ui/problem-words.ts';
import { replyText } from '../ui/reply-text.ts';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { sameDraft } from '../ui/unsaved.ts';

/** Who the preview pretends to answer. */
const SAMPLE = { senderName: 'Alice Martin', senderHandle: 'alice' };

export function previewOf(
  template: Pick<Template, 'body' | 'locale'>,
  settings: Settings,
  now: number,
  rng: () => number,
) {
  // Fields show as `[Label]`: where the popup will put the answers.
  return replyText(template, SAMPLE, settings, now, rng, showFields);
}

/** Under the preview: the fields the popup will ask for, and that rules cannot send such a template. */
function FieldsNote({ body }: { body: string }) {
  const fields = templateFields(body);
  if (fields.length === 0) return null;
  const list = fields
    .map((field) => (field.defaultValue ? `${field.label} (${field.defaultValue})` : field.label))
    .join(', ');
  return (
    <>
      <p class="muted">{t('templateFieldsAsked', list)}</p>
      <p class="muted">{t('templateFieldsQuickOnly')}</p>
    </>
  );
}

interface TemplateEditorProps {
  initial: Template;
  settings: Settings;
  onDone: () => void;
}

export function TemplateEditor({ initial, settings, onDone }: TemplateEditorProps) {
  const id = useId();
  const [draft, set] = useDraft(initial);
  const roll = useSignal(0);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const verdict = validateTemplate(draft.value.body);
  const nameMissing = draft.value.name.trim() === '';

  /** Puts `{variable}` where the cursor is, and the cursor after it. */
  const insertVariable = (name: string) => {
    const area = bodyRef.current;
    const body = draft.value.body;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    const token = `{${name}}`;
    set({ body: body.slice(0, start) + token + body.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  // A seeded roll keeps the preview still while typing; "another variation" moves it on.
  const rng = createRng(roll.value + 1);
  return (
    <EditorForm
      title={initial.name ? t('templateEditTitle', initial.name) : t('templateNewTitle')}
      canSave={verdict.ok && !nameMissing}
      name={initial.name || t('templateNewTitle')}
      dirty={!sameDraft(draft.value, initial)}
      save={() => putTemplate(uiDb(), { ...draft.value, name: draft.value.name.trim() })}
      onDone={onDone}
    >
      <TextField
        label={t('templateName')}
        value={draft.value.name}
        maxLength={200}
        invalid={nameMissing}
        onInput={(name) => set({ name })}
      />
      <SelectField<Template['locale']>
        label={t('templateLocale')}
        value={draft.value.locale}
        choices={LOCALES.map((locale) => ({ value: locale.code, label: locale.nativeName }))}
        onChange={(locale) => set({ locale })}
      />
      <div class="field">
        <label for={`${id}-body`}>{t('templateBody')}</label>
        <p id={`${id}-syntax`} class="muted hint">
          {t('templateSyntaxHint')} {t('templateFieldsHint')}
        </p>
        <textarea
          ref={bodyRef}
          id={`${id}-body`}
          rows={5}
          value={draft.value.body}
          aria-invalid={verdict.ok ? undefined : true}
          aria-describedby={`${id}-syntax ${id}-check`}
          onInput={(e) => set({ body: e.currentTarget.value })}
        />
        <p id={`${id}-check`} class={verdict.ok ? 'muted' : 'error'} aria-live="polite">
          {verdict.ok ? t('templateValid') : templateErrorText(verdict.code, verdict.position)}
        </p>
      </div>
      <fieldset class="row">
        <legend>{t('templateVariables')}</legend>
        {TEMPLATE_VARIABLES.map((name) => (
          <button
            key={name}
            type="button"
            onClick={() => insertVariable(name)}
            aria-label={t('templateInsertVariable', `{${name}}`)}
          >
            {`{${name}}`}
          </button>
        ))}
      </fieldset>
      <section class="preview" aria-labelledby={`${id}-preview`}>
        <h4 id={`${id}-preview`}>{t('templatePreview')}</h4>
        <p class="quote">{verdict.ok ? previewOf(draft.value, settings, Date.now(), rng) : '—'}</p>
        <FieldsNote body={draft.value.body} />
        <button type="button" onClick={() => (roll.value += 1)}>
          {t('templateReroll')}
        </button>
      </section>
      <CheckField
        label={t('templateQuickReply')}
        checked={draft.value.quickReply}
        onChange={(v) => set({ quickReply: v })}
      />
    </EditorForm>
  );
}
