import { liveQuery } from 'dexie';
import { useEffect } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Settings } from '../core/types.ts';
import { uiDb, uiEnv } from '../shared/db.ts';
import { resolveLang } from '../shared/i18n.ts';
import { ensureSeeded } from '../storage/seed.ts';
import { getSettings } from '../storage/settings.ts';
import { OpenThreadPanel } from './open-thread.tsx';
import { PendingJobs } from './pending-jobs.tsx';
import { RecentActivity } from './recent-activity.tsx';

/**
 * The popup's second chunk, loaded after the Away switch is on screen (lazy-sections.ts): Dexie, the live
 * settings and the parts that read the database or the X tab.
 */
export { AwayDigest } from '../ui/away-digest.tsx';
export { AdapterWarning } from './adapter-warning.tsx';
export { RulesFeed } from './rules-feed.tsx';

/** The parts under the switch, in the order the popup always showed them. */
export function Sections({ settings, now }: { settings: Settings; now: () => number }) {
  return (
    <>
      <PendingJobs now={now} />
      <OpenThreadPanel settings={settings} now={now} />
      <RecentActivity />
    </>
  );
}

interface SettingsFeedProps {
  onSettings: (settings: Settings) => void;
  onError: (error: unknown) => void;
}

/**
 * Follows the stored settings (Dexie re-runs the query when any context writes them), so the switch
 * shows what the worker wrote. Also seeds a profile the worker has not seeded yet. Renders nothing.
 */
export function SettingsFeed({ onSettings, onError }: SettingsFeedProps) {
  useEffect(() => {
    const subscription = liveQuery(() => getSettings(uiDb(), uiEnv())).subscribe({
      next: onSettings,
      error: (error: unknown) => {
        console.error('Live settings failed', error);
        onError(error);
      },
    });
    // The worker seeds at install; this covers a popup opened before it finished. A no-op once seeded.
    const locale = resolveLang('auto', browser.i18n.getUILanguage());
    void ensureSeeded(uiDb(), { ...uiEnv(), locale }).catch((error: unknown) =>
      console.error('Seeding failed', error),
    );
    return () => subscription.unsubscribe();
  }, []);
  return null;
}
