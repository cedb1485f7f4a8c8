import { useSignal } from '@preact/signals';
import { useId, useRef } from 'preact/hooks';
import {
  type FieldValues,
  fillWith,
  showFields,
  type TemplateField,
  templateFields,
} from '../core/template-fields.ts';
import type { Settings, Template } from '../core/types.ts';
import type { OpenThread } from '../messaging/ui.ts';
import { t } from '../shared/i18n.ts';
import { replyText } from '../ui/reply-text.ts';
import { QuickFields } from './quick-fields.tsx';

export interface QuickReply {
  id: string;
  name: string;
  /** What gets inserted; with fields, a preview showing each as `[Label]`. */
  text: string;
  /** Only for a template with fields: what to ask, and the text once answered. */
  ask?: { fields: TemplateField[]; fill: (values: FieldValues) => string };
}

/** Each template rendered once for this contact, so the preview is exactly what gets inserted. */
export function renderQuickReplies(
  templates: readonly Template[],
  thread: OpenThread,
  settings: Settings,
  now: number,
  rng: () => number = Math.random,
): QuickReply[] {
  const recipient = { senderName: thread.contactName, senderHandle: thread.contactHandle };
  return templates.map((template) => {
    const fields = templateFields(template.body);
    if (fields.length === 0) {
      return {
        id: template.id,
        name: template.name,
        text: replyText(template, recipient, settings, now, rng),
      };
    }
    // The answers must land in the text the list showed: replay the same random draws for the variations.
    const draws: number[] = [];
    const recording = () => {
      const draw = rng();
      draws.push(draw);
      return draw;
    };
    const text = replyText(template, recipient, settings, now, recording, showFields);
    const fill = (values: FieldValues) => {
      let i = 0;
      return replyText(template, recipient, settings, now, () => draws[i++] ?? 0, fillWith(values));
    };
    return { id: template.id, name: template.name, text, ask: { fields, fill } };
  });
}

export function filterReplies(replies: readonly QuickReply[], query: string): QuickReply[] {
  const words = query.toLocaleLowerCase().split(/\s+/u).filter(Boolean);
  return replies.filter((reply) => {
    const haystack = `${reply.name} ${reply.text}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

interface QuickRepliesProps {
  replies: QuickReply[];
  onPick: (reply: QuickReply) => void;
}

/**
 * A search box driving a list (the ARIA combobox pattern): typing filters, ↑/↓ move, Enter inserts, and
 * focus stays in the box the whole time so the keyboard never gets lost.
 */
export function QuickReplies({ replies, onPick }: QuickRepliesProps) {
  const id = useId();
  const query = useSignal('');
  const active = useSignal(0);
  // A reply with fields asks for them first (quick-fields.tsx), then goes out as plain text.
  const asking = useSignal<QuickReply | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const pick = (reply: QuickReply) => {
    if (reply.ask) asking.value = reply;
    else onPick(reply);
  };
  const backToList = () => {
    asking.value = null;
    requestAnimationFrame(() => search.current?.focus());
  };
  const asked = asking.value;
  if (asked?.ask) {
    return (
      <QuickFields
        reply={{ ...asked, ask: asked.ask }}
        onBack={backToList}
        onInsert={(text) => {
          backToList();
          onPick({ id: asked.id, name: asked.name, text });
        }}
      />
    );
  }
  const list = filterReplies(replies, query.value);
  const current = Math.max(0, Math.min(active.value, list.length - 1));
  const optionId = (index: number) => `${id}-option-${index}`;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active.value = (current + step + list.length) % list.length;
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const reply = list[current];
      if (reply) pick(reply);
    }
  };

  return (
    <div class="stack">
      <label for={`${id}-search`}>{t('quickSearchLabel')}</label>
      <input
        ref={search}
        id={`${id}-search`}
        type="search"
        role="combobox"
        aria-expanded={list.length > 0}
        aria-controls={list.length > 0 ? `${id}-list` : undefined}
        aria-autocomplete="list"
        aria-activedescendant={list.length > 0 ? optionId(current) : undefined}
        value={query.value}
        onInput={(event) => {
          query.value = event.currentTarget.value;
          active.value = 0;
        }}
        onKeyDown={onKeyDown}
      />
      {list.length === 0 ? (
        <p class="muted">{t('quickNoMatch')}</p>
      ) : (
        <div id={`${id}-list`} role="listbox" aria-label={t('quickListLabel')}>
          {list.map((reply, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard drives this list from the search box.
            <div
              key={reply.id}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === current}
              onClick={() => pick(reply)}
            >
              <strong>{reply.name}</strong>
              <span class="quick-text">{reply.text}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
