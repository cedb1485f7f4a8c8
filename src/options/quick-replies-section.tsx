import type { Template } from '../core/types.ts';
import { listTemplates, putTemplate } from '../storage/templates.ts';
import { uiDb } from '../ui/db.ts';
import { t } from '../ui/i18n.ts';
import { liveValue, useLive } from '../ui/live.ts';

/** Which templates the popup offers as quick replies, in the templates' order. */
export function QuickRepliesSection() {
  const live = useLive(() => listTemplates(uiDb()));
  const templates = liveValue(live.value, []);
  const toggle = (template: Template, quickReply: boolean) =>
    void putTemplate(uiDb(), { ...template, quickReply });
  return (
    <div class="stack">
      <h2>{t('quickSectionTitle')}</h2>
      <p class="muted">{t('quickSectionIntro')}</p>
      <fieldset class="stack">
        <legend>{t('quickSectionLegend')}</legend>
        {templates.map((template) => (
          <label key={template.id} class="check">
            <input
              type="checkbox"
              checked={template.quickReply}
              onChange={(e) => toggle(template, e.currentTarget.checked)}
            />
            <span>
              <strong>{template.name}</strong> <span class="muted">{template.body}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
