import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import type { ActivityEntry, ActivityKind } from '../core/types.ts';
import { uiDb } from '../shared/db.ts';
import { t } from '../shared/i18n.ts';
import { queryActivity } from '../storage/activity.ts';
import { ActivityLine } from '../ui/activity-line.tsx';
import { AwayDigest } from '../ui/away-digest.tsx';
import { liveValue, useLive } from '../ui/live.ts';
import { ACTIVITY_KIND_KEYS, reasonText } from '../ui/words.ts';
import { toCsv } from './csv.ts';
import { datedName, downloadText } from './download.ts';

const PAGE = 50;
/** The whole log is bounded (5,000 entries), so an export reads it all. */
const EXPORT_LIMIT = 500;

/** One line per entry; the reason in words as well as its code, so the file reads without the app. */
export function activityCsv(entries: readonly ActivityEntry[]): string {
  const header = ['time', 'kind', 'contact', 'thread', 'reason code', 'reason', 'text'];
  const rows = entries.map((entry) => [
    new Date(entry.at).toISOString(),
    entry.kind,
    entry.contactHandle ? `@${entry.contactHandle}` : '',
    entry.threadId,
    entry.reason ?? '',
    entry.reason ? reasonText(entry.reason) : '',
    entry.text ?? '',
  ]);
  return toCsv([header, ...rows]);
}

async function allMatching(kinds: ActivityKind[] | undefined, search: string): Promise<ActivityEntry[]> {
  const entries: ActivityEntry[] = [];
  let after: { at: number; id: number } | undefined;
  for (;;) {
    const page = await queryActivity(uiDb(), {
      kinds,
      search,
      limit: EXPORT_LIMIT,
      ...(after ? { after } : {}),
    });
    entries.push(...page.entries);
    if (!page.next) return entries;
    after = page.next;
  }
}

export function ActivitySection() {
  const id = useId();
  const kind = useSignal<ActivityKind | ''>('');
  const search = useSignal('');
  const shown = useSignal(PAGE);
  const kinds = kind.value ? [kind.value] : undefined;
  const live = useLive(
    () => queryActivity(uiDb(), { kinds, search: search.value, limit: shown.value }),
    [kind.value, search.value, shown.value],
  );
  const page = liveValue(live.value, { entries: [], next: null });
  const exportCsv = async () => {
    const entries = await allMatching(kinds, search.value);
    downloadText(
      datedName('away-for-x-activity', 'csv', new Date()),
      activityCsv(entries),
      'text/csv;charset=utf-8',
    );
  };
  return (
    <div class="stack">
      <h2>{t('activityTitle')}</h2>
      <AwayDigest />
      <div class="row">
        <label for={`${id}-kind`}>{t('activityFilterKind')}</label>
        <select
          id={`${id}-kind`}
          value={kind.value}
          onChange={(e) => (kind.value = e.currentTarget.value as ActivityKind | '')}
        >
          <option value="">{t('activityAllKinds')}</option>
          {(Object.keys(ACTIVITY_KIND_KEYS) as ActivityKind[]).map((k) => (
            <option key={k} value={k}>
              {t(ACTIVITY_KIND_KEYS[k])}
            </option>
          ))}
        </select>
        <label for={`${id}-search`}>{t('activitySearch')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search.value}
          onInput={(e) => (search.value = e.currentTarget.value)}
        />
        <button type="button" onClick={() => void exportCsv()}>
          {t('activityExportCsv')}
        </button>
      </div>
      {live.value.state === 'ready' && page.entries.length === 0 ? (
        <p class="muted">{t('activityEmpty')}</p>
      ) : null}
      <ul class="plain stack activity-log">
        {page.entries.map((entry) => (
          <ActivityLine key={entry.id} entry={entry} showText />
        ))}
      </ul>
      {page.next ? (
        <button type="button" onClick={() => (shown.value += PAGE)}>
          {t('activityMore')}
        </button>
      ) : null}
    </div>
  );
}
