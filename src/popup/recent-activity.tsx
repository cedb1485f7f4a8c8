import type { ActivityEntry } from '../core/types.ts';
import { uiDb } from '../shared/db.ts';
import { t } from '../shared/i18n.ts';
import { ActivityLine } from '../ui/activity-line.tsx';
import { liveValue, useLive } from '../ui/live.ts';

const SHOWN = 5;
/** "Detected" rows are noise in a five-line summary: the user wants to know what was done or not. */
const SHOWN_KINDS = new Set<ActivityEntry['kind']>([
  'skipped',
  'suggested',
  'scheduled',
  'sent',
  'failed',
  'cancelled',
]);

export async function recentActivity(limit = SHOWN): Promise<ActivityEntry[]> {
  return uiDb()
    .activity.orderBy('at')
    .reverse()
    .filter((entry) => SHOWN_KINDS.has(entry.kind))
    .limit(limit)
    .toArray();
}

export function RecentActivity() {
  const live = useLive(() => recentActivity());
  const entries = liveValue(live.value, []);
  return (
    <section aria-labelledby="recent-title">
      <h2 id="recent-title">{t('popupRecentTitle')}</h2>
      {live.value.state === 'ready' && entries.length === 0 ? (
        <p class="muted">{t('popupRecentEmpty')}</p>
      ) : (
        <ul class="plain stack">
          {entries.map((entry) => (
            <ActivityLine key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}
