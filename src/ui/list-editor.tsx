import type { Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { t } from '../shared/i18n.ts';
import type { Outcome } from '../storage/problems.ts';
import { useGuard } from './leave-guard.tsx';
import { problemText } from './problem-words.ts';
import { moved, reorderKey } from './reorder.ts';
import { ReorderButtons } from './reorder-buttons.tsx';

export interface ListedItem {
  id: string;
  name: string;
}

interface ListEditorProps<T extends ListedItem> {
  title: string;
  intro: string;
  items: readonly T[];
  /** Stores a new order of the ids. */
  reorder: (ids: string[]) => Promise<Outcome<unknown>>;
  onDelete: (item: T) => void;
  /** What a row shows before its buttons. */
  summary: (item: T) => ComponentChildren;
  /** Under the list, e.g. what an empty list means. */
  empty?: ComponentChildren;
  /** The status line: moves and the section's own results (which it writes here too). */
  message: Signal<string>;
  /** The item being edited, or null to show the add button. */
  editing: Signal<T | null>;
  editor: (item: T, done: () => void) => ComponentChildren;
  addLabel: string;
  newItem: () => T;
  addDisabled?: boolean;
}

/**
 * An ordered list of named things (rules, templates): move with the buttons or Alt+↑/↓, edit, delete, add.
 * The order is the product's priority, so every move is said in the status line.
 */
export function ListEditor<T extends ListedItem>(props: ListEditorProps<T>) {
  const { items, message, editing } = props;
  // Opening another editor closes the open one: its unsaved changes are asked about first.
  const guard = useGuard();
  const edit = (item: T) => guard(() => (editing.value = item));
  const ids = items.map((item) => item.id);
  const move = async (index: number, delta: number) => {
    const next = moved(ids, index, delta);
    if (!next) return;
    const outcome = await props.reorder(next);
    message.value = outcome.ok ? t('movedTo', next.indexOf(ids[index]!) + 1) : problemText(outcome.problem);
  };
  return (
    <div class="stack">
      <h2>{props.title}</h2>
      <p class="muted">{props.intro}</p>
      <ol class="plain stack">
        {items.map((item, index) => (
          <li
            key={item.id}
            class="card row list-item"
            onKeyDown={(event) => {
              const delta = reorderKey(event);
              if (delta !== null) {
                event.preventDefault();
                void move(index, delta);
              }
            }}
          >
            {props.summary(item)}
            <ReorderButtons
              name={item.name}
              index={index}
              count={items.length}
              onMove={(d) => void move(index, d)}
            />
            <button type="button" aria-label={t('editFor', item.name)} onClick={() => edit(item)}>
              {t('actionEdit')}
            </button>
            <button
              type="button"
              class="danger"
              aria-label={t('deleteFor', item.name)}
              onClick={() => props.onDelete(item)}
            >
              {t('actionDelete')}
            </button>
          </li>
        ))}
      </ol>
      {props.empty}
      <p role="status">{message.value}</p>
      {editing.value ? (
        props.editor(editing.value, () => (editing.value = null))
      ) : (
        <button
          type="button"
          class="primary"
          onClick={() => edit(props.newItem())}
          disabled={props.addDisabled}
        >
          {props.addLabel}
        </button>
      )}
    </div>
  );
}
