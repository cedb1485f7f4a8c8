import { useSignal } from '@preact/signals';
import type { Rule, Settings } from '../core/types.ts';
import { deleteRule, listRules, putRule, reorderRules } from '../storage/rules.ts';
import { listTemplates } from '../storage/templates.ts';
import { uiDb } from '../ui/db.ts';
import { t } from '../ui/i18n.ts';
import { liveValue, useLive } from '../ui/live.ts';
import { problemText } from '../ui/problem-words.ts';
import { moved, newId, reorderKey } from '../ui/reorder.ts';
import { MODE_KEYS, TRIGGER_KEYS } from '../ui/words.ts';
import { ReorderButtons } from './reorder-buttons.tsx';
import { RuleEditor } from './rule-editor.tsx';

export function RulesSection({ settings }: { settings: Settings }) {
  const live = useLive(async () => ({
    rules: await listRules(uiDb()),
    templates: await listTemplates(uiDb()),
  }));
  const { rules, templates } = liveValue(live.value, { rules: [], templates: [] });
  const editing = useSignal<Rule | null>(null);
  const message = useSignal('');
  const ids = rules.map((rule) => rule.id);

  const move = async (index: number, delta: number) => {
    const next = moved(ids, index, delta);
    if (!next) return;
    const outcome = await reorderRules(uiDb(), next);
    message.value = outcome.ok ? t('movedTo', next.indexOf(ids[index]!) + 1) : problemText(outcome.problem);
  };
  const setEnabled = async (rule: Rule, enabled: boolean) => {
    const outcome = await putRule(uiDb(), { ...rule, enabled });
    if (!outcome.ok) message.value = problemText(outcome.problem);
  };
  const add = () => {
    const last = rules.at(-1);
    editing.value = {
      id: newId('rule'),
      name: '',
      enabled: true,
      priority: (last?.priority ?? 0) + 10,
      trigger: { kind: 'any' },
      mode: 'suggest',
      when: 'away',
      templateId: templates[0]?.id ?? '',
    };
  };
  const templateName = (id: string) =>
    templates.find((template) => template.id === id)?.name ?? t('ruleNoTemplate');

  return (
    <div class="stack">
      <h2>{t('rulesTitle')}</h2>
      <p class="muted">{t('rulesIntro')}</p>
      <ol class="plain stack">
        {rules.map((rule, index) => (
          <li
            key={rule.id}
            class="card row list-item"
            onKeyDown={(event) => {
              const delta = reorderKey(event);
              if (delta !== null) {
                event.preventDefault();
                void move(index, delta);
              }
            }}
          >
            <input
              type="checkbox"
              checked={rule.enabled}
              aria-label={t('ruleEnabledFor', rule.name)}
              onChange={(e) => void setEnabled(rule, e.currentTarget.checked)}
            />
            <span class="grow">
              <strong>{rule.name}</strong>
              <span class="muted block">
                {t(
                  'ruleSummary',
                  t(TRIGGER_KEYS[rule.trigger.kind]),
                  templateName(rule.templateId),
                  t(MODE_KEYS[rule.mode]),
                )}
              </span>
            </span>
            <ReorderButtons
              name={rule.name}
              index={index}
              count={rules.length}
              onMove={(d) => void move(index, d)}
            />
            <button type="button" aria-label={t('editFor', rule.name)} onClick={() => (editing.value = rule)}>
              {t('actionEdit')}
            </button>
            <button
              type="button"
              class="danger"
              aria-label={t('deleteFor', rule.name)}
              onClick={() => void deleteRule(uiDb(), rule.id)}
            >
              {t('actionDelete')}
            </button>
          </li>
        ))}
      </ol>
      {rules.length === 0 && live.value.state === 'ready' ? <p class="muted">{t('rulesEmpty')}</p> : null}
      <p role="status">{message.value}</p>
      {editing.value ? (
        <RuleEditor
          key={editing.value.id}
          initial={editing.value}
          templates={templates}
          settings={settings}
          onDone={() => (editing.value = null)}
        />
      ) : (
        <button type="button" class="primary" onClick={add} disabled={templates.length === 0}>
          {t('ruleAdd')}
        </button>
      )}
    </div>
  );
}
