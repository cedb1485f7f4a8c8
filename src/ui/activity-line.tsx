import type { ActivityEntry } from '../core/types.ts';
import { formatDateTime, t } from '../shared/i18n.ts';
import { ACTIVITY_KIND_KEYS, reasonText } from './words.ts';

/** One log entry in a sentence: when, what, who, and why in words. Text is shown as text, never HTML. */
export function ActivityLine({ entry, showText = false }: { entry: ActivityEntry; showText?: boolean }) {
  const who = entry.contactHandle ? `@${entry.contactHandle}` : t('activityUnknownContact');
  return (
    <li class="activity-line">
      <span class="muted">{formatDateTime(entry.at, { weekday: undefined })}</span>{' '}
      <strong>{t(ACTIVITY_KIND_KEYS[entry.kind])}</strong> {who}
      {entry.reason ? <span> — {reasonText(entry.reason)}</span> : null}
      {showText && entry.text ? <span class="quote block">{entry.text}</span> : null}
    </li>
  );
}
