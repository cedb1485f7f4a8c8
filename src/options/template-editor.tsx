import { useSignal } from '@preact/signals';
import { useId, useRef } from 'preact/hooks';
import { createRng } from '../core/rng.ts';
import { render, TEMPLATE_VARIABLES, templateVars, validateTemplate } from '../core/templates.ts';
import type { Settings, Template } from '../core/types.ts';
import { putTemplate } from '../storage/templates.ts';
import { uiDb } from '../ui/db.ts';
import { CheckField } from '../ui/fields.tsx';
import { t } from '../ui/i18n.ts';
import { templateErrorText } from '../ui/problem-words.ts';
import { outcomeState, type SaveState, SaveStatus } from '../ui/save-status.tsx';

/** Who the preview pretends to answer. */
const SAMPLE = { senderName: 'Alice Martin', senderHandle: 'alice' };

export function previewOf(
  template: Pick<Template, 'body' | 'locale'>,
  settings: Settings,
  now: number,
  rng: () => number,
) {
  const vars = templateVars({
    ...SAMPLE,
    myName: settings.myName,
    now,
    awayUntil: settings.schedule.awayUntil,
    timeZone: settings.schedule.timeZone,
    locale: template.locale,
  });
  return render(template.body, vars, rng);
}

interface TemplateEditorProps {
  initial: Template;
  settings: Settings;
  onDone: () => void;
}

export function TemplateEditor({ initial, settings, onDone }: TemplateEditorProps) {
  const id = useId();
  const draft = useSignal(initial);
  const roll = useSignal(0);
  const saveState = useSignal<SaveState>({ kind: 'idle' });
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const set = (change: Partial<Template>) => {
    draft.value = { ...draft.value, ...change };
  };
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

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!verdict.ok || nameMissing) return;
    const outcome = await putTemplate(uiDb(), { ...draft.value, name: draft.value.name.trim() });
    saveState.value = outcomeState(outcome);
    if (outcome.ok) onDone();
  };

  // A seeded roll keeps the preview still while typing; "another variation" moves it on.
  const rng = createRng(roll.value + 1);
  return (
    <form class="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {initial.name ? t('templateEditTitle', initial.name) : t('templateNewTitle')}
      </h3>
      <div class="field">
        <label for={`${id}-name`}>{t('templateName')}</label>
        <input
          id={`${id}-name`}
          value={draft.value.name}
          maxLength={200}
          aria-invalid={nameMissing ? true : undefined}
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for={`${id}-locale`}>{t('templateLocale')}</label>
        <select
          id={`${id}-locale`}
          value={draft.value.locale}
          onChange={(e) => set({ locale: e.currentTarget.value as Template['locale'] })}
        >
          <option value="en">{t('languageEnglish')}</option>
          <option value="fr">{t('languageFrench')}</option>
        </select>
      </div>
      <div class="field">
        <label for={`${id}-body`}>{t('templateBody')}</label>
        <p id={`${id}-syntax`} class="muted hint">
          {t('templateSyntaxHint')}
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
        <button type="button" onClick={() => (roll.value += 1)}>
          {t('templateReroll')}
        </button>
      </section>
      <CheckField
        label={t('templateQuickReply')}
        checked={draft.value.quickReply}
        onChange={(v) => set({ quickReply: v })}
      />
      <div class="row">
        <button type="submit" class="primary" disabled={!verdict.ok || nameMissing}>
          {t('actionSave')}
        </button>
        <button type="button" onClick={onDone}>
          {t('actionCancel')}
        </button>
        <SaveStatus state={saveState.value} />
      </div>
    </form>
  );
}
