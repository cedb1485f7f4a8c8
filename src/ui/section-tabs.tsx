import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabItem {
  id: string;
  label: string;
}

export interface TabGroup {
  id: string;
  label: string;
  items: readonly TabItem[];
}

interface SectionTabsProps {
  groups: readonly TabGroup[];
  current: string;
  onSelect: (id: string) => void;
  /** What the whole column is, for the landmark around the groups. */
  label: string;
  children: ComponentChildren;
}

/**
 * Vertical tabs in named groups (one tab list per group, WAI-ARIA tabs pattern): ↑/↓ move through every
 * tab, group after group, Home/End jump to the first and last; Tab goes into the section. Only the
 * selected tab is in the tab order, so the whole column costs one Tab press.
 */
export function SectionTabs({ groups, current, onSelect, label, children }: SectionTabsProps) {
  const navRef = useRef<HTMLElement>(null);
  const items = groups.flatMap((group) => group.items);
  const move = (index: number) => {
    const item = items[(index + items.length) % items.length];
    if (!item) return;
    onSelect(item.id);
    navRef.current?.querySelector<HTMLElement>(`#tab-${item.id}`)?.focus();
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
      <nav ref={navRef} aria-label={label} class="tab-groups" onKeyDown={onKeyDown}>
        {groups.map((group) => (
          <div key={group.id} class="tab-group">
            <h2 id={`group-${group.id}`} class="tab-group-title">
              {group.label}
            </h2>
            <div role="tablist" aria-orientation="vertical" aria-labelledby={`group-${group.id}`}>
              {group.items.map((item) => (
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
          </div>
        ))}
      </nav>
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`} class="section-panel">
        {children}
      </div>
    </div>
  );
}
