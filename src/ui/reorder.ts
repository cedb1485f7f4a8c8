/** The ids with the one at `index` moved by `delta` places; unchanged when that leaves the list. */
export function moved(ids: readonly string[], index: number, delta: number): string[] | null {
  const target = index + delta;
  if (index < 0 || index >= ids.length || target < 0 || target >= ids.length) return null;
  const next = [...ids];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as string);
  return next;
}

/** Alt+↑ / Alt+↓ on a list item moves it, like the Move up / Move down buttons next to it. */
export function reorderKey(event: KeyboardEvent): -1 | 1 | null {
  if (!event.altKey) return null;
  if (event.key === 'ArrowUp') return -1;
  if (event.key === 'ArrowDown') return 1;
  return null;
}

/** A fresh id that satisfies storage's `[A-Za-z0-9_-]{1,64}`. */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
