import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Settings } from '../core/types.ts';
import { loadLocale, t } from '../shared/i18n.ts';
import { PopupApp } from './app.tsx';
import { useSections } from './lazy-sections.ts';

const TICK_MS = 30_000;

interface PopupRootProps {
  /** The settings read for the first paint (settings-peek.ts); null when they could not be. */
  initial: Settings | null;
  /** The `uiLocale` whose texts are already loaded; null when none is. */
  initialLocale: Settings['uiLocale'] | null;
  now: () => number;
}

/**
 * The popup's state: first the settings read without Dexie, then the live ones once the second chunk is
 * in. Same duties as the pages' SettingsRoot (live settings, their language, a 30 s clock so "away until
 * 18:00" turns into "ended"), without making the first paint wait for Dexie.
 */
export function PopupRoot({ initial, initialLocale, now }: PopupRootProps) {
  const settings = useSignal<Settings | null>(initial);
  const failed = useSignal(false);
  const loadedLocale = useSignal(initialLocale);
  const tick = useSignal(0);
  const sections = useSections();
  const wanted = settings.value?.uiLocale;
  useEffect(() => {
    if (wanted === undefined || wanted === loadedLocale.value) return;
    void loadLocale(wanted).then(() => {
      loadedLocale.value = wanted;
    });
  }, [wanted]);
  useEffect(() => {
    const timer = setInterval(() => {
      tick.value += 1;
    }, TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const keep = (next: Settings) => {
    // The live query's first answer usually equals what the first paint read: keep the same object, so
    // nothing that depends on the settings (the quick replies' rendered variations) is redone for nothing.
    if (JSON.stringify(next) !== JSON.stringify(settings.value)) settings.value = next;
  };
  const feed =
    sections.state === 'ready' ? (
      <sections.module.SettingsFeed onSettings={keep} onError={() => (failed.value = true)} />
    ) : null;
  if (failed.value) {
    return (
      <p role="alert" class="notice-error">
        {t('loadFailed')}
      </p>
    );
  }
  const current = settings.value;
  // Reading tick subscribes this component to the clock.
  if (!current || loadedLocale.value === null || tick.value < 0) {
    return (
      <>
        {feed}
        <p aria-busy="true" />
      </>
    );
  }
  return (
    <>
      {feed}
      <PopupApp settings={current} now={now} />
    </>
  );
}
