import { type Signal, useSignal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { useEffect } from 'preact/hooks';

/** What a live read shows: still loading, the value, or why it failed. */
export type Live<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; error: unknown };

/**
 * Keeps a signal in step with a Dexie query. Dexie re-runs the query when any context (worker, popup,
 * options) writes to the tables it read, so the UI follows the worker without polling.
 */
export function useLive<T>(query: () => Promise<T> | T, deps: readonly unknown[] = []): Signal<Live<T>> {
  const live = useSignal<Live<T>>({ state: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        live.value = { state: 'ready', value };
      },
      error: (error: unknown) => {
        console.error('Live query failed', error);
        live.value = { state: 'error', error };
      },
    });
    return () => subscription.unsubscribe();
  }, deps);
  return live;
}

export function liveValue<T>(live: Live<T>, fallback: T): T {
  return live.state === 'ready' ? live.value : fallback;
}
