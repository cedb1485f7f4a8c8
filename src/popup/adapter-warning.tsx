import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  type AdapterStatusRecord,
  type ChatMarkup,
  getAdapterStatuses,
  getChatMarkup,
} from '../messaging/detection.ts';
import { chatMarkupOkSchema } from '../messaging/schemas/detection.ts';
import { sendMessage } from '../messaging/send.ts';
import { t } from '../shared/i18n.ts';
import { tabProblemText } from '../ui/words.ts';
import { askXTab, findXTabId } from './x-tab.ts';

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

/**
 * The anonymised report of the X tab's chat markup, made here, outside the page: the code that makes it
 * (src/content/x/markup-report.ts) is loaded only when asked for, not shipped in every X page.
 */
export async function reportOf(answer: ChatMarkup): Promise<string> {
  const { reportFromMarkup } = await import('../content/x/markup-report.ts');
  // A DOMParser document is inert: no script runs, no image or style loads.
  return reportFromMarkup(answer, (html) => new DOMParser().parseFromString(html, 'text/html'));
}

/**
 * Makes the X tab's markup report and puts it on the clipboard. Null when copied, else why not in words.
 * The report holds the page's structure only; the markup it is made from never leaves the extension.
 */
export async function copyMarkupReport(
  write: (text: string) => Promise<void> = (text) => navigator.clipboard.writeText(text),
): Promise<string | null> {
  const answer = await askXTab(getChatMarkup, {}, chatMarkupOkSchema);
  if (!answer.ok) return t('popupMarkupReportFailed', tabProblemText(answer.problem));
  try {
    await write(await reportOf(answer));
    return null;
  } catch (error) {
    return t('popupMarkupReportFailed', error instanceof Error ? error.message : String(error));
  }
}

function MarkupReportButton() {
  const result = useSignal<string | null | undefined>(undefined);
  const copy = async () => {
    result.value = await copyMarkupReport();
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {t('popupCopyMarkupReport')}
      </button>
      {result.value === undefined ? null : (
        <span role="status" class={result.value ? 'error' : 'notice-ok'}>
          {result.value ?? t('popupMarkupReportCopied')}
        </span>
      )}
    </>
  );
}

/**
 * Invariant 8: when X's markup changed, the user learns that nothing automatic is happening, and can copy
 * a report of the page for a bug report. A locked X Chat (its passcode screen) is said as such: the user,
 * not an update, fixes that.
 */
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
  if (failing.value.status.locked) {
    return (
      <p role="alert" class="notice-warn">
        {t('popupChatLocked')}
      </p>
    );
  }
  return (
    <div class="notice-warn">
      <p role="alert">{t('popupAdapterFailed')}</p>
      <MarkupReportButton />
    </div>
  );
}
