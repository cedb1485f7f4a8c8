import { useSignal } from '@preact/signals';
import type { Decision, Settings, ThreadKind } from '../core/types.ts';
import { uiDb } from '../shared/db.ts';
import { formatDateTime, t } from '../shared/i18n.ts';
import { detectMessageLanguage } from '../shared/language-detection.ts';
import { CheckField } from '../ui/fields.tsx';
import { keyedChoices, SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { loopSignalText, MODE_KEYS, reasonText, THREAD_KIND_KEYS } from '../ui/words.ts';
import { dryRun } from './dry-run.ts';
import { LanguageView } from './dry-run-language.tsx';

/** The decision in words: what would be sent and how, or why nothing would be. */
export function DecisionView({
  decision,
  ruleName,
  templateName = (id) => id,
}: {
  decision: Decision;
  ruleName: (id: string) => string;
  templateName?: (id: string) => string;
}) {
  if (decision.kind === 'reply') {
    return (
      <div class="card stack">
        <p>
          <strong>{t(decision.mode === 'auto' ? 'dryRunWouldSend' : 'dryRunWouldSuggest')}</strong>
        </p>
        <p class="quote">{decision.text}</p>
        <p class="muted">{t('dryRunRule', ruleName(decision.ruleId), t(MODE_KEYS[decision.mode]))}</p>
        {decision.language ? (
          <LanguageView
            pick={decision.language}
            templateName={templateName}
            displayIn={document.documentElement.lang || 'en'}
          />
        ) : null}
        {decision.mode === 'auto' ? (
          <p class="muted">{t('dryRunDelay', Math.round(decision.timing.totalMs / 1000))}</p>
        ) : null}
      </div>
    );
  }
  const detail = decision.detail ?? '';
  return (
    <div class="card stack">
      <p>
        <strong>{t('dryRunWouldSkip')}</strong> {reasonText(decision.reason)}
      </p>
      {decision.reason === 'looksAutomatic' && loopSignalText(detail) ? (
        <p class="muted">{loopSignalText(detail)}</p>
      ) : null}
      {(decision.reason === 'templateMissing' || decision.reason === 'templateInvalid') && detail ? (
        <p class="muted">{t('dryRunRuleOnly', ruleName(detail))}</p>
      ) : null}
      {decision.retryAt !== undefined ? (
        <p class="muted">{t('dryRunRetry', formatDateTime(decision.retryAt))}</p>
      ) : null}
    </div>
  );
}

export function DryRunSection({ settings }: { settings: Settings }) {
  const text = useSignal('');
  const handle = useSignal('');
  const name = useSignal('');
  const kind = useSignal<ThreadKind>('direct');
  const pretendAway = useSignal(true);
  const result = useSignal<{
    decision: Decision;
    rules: Map<string, string>;
    templates: Map<string, string>;
  } | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const db = uiDb();
    const decision = await dryRun(
      db,
      settings,
      {
        text: text.value,
        senderHandle: handle.value,
        senderName: name.value,
        threadKind: kind.value,
        pretendAway: pretendAway.value,
        autoReplyLabel: t('autoReplyLabel'),
        // The same on-device detection the worker runs on a real message.
        language: await detectMessageLanguage(text.value),
      },
      Date.now(),
    );
    const rules = new Map((await db.rules.toArray()).map((rule) => [rule.id, rule.name]));
    const templates = new Map((await db.templates.toArray()).map((template) => [template.id, template.name]));
    result.value = { decision, rules, templates };
  };
  return (
    <form class="stack" onSubmit={submit} noValidate>
      <h2>{t('dryRunTitle')}</h2>
      <p class="muted">{t('dryRunIntro')}</p>
      <TextField label={t('dryRunText')} rows={3} value={text.value} onInput={(v) => (text.value = v)} />
      <div class="row">
        <TextField
          label={t('dryRunHandle')}
          value={handle.value}
          spellcheck={false}
          onInput={(v) => (handle.value = v)}
        />
        <TextField label={t('dryRunName')} value={name.value} onInput={(v) => (name.value = v)} />
        <SelectField
          label={t('dryRunKind')}
          value={kind.value}
          choices={keyedChoices(THREAD_KIND_KEYS)}
          onChange={(v) => (kind.value = v)}
        />
      </div>
      <CheckField
        label={t('dryRunPretendAway')}
        checked={pretendAway.value}
        onChange={(v) => (pretendAway.value = v)}
      />
      <button type="submit" class="primary">
        {t('dryRunRun')}
      </button>
      <div aria-live="polite">
        {result.value ? (
          <DecisionView
            decision={result.value.decision}
            ruleName={(ruleId) => result.value?.rules.get(ruleId) ?? ruleId}
            templateName={(id) => result.value?.templates.get(id) ?? id}
          />
        ) : null}
      </div>
    </form>
  );
}
