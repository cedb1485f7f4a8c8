import { useSignal } from '@preact/signals';
import browser from 'webextension-polyfill';
import type { Rule, Settings } from '../core/types.ts';
import { t } from '../shared/i18n.ts';
import { AwayControl } from './away-control.tsx';
import { useSections } from './lazy-sections.ts';

/**
 * The popup. The header and the Away switch come with the first chunk; the warning above the switch and
 * the sections under it arrive with the second one, right after the first paint.
 */
export function PopupApp({ settings, now }: { settings: Settings; now: () => number }) {
  const sections = useSections();
  const loaded = sections.state === 'ready' ? sections.module : null;
  const rules = useSignal<Rule[] | null>(null);
  return (
    <main class="popup stack">
      <header class="row popup-header">
        <h1>{t('extName')}</h1>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOpenOptions')}
        </button>
      </header>
      {loaded ? <loaded.AdapterWarning /> : null}
      {/* When away has ended, the popup opens on what happened meanwhile. */}
      {loaded ? <loaded.AwayDigest /> : null}
      {loaded ? <loaded.RulesFeed onRules={(next) => (rules.value = next)} /> : null}
      <AwayControl settings={settings} now={now} rules={rules.value} />
      {loaded ? <loaded.Sections settings={settings} now={now} /> : null}
      {sections.state === 'error' ? (
        <p role="alert" class="notice-error">
          {t('loadFailed')}
        </p>
      ) : null}
    </main>
  );
}
