import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { validateRule } from '../core/rules.ts';
import type { ReplyMode, Rule, Settings, Template, TriggerKind } from '../core/types.ts';
import { uiDb } from '../shared/db.ts';
import { t } from '../shared/i18n.ts';
import { MAX_GRACE_MINUTES } from '../storage/entity-schema.ts';
import { putRule } from '../storage/rules.ts';
import { EditorForm, useDraft } from '../ui/editor-form.tsx';
import { CheckField, NumberField, readNumber } from '../ui/fields.tsx';
import { ruleErrorText } from '../ui/problem-words.ts';
import { keyedChoices, SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { sameDraft } from '../ui/unsaved.ts';
import { MODE_KEYS, TRIGGER_KEYS } from '../ui/words.ts';
import { RuleLanguages, templateWithField } from './rule-languages.tsx';

/** Keywords are typed one per line or separated by commas; blanks are dropped. */
export function parseKeywords(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((keyword) => keyword.trim())
    .filter(Boolean);
}

interface RuleEditorProps {
  initial: Rule;
  templates: readonly Template[];
  settings: Settings;
  onDone: () => void;
}

export function RuleEditor({ initial, templates, settings, onDone }: RuleEditorProps) {
  const checkId = `${useId()}-check`;
  const [draft, set] = useDraft(initial);
  const keywords = useSignal((initial.trigger.keywords ?? []).join('\n'));
  const grace = useSignal(String(initial.graceMinutes ?? 0));
  const graceMinutes = readNumber(grace.value, 0, MAX_GRACE_MINUTES);
  const rule: Rule = {
    ...draft.value,
    name: draft.value.name.trim(),
    trigger:
      draft.value.trigger.kind === 'keywords'
        ? { kind: 'keywords', keywords: parseKeywords(keywords.value) }
        : draft.value.trigger,
    graceMinutes: graceMinutes ?? 0,
  };
  const verdict = validateRule(rule);
  const withField = templateWithField(rule, templates);
  const kind = draft.value.trigger.kind;
  const setKind = (next: TriggerKind) =>
    set({
      trigger: next === 'regex' ? { kind: next, pattern: draft.value.trigger.pattern ?? '' } : { kind: next },
    });
  return (
    <EditorForm
      title={initial.name ? t('ruleEditTitle', initial.name) : t('ruleNewTitle')}
      canSave={
        verdict.ok &&
        rule.name !== '' &&
        withField === undefined &&
        graceMinutes !== null &&
        Number.isInteger(graceMinutes)
      }
      name={initial.name || t('ruleNewTitle')}
      dirty={
        !sameDraft(draft.value, initial) ||
        keywords.value !== (initial.trigger.keywords ?? []).join('\n') ||
        grace.value !== String(initial.graceMinutes ?? 0)
      }
      save={() => putRule(uiDb(), rule)}
      onDone={onDone}
    >
      <TextField
        label={t('ruleName')}
        value={draft.value.name}
        maxLength={200}
        onInput={(name) => set({ name })}
      />
      <CheckField
        label={t('ruleEnabled')}
        checked={draft.value.enabled}
        onChange={(enabled) => set({ enabled })}
      />
      <SelectField
        label={t('ruleTrigger')}
        value={kind}
        choices={keyedChoices(TRIGGER_KEYS)}
        onChange={setKind}
      />
      {kind === 'keywords' ? (
        <TextField
          label={t('ruleKeywords')}
          rows={3}
          value={keywords.value}
          describedBy={checkId}
          onInput={(text) => (keywords.value = text)}
        />
      ) : null}
      {kind === 'regex' ? (
        <TextField
          label={t('rulePattern')}
          value={draft.value.trigger.pattern ?? ''}
          spellcheck={false}
          class="mono"
          describedBy={checkId}
          onInput={(pattern) => set({ trigger: { kind: 'regex', pattern } })}
        />
      ) : null}
      <p id={checkId} class={verdict.ok ? 'muted' : 'error'} aria-live="polite">
        {verdict.ok ? t('ruleValid') : ruleErrorText(verdict.code, verdict.position)}
      </p>
      <SelectField
        label={t('ruleTemplate')}
        value={draft.value.templateId}
        choices={templates.map((template) => ({ value: template.id, label: template.name }))}
        onChange={(templateId) => set({ templateId })}
      />
      <RuleLanguages
        value={draft.value.languageTemplates}
        templates={templates}
        onChange={(languageTemplates) => set({ languageTemplates })}
      />
      {withField ? (
        <p class="error" role="alert">
          {t('storageProblem_fieldInRule', rule.name || t('ruleNewTitle'))}
        </p>
      ) : null}
      <SelectField<ReplyMode>
        label={t('ruleMode')}
        value={draft.value.mode}
        choices={keyedChoices(MODE_KEYS)}
        onChange={(mode) => set({ mode })}
      >
        {draft.value.mode === 'auto' && !settings.autoSendAcknowledged ? (
          <p class="notice-warn">{t('ruleAutoNeedsAck')}</p>
        ) : null}
      </SelectField>
      <NumberField
        label={t('ruleGraceMinutes')}
        value={grace.value}
        min={0}
        max={MAX_GRACE_MINUTES}
        hint={t('ruleGraceHint')}
        error={
          graceMinutes === null || !Number.isInteger(graceMinutes)
            ? t('ruleGraceInvalid', String(MAX_GRACE_MINUTES))
            : undefined
        }
        onInput={(text) => (grace.value = text)}
      />
      <SelectField<Rule['when']>
        label={t('ruleWhen')}
        value={draft.value.when}
        choices={[
          { value: 'away', label: t('ruleWhenAway') },
          { value: 'always', label: t('ruleWhenAlways') },
        ]}
        onChange={(when) => set({ when })}
      />
      <CheckField
        label={t('ruleAnswerUrgent')}
        hint={t('ruleAnswerUrgentHint')}
        checked={draft.value.answerUrgent === true}
        onChange={(answerUrgent) => set({ answerUrgent })}
      />
    </EditorForm>
  );
}
