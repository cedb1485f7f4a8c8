import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Settings } from '../core/types.ts';
import { openThreadOkSchema } from '../messaging/schemas/ui.ts';
import { getOpenThread, type OpenThread, type TabProblem } from '../messaging/ui.ts';
import { uiDb } from '../shared/db.ts';
import { t } from '../shared/i18n.ts';
import { listQuickReplies } from '../storage/templates.ts';
import { liveValue, useLive } from '../ui/live.ts';
import { tabProblemText } from '../ui/words.ts';
import { insertIntoComposer } from './insert-text.ts';
import { QuickReplies, type QuickReply, renderQuickReplies } from './quick-replies.tsx';
import { SuggestedReply } from './suggested-reply.tsx';
import { askXTab } from './x-tab.ts';

type Lookup =
  | { state: 'loading' }
  | { state: 'open'; thread: OpenThread }
  | { state: 'none'; problem: TabProblem };

/** What an insert did, in words: the user still has to press Send in X, and should know it. */
export function InsertResult({ problem }: { problem: TabProblem | null | undefined }) {
  if (problem === undefined) return null;
  return (
    <p role="status" class={problem ? 'error' : 'notice-ok'}>
      {problem ? tabProblemText(problem) : t('insertDone')}
    </p>
  );
}

function ThreadTools({
  thread,
  settings,
  now,
}: {
  thread: OpenThread;
  settings: Settings;
  now: () => number;
}) {
  const templates = useLive(() => listQuickReplies(uiDb()));
  const result = useSignal<TabProblem | null | undefined>(undefined);
  const replies = useSignal<QuickReply[]>([]);
  const list = liveValue(templates.value, null);
  useEffect(() => {
    if (list) replies.value = renderQuickReplies(list, thread, settings, now());
  }, [list, thread, settings]);
  const insert = async (text: string) => {
    result.value = await insertIntoComposer(thread.threadId, text);
  };
  const who = thread.contactHandle ? `${thread.contactName} (@${thread.contactHandle})` : thread.contactName;
  return (
    <section aria-labelledby="thread-title" class="stack">
      <h2 id="thread-title">{t('popupThreadTitle', who)}</h2>
      <SuggestedReply threadId={thread.threadId} onInsert={insert} />
      <h3>{t('popupQuickTitle')}</h3>
      {list === null ? null : list.length === 0 ? (
        <p class="muted">{t('quickNone')}</p>
      ) : (
        <QuickReplies replies={replies.value} onPick={(reply) => void insert(reply.text)} />
      )}
      <InsertResult problem={result.value} />
    </section>
  );
}

/** Asks the X tab which conversation is open, then offers its suggestion and the quick replies. */
export function OpenThreadPanel({ settings, now }: { settings: Settings; now: () => number }) {
  const lookup = useSignal<Lookup>({ state: 'loading' });
  useEffect(() => {
    void askXTab(getOpenThread, {}, openThreadOkSchema).then((answer) => {
      lookup.value = answer.ok
        ? { state: 'open', thread: answer.thread }
        : { state: 'none', problem: answer.problem };
    });
  }, []);
  const found = lookup.value;
  if (found.state === 'loading') return null;
  if (found.state === 'none') {
    return (
      <section aria-labelledby="thread-title">
        <h2 id="thread-title">{t('popupQuickTitle')}</h2>
        <p class="muted">{tabProblemText(found.problem)}</p>
      </section>
    );
  }
  return <ThreadTools thread={found.thread} settings={settings} now={now} />;
}
