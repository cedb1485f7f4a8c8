import { type Signal, useSignal } from '@preact/signals';
import { useEffect, useId } from 'preact/hooks';
import { LOCALES, type LocaleCode } from '../core/locales.ts';
import { validateTemplate } from '../core/templates.ts';
import { type Lang, type MessageBundle, t } from '../shared/i18n.ts';
import { templateErrorText } from '../ui/problem-words.ts';
import { SelectField } from '../ui/select-field.tsx';
import type { WelcomeDraft } from './plan.ts';
import { STARTING_KINDS, type StartingKind, startingKindOf, startingTexts } from './starting-texts.ts';

const KIND_KEYS: Record<StartingKind, string> = {
  standard: 'welcomeStartStandard',
  return: 'welcomeStartReturn',
  short: 'welcomeStartShort',
};

interface ReplyStepProps {
  draft: Signal<WelcomeDraft>;
  /** Shown after Finish was pressed with a broken text; the live check shows meanwhile. */
  showError: boolean;
  loadTexts: (which: Lang) => Promise<MessageBundle>;
}

/** Step 2: the language people will read, a starting text, and the text itself, checked as it is typed. */
export function ReplyStep({ draft, showError, loadTexts }: ReplyStepProps) {
  const id = useId();
  const bundle = useSignal<{ locale: LocaleCode; messages: MessageBundle } | null>(null);
  const locale = draft.value.replyLocale;
  useEffect(() => {
    void loadTexts(locale)
      .then((messages) => {
        bundle.value = { locale, messages };
      })
      .catch((error: unknown) => console.warn('Starting texts unavailable', error));
  }, [locale]);
  const texts = startingTexts(locale, bundle.value?.locale === locale ? bundle.value.messages : null);
  const chosen = startingKindOf(draft.value.body, texts);
  const set = (change: Partial<WelcomeDraft>) => {
    draft.value = { ...draft.value, ...change };
  };
  const setLocale = async (next: LocaleCode) => {
    // The text must be in the new language: the same starting text, written in it.
    const kind = chosen ?? 'standard';
    const messages = await loadTexts(next).catch(() => null);
    if (messages) bundle.value = { locale: next, messages };
    set({ replyLocale: next, body: startingTexts(next, messages)[kind] });
  };
  const verdict = validateTemplate(draft.value.body);
  return (
    <section class="card stack step" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('welcomeStepReply')}</h2>
      <p class="muted">{t('welcomeStepReplyIntro')}</p>
      <SelectField<LocaleCode>
        label={t('welcomeReplyLanguage')}
        value={locale}
        choices={LOCALES.map((l) => ({ value: l.code, label: l.nativeName }))}
        onChange={(next) => void setLocale(next)}
      />
      <fieldset class="stack">
        <legend>{t('welcomeStartFrom')}</legend>
        <p class="muted hint">{t('welcomeStartHint')}</p>
        <div class="row">
          {STARTING_KINDS.map((kind) => (
            <label key={kind} class="check choice">
              <input
                type="radio"
                name={`${id}-start`}
                checked={chosen === kind}
                onChange={() => set({ body: texts[kind] })}
              />
              <span>{t(KIND_KEYS[kind])}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div class="field">
        <label for={`${id}-body`}>{t('welcomeMessage')}</label>
        <p id={`${id}-hint`} class="muted hint">
          {t('welcomeMessageHint')}
        </p>
        <textarea
          id={`${id}-body`}
          rows={4}
          lang={LOCALES.find((l) => l.code === locale)?.tag}
          value={draft.value.body}
          aria-invalid={verdict.ok ? undefined : true}
          aria-describedby={`${id}-hint ${id}-check`}
          onInput={(event) => set({ body: event.currentTarget.value })}
        />
        <p id={`${id}-check`} class={verdict.ok ? 'muted' : showError ? 'error' : 'muted'} aria-live="polite">
          {verdict.ok ? t('templateValid') : templateErrorText(verdict.code, verdict.position)}
        </p>
      </div>
    </section>
  );
}
