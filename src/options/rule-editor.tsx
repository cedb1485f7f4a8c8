import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { validateRule } from '../core/rules.ts';
import type { ReplyMode, Rule, Settings, Template, TriggerKind } from '../core/types.ts';
import { putRule } from '../storage/rules.ts';
import { uiDb } from '../ui/db.ts';
import { CheckField } from '../ui/fields.tsx';
import { t } from '../ui/i18n.ts';
import { ruleErrorText } from '../ui/problem-words.ts';
import { outcomeState, type SaveState, SaveStatus } from '../ui/save-status.tsx';
import { MODE_KEYS, TRIGGER_KEYS } from '../ui/words.ts';

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
  const id = useId();
  const draft = useSignal(initial);
  const keywords = useSignal((initial.trigger.keywords ?? []).join('\n'));
  const saveState = useSignal<SaveState>({ kind: 'idle' });
  const set = (change: Partial<Rule>) => {
    draft.value = { ...draft.value, ...change };
  };
  const rule: Rule = {
    ...draft.value,
    name: draft.value.name.trim(),
    trigger:
      draft.value.trigger.kind === 'keywords'
        ? { kind: 'keywords', keywords: parseKeywords(keywords.value) }
        : draft.value.trigger,
  };
  const verdict = validateRule(rule);
  const nameMissing = rule.name === '';
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!verdict.ok || nameMissing) return;
    const outcome = await putRule(uiDb(), rule);
    saveState.value = outcomeState(outcome);
    if (outcome.ok) onDone();
  };
  const kind = draft.value.trigger.kind;
  return (
    <form class="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{initial.name ? t('ruleEditTitle', initial.name) : t('ruleNewTitle')}</h3>
      <div class="field">
        <label for={`${id}-name`}>{t('ruleName')}</label>
        <input
          id={`${id}-name`}
          value={draft.value.name}
          maxLength={200}
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
      </div>
      <CheckField
        label={t('ruleEnabled')}
        checked={draft.value.enabled}
        onChange={(enabled) => set({ enabled })}
      />
      <div class="field">
        <label for={`${id}-kind`}>{t('ruleTrigger')}</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => {
            const next = e.currentTarget.value as TriggerKind;
            set({
              trigger:
                next === 'regex'
                  ? { kind: next, pattern: draft.value.trigger.pattern ?? '' }
                  : { kind: next },
            });
          }}
        >
          {(Object.keys(TRIGGER_KEYS) as TriggerKind[]).map((k) => (
            <option key={k} value={k}>
              {t(TRIGGER_KEYS[k])}
            </option>
          ))}
        </select>
      </div>
      {kind === 'keywords' ? (
        <div class="field">
          <label for={`${id}-keywords`}>{t('ruleKeywords')}</label>
          <textarea
            id={`${id}-keywords`}
            rows={3}
            value={keywords.value}
            aria-describedby={`${id}-check`}
            onInput={(e) => (keywords.value = e.currentTarget.value)}
          />
        </div>
      ) : null}
      {kind === 'regex' ? (
        <div class="field">
          <label for={`${id}-pattern`}>{t('rulePattern')}</label>
          <input
            id={`${id}-pattern`}
            value={draft.value.trigger.pattern ?? ''}
            spellcheck={false}
            class="mono"
            aria-describedby={`${id}-check`}
            onInput={(e) => set({ trigger: { kind: 'regex', pattern: e.currentTarget.value } })}
          />
        </div>
      ) : null}
      <p id={`${id}-check`} class={verdict.ok ? 'muted' : 'error'} aria-live="polite">
        {verdict.ok ? t('ruleValid') : ruleErrorText(verdict.code, verdict.position)}
      </p>
      <div class="field">
        <label for={`${id}-template`}>{t('ruleTemplate')}</label>
        <select
          id={`${id}-template`}
          value={draft.value.templateId}
          onChange={(e) => set({ templateId: e.currentTarget.value })}
        >
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-mode`}>{t('ruleMode')}</label>
        <select
          id={`${id}-mode`}
          value={draft.value.mode}
          onChange={(e) => set({ mode: e.currentTarget.value as ReplyMode })}
        >
          <option value="suggest">{t(MODE_KEYS.suggest)}</option>
          <option value="auto">{t(MODE_KEYS.auto)}</option>
        </select>
        {draft.value.mode === 'auto' && !settings.autoSendAcknowledged ? (
          <p class="notice-warn">{t('ruleAutoNeedsAck')}</p>
        ) : null}
      </div>
      <div class="field">
        <label for={`${id}-when`}>{t('ruleWhen')}</label>
        <select
          id={`${id}-when`}
          value={draft.value.when}
          onChange={(e) => set({ when: e.currentTarget.value as Rule['when'] })}
        >
          <option value="away">{t('ruleWhenAway')}</option>
          <option value="always">{t('ruleWhenAlways')}</option>
        </select>
      </div>
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
