import { useSignal } from '@preact/signals';
import type { Template } from '../core/types.ts';
import { uiDb } from '../shared/db.ts';
import { t } from '../shared/i18n.ts';
import type { AwayDb } from '../storage/db.ts';
import type { Outcome } from '../storage/problems.ts';
import { listTemplates, putTemplate } from '../storage/templates.ts';
import { liveValue, useLive } from '../ui/live.ts';
import { outcomeState, SaveRow, type SaveState } from '../ui/save-status.tsx';
import { useUnsaved } from '../ui/unsaved.ts';

/** Which templates are offered, by id, as the form holds them. */
type Offered = Record<string, boolean>;

/** Stores which templates are quick replies, in one transaction: all of them or none. */
export async function saveQuickReplies(db: AwayDb, offered: Offered): Promise<Outcome<unknown>> {
  // putTemplate reads the rules too (a template a rule sends must not hold a field).
  return db.transaction('rw', [db.templates, db.rules], async () => {
    for (const template of await listTemplates(db)) {
      const quickReply = offered[template.id];
      if (quickReply === undefined || quickReply === template.quickReply) continue;
      const outcome = await putTemplate(db, { ...template, quickReply });
      if (!outcome.ok) return outcome;
    }
    return { ok: true as const, value: undefined };
  });
}

const changesOf = (templates: readonly Template[], offered: Offered): Offered =>
  Object.fromEntries(
    Object.entries(offered).filter(([id, on]) => templates.find((tpl) => tpl.id === id)?.quickReply !== on),
  );

/** Which templates the popup offers as quick replies, in the templates' order; stored on Save. */
export function QuickRepliesSection() {
  const live = useLive(() => listTemplates(uiDb()));
  const templates = liveValue(live.value, []);
  // Only the boxes changed since the stored state: the rest follow the stored templates.
  const changed = useSignal<Offered>({});
  const state = useSignal<SaveState>({ kind: 'idle' });
  const pending = changesOf(templates, changed.value);
  const dirty = Object.keys(pending).length > 0;
  const saveDraft = async () => {
    const outcome = await saveQuickReplies(uiDb(), pending);
    state.value = outcomeState(outcome);
    if (outcome.ok) changed.value = {};
    return outcome.ok;
  };
  useUnsaved(
    () => Object.keys(changesOf(templates, changed.value)).length > 0,
    t('sectionQuickReplies'),
    saveDraft,
  );
  return (
    <form
      class="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void saveDraft();
      }}
    >
      <h2>{t('quickSectionTitle')}</h2>
      <p class="muted">{t('quickSectionIntro')}</p>
      <fieldset class="stack">
        <legend>{t('quickSectionLegend')}</legend>
        {templates.map((template) => (
          <label key={template.id} class="check">
            <input
              type="checkbox"
              checked={pending[template.id] ?? template.quickReply}
              onChange={(e) => (changed.value = { ...changed.value, [template.id]: e.currentTarget.checked })}
            />
            <span>
              <strong>{template.name}</strong> <span class="muted">{template.body}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <SaveRow state={state.value} dirty={dirty} />
    </form>
  );
}
