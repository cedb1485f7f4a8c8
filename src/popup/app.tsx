import browser from 'webextension-polyfill';
import type { Settings } from '../core/types.ts';
import { t } from '../ui/i18n.ts';
import { AdapterWarning } from './adapter-warning.tsx';
import { AwayControl } from './away-control.tsx';
import { OpenThreadPanel } from './open-thread.tsx';
import { PendingJobs } from './pending-jobs.tsx';
import { RecentActivity } from './recent-activity.tsx';

export function PopupApp({ settings, now }: { settings: Settings; now: () => number }) {
  return (
    <main class="popup stack">
      <header class="row popup-header">
        <h1>{t('extName')}</h1>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOpenOptions')}
        </button>
      </header>
      <AdapterWarning />
      <AwayControl settings={settings} now={now} />
      <PendingJobs now={now} />
      <OpenThreadPanel settings={settings} now={now} />
      <RecentActivity />
    </main>
  );
}
