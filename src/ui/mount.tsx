import { useSignal } from '@preact/signals';
import type { ComponentChild, render as preactRender } from 'preact';
import { useEffect } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Settings } from '../core/types.ts';
import { uiDb, uiEnv } from '../shared/db.ts';
import { loadLocale, resolveLang, t } from '../shared/i18n.ts';
import { ensureSeeded } from '../storage/seed.ts';
import { getSettings } from '../storage/settings.ts';
import { useLive } from './live.ts';

const TICK_MS = 30_000;

/**
 * Loads the settings (live), then the texts of the language they ask for, then shows the page. Re-renders
 * every 30 s so "away until 18:00" turns into "ended" without reopening the popup.
 */
export function SettingsRoot({ view }: { view: (settings: Settings) => ComponentChild }) {
  const live = useLive(() => getSettings(uiDb(), uiEnv()));
  const loadedLocale = useSignal<Settings['uiLocale'] | null>(null);
  const tick = useSignal(0);
  const settings = live.value.state === 'ready' ? live.value.value : null;
  const wanted = settings?.uiLocale;
  useEffect(() => {
    if (wanted === undefined) return;
    void loadLocale(wanted).then(() => {
      loadedLocale.value = wanted;
    });
  }, [wanted]);
  useEffect(() => {
    // The worker seeds at install; this covers a page opened before it finished. A no-op once seeded.
    const locale = resolveLang('auto', browser.i18n.getUILanguage());
    void ensureSeeded(uiDb(), { ...uiEnv(), locale }).catch((error: unknown) =>
      console.error('Seeding failed', error),
    );
    const timer = setInterval(() => {
      tick.value += 1;
    }, TICK_MS);
    return () => clearInterval(timer);
  }, []);
  if (live.value.state === 'error') {
    return (
      <p role="alert" class="notice-error">
        {t('loadFailed')}
      </p>
    );
  }
  // Reading tick subscribes this component to the clock.
  if (!settings || loadedLocale.value === null || tick.value < 0) return <p aria-busy="true" />;
  return <>{view(settings)}</>;
}

export function mountWithSettings(
  root: HTMLElement,
  view: (settings: Settings) => ComponentChild,
  render: typeof preactRender,
): void {
  render(<SettingsRoot view={view} />, root);
}
