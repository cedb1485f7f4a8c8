import { uiDb } from '../shared/db.ts';
import { t } from '../shared/i18n.ts';
import { dismissSuggestion, getSuggestion } from '../storage/suggestions.ts';
import { liveValue, useLive } from '../ui/live.ts';

/** The reply prepared in suggest mode for this thread: insert it (then press Send in X) or dismiss it. */
export function SuggestedReply({
  threadId,
  onInsert,
}: {
  threadId: string;
  onInsert: (text: string) => void;
}) {
  const live = useLive(() => getSuggestion(uiDb(), threadId), [threadId]);
  const suggestion = liveValue(live.value, undefined);
  if (!suggestion) return null;
  return (
    <section class="card stack" aria-labelledby="suggestion-title">
      <h3 id="suggestion-title">{t('popupSuggestionTitle')}</h3>
      <p class="quote">{suggestion.text}</p>
      <div class="row">
        <button type="button" class="primary" onClick={() => onInsert(suggestion.text)}>
          {t('suggestionInsert')}
        </button>
        <button
          type="button"
          onClick={() => void dismissSuggestion(uiDb(), threadId, suggestion.messageId, Date.now())}
        >
          {t('suggestionDismiss')}
        </button>
      </div>
    </section>
  );
}
