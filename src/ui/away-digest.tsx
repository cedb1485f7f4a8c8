import { useSignal } from '@preact/signals';
import type { Digest, DigestEntry, DigestOutcome } from '../core/digest.ts';
import { threadUrl } from '../shared/chat-urls.ts';
import { uiDb } from '../shared/db.ts';
import { formatDateTime, t } from '../shared/i18n.ts';
import { dismissDigest, latestDigest } from '../storage/digests.ts';
import { liveValue, useLive } from './live.ts';
import { reasonText } from './words.ts';

function outcomeText(outcome: DigestOutcome): string {
  switch (outcome.kind) {
    case 'replied':
      return t('digestReplied');
    case 'suggested':
      return t('digestSuggested');
    case 'scheduled':
      return t('digestScheduled');
    case 'notReplied':
      return t('digestNotReplied', reasonText(outcome.reason));
    case 'nothing':
      return t('digestNothing');
  }
}

function EntryItem({ entry }: { entry: DigestEntry }) {
  const who = entry.name || (entry.handle ? `@${entry.handle}` : t('activityUnknownContact'));
  const link = threadUrl(entry.threadId, entry.threadKind);
  const quoted = 'text' in entry.outcome && entry.outcome.text ? entry.outcome.text : null;
  return (
    <li class="card">
      <p>
        {link ? (
          <a href={link} target="_blank" rel="noreferrer">
            {who}
          </a>
        ) : (
          who
        )}
        {entry.name && entry.handle ? <span class="muted"> @{entry.handle}</span> : null}{' '}
        <span class="muted">{t('digestMessages', entry.messages)}</span>
      </p>
      <p>{outcomeText(entry.outcome)}</p>
      {quoted ? <p class="quote">{quoted}</p> : null}
      {entry.waiting ? <p class="notice-warn">{t('digestWaitingForYou')}</p> : null}
    </li>
  );
}

/** The digest's body: summary, then one card per conversation, newest first. */
export function DigestView({ digest, onDismiss }: { digest: Digest; onDismiss: () => Promise<void> }) {
  const busy = useSignal(false);
  return (
    <section aria-labelledby="digest-title" class="stack">
      <h2 id="digest-title">{t('digestTitle')}</h2>
      <p class="muted">
        {t(
          'digestPeriod',
          formatDateTime(digest.from, { weekday: undefined }),
          formatDateTime(digest.to, { weekday: undefined }),
        )}
      </p>
      <p role="status">
        {digest.entries.length === 0 ? t('digestEmpty') : t('digestSummary', digest.replied, digest.waiting)}
      </p>
      <ul class="plain stack">
        {digest.entries.map((entry) => (
          <EntryItem key={entry.threadId} entry={entry} />
        ))}
      </ul>
      <button
        type="button"
        disabled={busy.value}
        onClick={async () => {
          busy.value = true;
          await onDismiss();
          busy.value = false;
        }}
      >
        {t('digestDismiss')}
      </button>
    </section>
  );
}

/** "While you were away", from the database, until dismissed (popup and options' activity section). */
export function AwayDigest() {
  const live = useLive(() => latestDigest(uiDb()));
  const digest = liveValue(live.value, null);
  if (!digest) return null;
  return <DigestView digest={digest} onDismiss={() => dismissDigest(uiDb())} />;
}
