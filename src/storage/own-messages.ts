import { isInboxId, previewMatches } from '../core/preview-match.ts';
import { answers, isOurReply, type OwnMessage } from '../core/step-aside.ts';
import type { SendJob } from '../core/types.ts';
import { appendActivity } from './activity.ts';
import type { AwayDb } from './db.ts';
import { normalizeHandle } from './incoming.ts';
import { cancelAnsweredJobs, jobTables } from './jobs.ts';

/**
 * A message of theirs first seen as an inbox preview is known by an `inbox:` id, not its row's uuid: when
 * my message lists its text among those it answers, it answers that message too.
 */
async function withPreviews(db: AwayDb, own: OwnMessage, messageIds: readonly string[]): Promise<OwnMessage> {
  const texts = own.answeredTexts ?? [];
  if (texts.length === 0) return own;
  const extra: string[] = [];
  for (const messageId of new Set(messageIds)) {
    if (!isInboxId(messageId) || own.answers.includes(messageId)) continue;
    const preview = (await db.incoming.get([own.threadId, messageId]))?.text ?? '';
    if (preview !== '' && texts.some((text) => previewMatches(preview, text))) extra.push(messageId);
  }
  return extra.length === 0 ? own : { ...own, answers: [...own.answers, ...extra] };
}

export interface OwnMessageOutcome {
  /** One of our own automatic replies: nothing changed. */
  ours: boolean;
  /** Automatic replies cancelled because of it. */
  cancelled: SendJob[];
  /** The conversation's suggestion was dropped because of it. */
  suggestionDropped: boolean;
}

/**
 * My own message was seen in a conversation. Unless it is one of our automatic replies, the replies and
 * the suggestion still waiting for a message of theirs it answers are cancelled, each logged "you answered
 * yourself", and the conversation remembers when I last wrote (for the digest's "waiting for you"); all in
 * one transaction, the jobs through their one writer (storage/jobs.ts).
 */
export function recordOwnMessage(db: AwayDb, own: OwnMessage, now: number): Promise<OwnMessageOutcome> {
  return db.transaction('rw', [db.suggestions, db.incoming, ...jobTables(db)], async () => {
    const jobs = await db.jobs.filter((job) => job.threadId === own.threadId).toArray();
    if (isOurReply(own, jobs)) return { ours: true, cancelled: [], suggestionDropped: false };
    const suggestion = await db.suggestions.get(own.threadId);
    const waiting = jobs.filter((job) => job.state === 'pending' || job.state === 'typing');
    const ids = [...waiting.map((job) => job.messageId), ...(suggestion ? [suggestion.messageId] : [])];
    const full = await withPreviews(db, own, ids);
    const cancelled = await cancelAnsweredJobs(db, full, now);
    const suggestionDropped = suggestion !== undefined && answers(full, suggestion);
    if (suggestion && suggestionDropped) {
      await db.suggestions.delete(own.threadId);
      const dm = await db.incoming.get([suggestion.threadId, suggestion.messageId]);
      await appendActivity(
        db,
        {
          at: now,
          kind: 'cancelled',
          threadId: suggestion.threadId,
          messageId: suggestion.messageId,
          contactHandle: normalizeHandle(dm?.senderHandle ?? ''),
          reason: 'answeredYourself',
          text: suggestion.text,
        },
        now,
      );
    }
    const thread = await db.threads.get(own.threadId);
    if (thread && (thread.lastOwnAt ?? 0) < own.detectedAt) {
      await db.threads.put({ ...thread, lastOwnAt: own.detectedAt });
    }
    return { ours: false, cancelled, suggestionDropped };
  });
}
