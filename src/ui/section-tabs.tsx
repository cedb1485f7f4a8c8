import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabItem {
  id: string;
  label: string;
}

interface SectionTabsProps {
  items: readonly TabItem[];
  current: string;
  onSelect: (id: string) => void;
  label: string;
  children: ComponentChildren;
}

/**
 * A vertical tab list (WAI-ARIA tabs pattern): ↑/↓ move and select, Home/End jump, Tab goes into the
 * section. Only the selected tab is in the tab order, so the list costs one Tab press.
 */
export function SectionTabs({ items, current, onSelect, label, children }: SectionTabsProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const move = (index: number) => {
    const item = items[(index + items.length) % items.length];
    if (!item) return;
    onSelect(item.id);
    listRef.current?.querySelector<HTMLElement>(`#tab-${item.id}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = items.findIndex((item) => item.id === current);
    const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    move(target);
  };
  return (
    <div class="section-tabs">
      <div ref={listRef} role="tablist" aria-orientation="vertical" aria-label={label} onKeyDown={onKeyDown}>
        {items.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={`tab-${item.id}`}
            aria-selected={item.id === current}
            aria-controls={`panel-${item.id}`}
            tabIndex={item.id === current ? 0 : -1}
            onClick={() => onSelect(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`} class="section-panel">
        {children}
      </div>
    </div>
  );
}
