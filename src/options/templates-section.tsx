import { useSignal } from '@preact/signals';
import type { Settings, Template } from '../core/types.ts';
import { deleteTemplate, listTemplates, reorderTemplates } from '../storage/templates.ts';
import { uiDb } from '../ui/db.ts';
import { t } from '../ui/i18n.ts';
import { liveValue, useLive } from '../ui/live.ts';
import { problemText } from '../ui/problem-words.ts';
import { moved, newId, reorderKey } from '../ui/reorder.ts';
import { ReorderButtons } from './reorder-buttons.tsx';
import { TemplateEditor } from './template-editor.tsx';

const blankTemplate = (locale: Template['locale']): Template => ({
  id: newId('template'),
  name: '',
  body: '',
  locale,
  quickReply: false,
});

export function TemplatesSection({ settings }: { settings: Settings }) {
  const live = useLive(() => listTemplates(uiDb()));
  const templates = liveValue(live.value, []);
  const editing = useSignal<Template | null>(null);
  const message = useSignal('');
  const ids = templates.map((template) => template.id);

  const move = async (index: number, delta: number) => {
    const next = moved(ids, index, delta);
    if (!next) return;
    const outcome = await reorderTemplates(uiDb(), next);
    message.value = outcome.ok ? t('movedTo', next.indexOf(ids[index]!) + 1) : problemText(outcome.problem);
  };
  const remove = async (template: Template) => {
    const outcome = await deleteTemplate(uiDb(), template.id);
    message.value = outcome.ok ? t('templateDeleted', template.name) : problemText(outcome.problem);
  };

  return (
    <div class="stack">
      <h2>{t('templatesTitle')}</h2>
      <p class="muted">{t('templatesIntro')}</p>
      <ol class="plain stack">
        {templates.map((template, index) => (
          <li
            key={template.id}
            class="card row list-item"
            onKeyDown={(event) => {
              const delta = reorderKey(event);
              if (delta !== null) {
                event.preventDefault();
                void move(index, delta);
              }
            }}
          >
            <span class="grow">
              <strong>{template.name}</strong>{' '}
              <span class="muted">
                {template.locale.toUpperCase()}
                {template.quickReply ? ` · ${t('templateIsQuick')}` : ''}
              </span>
            </span>
            <ReorderButtons
              name={template.name}
              index={index}
              count={templates.length}
              onMove={(d) => void move(index, d)}
            />
            <button
              type="button"
              aria-label={t('editFor', template.name)}
              onClick={() => (editing.value = template)}
            >
              {t('actionEdit')}
            </button>
            <button
              type="button"
              class="danger"
              aria-label={t('deleteFor', template.name)}
              onClick={() => void remove(template)}
            >
              {t('actionDelete')}
            </button>
          </li>
        ))}
      </ol>
      <p role="status">{message.value}</p>
      {editing.value ? (
        <TemplateEditor
          key={editing.value.id}
          initial={editing.value}
          settings={settings}
          onDone={() => (editing.value = null)}
        />
      ) : (
        <button
          type="button"
          class="primary"
          onClick={() => (editing.value = blankTemplate(settings.uiLocale === 'fr' ? 'fr' : 'en'))}
        >
          {t('templateAdd')}
        </button>
      )}
    </div>
  );
}
