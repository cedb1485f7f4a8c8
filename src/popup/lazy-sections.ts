import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/** Everything below the Away switch, with Dexie and the rest of the storage code it needs. */
export type SectionsModule = typeof import('./sections.tsx');

export type SectionsState =
  | { state: 'loading' }
  | { state: 'ready'; module: SectionsModule }
  | { state: 'error'; error: unknown };

let loading: Promise<SectionsModule> | null = null;

/** One import for the whole page, however many components ask. */
export function loadSections(): Promise<SectionsModule> {
  loading ??= import('./sections.tsx');
  return loading;
}

/**
 * The sections module once loaded. The import starts in an effect, which runs after the browser painted,
 * so the switch is on screen before this larger chunk is fetched and parsed.
 */
export function useSections(): SectionsState {
  const current = useSignal<SectionsState>({ state: 'loading' });
  useEffect(() => {
    let mounted = true;
    loadSections().then(
      (module) => {
        if (mounted) current.value = { state: 'ready', module };
      },
      (error: unknown) => {
        console.error('Popup sections failed to load', error);
        if (mounted) current.value = { state: 'error', error };
      },
    );
    return () => {
      mounted = false;
    };
  }, []);
  return current.value;
}
