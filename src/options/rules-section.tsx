import { useSignal } from '@preact/signals';
import { validateRule } from '../core/rules.ts';
import type { Rule, Settings } from '../core/types.ts';
import { uiDb } from '../shared/db.ts';
import { t } from '../shared/i18n.ts';
import { deleteRule, listRules, putRule, reorderRules } from '../storage/rules.ts';
import { listTemplates } from '../storage/templates.ts';
import { ListEditor } from '../ui/list-editor.tsx';
import { liveValue, useLive } from '../ui/live.ts';
import { problemText, ruleErrorText } from '../ui/problem-words.ts';
import { newId } from '../ui/reorder.ts';
import { MODE_KEYS, TRIGGER_KEYS } from '../ui/words.ts';
import { RuleEditor } from './rule-editor.tsx';

export function RulesSection({ settings }: { settings: Settings }) {
  const live = useLive(async () => ({
    rules: await listRules(uiDb()),
    templates: await listTemplates(uiDb()),
  }));
  const { rules, templates } = liveValue(live.value, { rules: [], templates: [] });
  const editing = useSignal<Rule | null>(null);
  const message = useSignal('');

  const setEnabled = async (rule: Rule, enabled: boolean) => {
    const outcome = await putRule(uiDb(), { ...rule, enabled });
    message.value = outcome.ok
      ? t(enabled ? 'ruleTurnedOn' : 'ruleTurnedOff', rule.name)
      : problemText(outcome.problem);
  };
  const newRule = (): Rule => ({
    id: newId('rule'),
    name: '',
    enabled: true,
    priority: (rules.at(-1)?.priority ?? 0) + 10,
    trigger: { kind: 'any' },
    mode: 'suggest',
    when: 'away',
    templateId: templates[0]?.id ?? '',
  });
  const templateName = (id: string) =>
    templates.find((template) => template.id === id)?.name ?? t('ruleNoTemplate');

  return (
    <ListEditor
      title={t('rulesTitle')}
      intro={t('rulesIntro')}
      items={rules}
      reorder={(ids) => reorderRules(uiDb(), ids)}
      onDelete={(rule) => void deleteRule(uiDb(), rule.id)}
      summary={(rule) => (
        <>
          <span class="grow">
            <strong>{rule.name}</strong>
            {rule.enabled ? null : <span class="muted"> · {t('ruleIsOff')}</span>}
            <span class="muted block">
              {t(
                'ruleSummary',
                t(TRIGGER_KEYS[rule.trigger.kind]),
                templateName(rule.templateId),
                t(MODE_KEYS[rule.mode]),
              )}
            </span>
            <RefusedNotice rule={rule} />
          </span>
          {/* A button acts at once, like moving or deleting; fields wait for Save. */}
          <button
            type="button"
            aria-label={t(rule.enabled ? 'ruleTurnOffFor' : 'ruleTurnOnFor', rule.name)}
            onClick={() => void setEnabled(rule, !rule.enabled)}
          >
            {t(rule.enabled ? 'ruleTurnOff' : 'ruleTurnOn')}
          </button>
        </>
      )}
      empty={
        rules.length === 0 && live.value.state === 'ready' ? <p class="muted">{t('rulesEmpty')}</p> : null
      }
      message={message}
      editing={editing}
      editor={(rule, done) => (
        <RuleEditor key={rule.id} initial={rule} templates={templates} settings={settings} onDone={done} />
      )}
      addLabel={t('ruleAdd')}
      newItem={newRule}
      addDisabled={templates.length === 0}
    />
  );
}

/** A rule stored before today's checks refused it (e.g. a regex with a lookahead) says so in the list. */
function RefusedNotice({ rule }: { rule: Rule }) {
  const verdict = validateRule(rule);
  if (verdict.ok) return null;
  return (
    <span class="error block">{t('ruleRefusedNotice', ruleErrorText(verdict.code, verdict.position))}</span>
  );
}
