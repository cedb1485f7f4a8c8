import { useSignal } from '@preact/signals';
import { localeInfo } from '../core/locales.ts';
import type { Settings, Template } from '../core/types.ts';
import { uiDb } from '../shared/db.ts';
import { lang, t } from '../shared/i18n.ts';
import { deleteTemplate, listTemplates, reorderTemplates } from '../storage/templates.ts';
import { ListEditor } from '../ui/list-editor.tsx';
import { liveValue, useLive } from '../ui/live.ts';
import { problemText } from '../ui/problem-words.ts';
import { newId } from '../ui/reorder.ts';
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

  const remove = async (template: Template) => {
    const outcome = await deleteTemplate(uiDb(), template.id);
    message.value = outcome.ok ? t('templateDeleted', template.name) : problemText(outcome.problem);
  };

  return (
    <ListEditor
      title={t('templatesTitle')}
      intro={t('templatesIntro')}
      items={templates}
      reorder={(ids) => reorderTemplates(uiDb(), ids)}
      onDelete={(template) => void remove(template)}
      summary={(template) => (
        <span class="grow">
          <strong>{template.name}</strong>{' '}
          <span class="muted">
            {localeInfo(template.locale).tag.toUpperCase()}
            {template.quickReply ? ` · ${t('templateIsQuick')}` : ''}
          </span>
        </span>
      )}
      message={message}
      editing={editing}
      editor={(template, done) => (
        <TemplateEditor key={template.id} initial={template} settings={settings} onDone={done} />
      )}
      addLabel={t('templateAdd')}
      newItem={() => blankTemplate(lang.value)}
    />
  );
}
