import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type AdapterStatusRecord, getAdapterStatuses } from '../messaging/detection.ts';
import { sendMessage } from '../messaging/send.ts';
import { t } from '../ui/i18n.ts';
import { findXTabId } from './x-tab.ts';

/**
 * The self-check that matters is the popup's X tab's; without one, any failing X tab counts, since
 * automation is paused there all the same.
 */
export function failingStatus(
  records: AdapterStatusRecord[],
  activeTab: number | null,
): AdapterStatusRecord | null {
  const active = records.find((record) => record.tabId === activeTab);
  if (active) return active.status.ok ? null : active;
  return records.find((record) => !record.status.ok) ?? null;
}

/** Invariant 8: when X's markup changed, the user learns that nothing automatic is happening. */
export function AdapterWarning() {
  const failing = useSignal<AdapterStatusRecord | null>(null);
  useEffect(() => {
    void Promise.all([sendMessage(getAdapterStatuses, {}), findXTabId()])
      .then(([records, tab]) => {
        failing.value = failingStatus(records ?? [], tab);
      })
      .catch((error: unknown) => console.warn('Adapter status unavailable', error));
  }, []);
  if (!failing.value) return null;
  return (
    <p role="alert" class="notice-warn">
      {t('popupAdapterFailed')}
    </p>
  );
}
