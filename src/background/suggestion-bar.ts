import { liveQuery } from 'dexie';
import { localeInfo } from '../core/locales.ts';
import { awayStatus } from '../core/schedule.ts';
import type { MessageRouter } from '../messaging/router.ts';
import { dismissSuggestionSchema, getBarStateSchema } from '../messaging/schemas/suggestion-bar.ts';
import { type BarState, dismissSuggestion, getBarState } from '../messaging/suggestion-bar.ts';
import { loadLocale, t } from '../shared/i18n.ts';
import type { AwayDb } from '../storage/db.ts';
import { type Environment, getSettings } from '../storage/settings.ts';
import { dismissSuggestion as dismissStored, getSuggestion } from '../storage/suggestions.ts';

export interface SuggestionBarDeps {
  db: () => AwayDb;
  env: () => Environment;
  now: () => number;
  /** Tells every X chat tab that what its bar shows may have changed. */
  notifyTabs: () => Promise<void>;
}

/** What the bar in X's page shows for a thread: its suggestion, whether away is on, and the words. */
export async function readBarState(deps: SuggestionBarDeps, threadId: string): Promise<BarState> {
  const db = deps.db();
  const settings = await getSettings(db, deps.env());
  const suggestion = await getSuggestion(db, threadId);
  const which = await loadLocale(settings.uiLocale);
  const { tag, dir } = localeInfo(which);
  const status = awayStatus(settings.schedule, deps.now());
  return {
    suggestion: suggestion ? { messageId: suggestion.messageId, text: suggestion.text } : null,
    // As the popup's switch shows it: outside the weekly hours, away is still on (armed).
    awayOn: status === 'away' || status === 'outside',
    texts: {
      label: t('barLabel'),
      title: t('popupSuggestionTitle'),
      insert: t('suggestionInsert'),
      dismiss: t('suggestionDismiss'),
      awayOn: t('barAwayOn'),
      insertFailed: t('barInsertFailed'),
      lang: tag,
      dir,
    },
  };
}

/**
 * The worker's side of the in-page suggestion bar: answers what it shows, dismisses through the
 * suggestions' owner (with its log entry), and, while awake, follows suggestions and the away switch to
 * tell X tabs when to ask again. Listeners are added synchronously on every wake-up.
 */
export function registerSuggestionBar(router: MessageRouter, deps: SuggestionBarDeps): () => void {
  router
    .on(getBarState, getBarStateSchema, ({ threadId }) => readBarState(deps, threadId))
    .on(dismissSuggestion, dismissSuggestionSchema, ({ threadId, messageId }) =>
      dismissStored(deps.db(), threadId, messageId, deps.now()),
    );
  let last = '';
  const subscription = liveQuery(async () => {
    const db = deps.db();
    const settings = await getSettings(db, deps.env());
    const suggestions = await db.suggestions.toArray();
    return JSON.stringify([
      settings.schedule,
      settings.uiLocale,
      suggestions.map((s) => [s.threadId, s.messageId, s.text]),
    ]);
  }).subscribe({
    next: (key) => {
      // Other settings (limits, lists…) change nothing the bar shows.
      if (key === last) return;
      last = key;
      void deps.notifyTabs().catch(() => undefined);
    },
    error: (error: unknown) => console.error('Suggestion bar watch failed', error),
  });
  return () => subscription.unsubscribe();
}
