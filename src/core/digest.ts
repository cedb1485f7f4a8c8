import type { ActivityEntry, ThreadKind, ThreadState } from './types.ts';

/**
 * "While you were away": who wrote, what each got (or why not), and who still waits for an answer from
 * me. Pure: built from what was stored during the away period; the caller gives the period's bounds.
 */

/** One message of theirs seen during the period (an inbox preview and its row count once). */
export interface DigestMessage {
  threadId: string;
  messageId: string;
  threadKind: ThreadKind;
  senderHandle: string;
  senderName: string;
  detectedAt: number;
}

/** What the conversation got: the strongest thing that happened to its messages during the period. */
export type DigestOutcome =
  | { kind: 'replied'; text: string }
  | { kind: 'suggested'; text: string }
  | { kind: 'scheduled'; text: string }
  | { kind: 'notReplied'; reason: string }
  | { kind: 'nothing' };

export interface DigestEntry {
  threadId: string;
  threadKind: ThreadKind;
  /** Lower case, without the @; '' when unknown. */
  handle: string;
  name: string;
  /** Their messages during the period. */
  messages: number;
  /** Their last message's time. */
  lastAt: number;
  outcome: DigestOutcome;
  /** Nothing from me (our automatic replies do not count) since their last message. */
  waiting: boolean;
}

export interface Digest {
  /** The away period: from when away began to when it ended. */
  from: number;
  to: number;
  /** Newest first. */
  entries: DigestEntry[];
  /** Conversations that got an automatic reply. */
  replied: number;
  /** Conversations still waiting for an answer from me. */
  waiting: number;
}

export interface DigestInput {
  from: number;
  to: number;
  messages: readonly DigestMessage[];
  /** The log of the period (any order). */
  activity: readonly ActivityEntry[];
  /** The conversations' state as stored now (for `lastOwnAt`). */
  threads: readonly ThreadState[];
}

const RANK: Record<DigestOutcome['kind'], number> = {
  nothing: 0,
  notReplied: 1,
  suggested: 2,
  scheduled: 3,
  replied: 4,
};

function outcomeOf(entry: ActivityEntry): DigestOutcome | null {
  switch (entry.kind) {
    case 'sent':
      return { kind: 'replied', text: entry.text ?? '' };
    case 'suggested':
      return { kind: 'suggested', text: entry.text ?? '' };
    case 'scheduled':
      return { kind: 'scheduled', text: entry.text ?? '' };
    case 'skipped':
    case 'cancelled':
    case 'failed':
      return { kind: 'notReplied', reason: entry.reason ?? entry.kind };
    default:
      return null;
  }
}

export function buildDigest(input: DigestInput): Digest {
  const inPeriod = (at: number) => at >= input.from && at <= input.to;
  const byThread = new Map<string, DigestEntry>();
  for (const message of [...input.messages].sort((a, b) => a.detectedAt - b.detectedAt)) {
    if (!inPeriod(message.detectedAt)) continue;
    const entry = byThread.get(message.threadId);
    if (entry) {
      entry.messages += 1;
      entry.lastAt = message.detectedAt;
      entry.handle = message.senderHandle.toLowerCase() || entry.handle;
      entry.name = message.senderName || entry.name;
      continue;
    }
    byThread.set(message.threadId, {
      threadId: message.threadId,
      threadKind: message.threadKind,
      handle: message.senderHandle.toLowerCase(),
      name: message.senderName,
      messages: 1,
      lastAt: message.detectedAt,
      outcome: { kind: 'nothing' },
      waiting: true,
    });
  }
  // Each message's outcome is its last event (a reply scheduled, then cancelled when I answered, reads
  // "not replied: you answered yourself"); the conversation shows its messages' strongest outcome.
  const perMessage = new Map<string, { threadId: string; outcome: DigestOutcome }>();
  const log = [...input.activity].filter((e) => inPeriod(e.at)).sort((a, b) => a.at - b.at);
  for (const event of log) {
    const outcome = outcomeOf(event);
    if (outcome)
      perMessage.set(`${event.threadId}\u0000${event.messageId}`, { threadId: event.threadId, outcome });
  }
  for (const { threadId, outcome } of perMessage.values()) {
    const entry = byThread.get(threadId);
    if (entry && RANK[outcome.kind] >= RANK[entry.outcome.kind]) entry.outcome = outcome;
  }
  const lastOwn = new Map(input.threads.map((thread) => [thread.threadId, thread.lastOwnAt ?? null]));
  const entries = [...byThread.values()].sort((a, b) => b.lastAt - a.lastAt);
  for (const entry of entries) {
    const own = lastOwn.get(entry.threadId) ?? null;
    entry.waiting = own === null || own < entry.lastAt;
  }
  return {
    from: input.from,
    to: input.to,
    entries,
    replied: entries.filter((entry) => entry.outcome.kind === 'replied').length,
    waiting: entries.filter((entry) => entry.waiting).length,
  };
}

/** What follows the away state between two looks: a digest is due when away just ended. */
export interface AwayWatch {
  away: boolean;
  /** When the current state began (as first noticed). */
  since: number;
}

export type WatchStep =
  | { watch: AwayWatch; ended: null }
  | { watch: AwayWatch; ended: { from: number; to: number } };

/**
 * The next state of the watch. `awaySince` (the switch's own start) places the start of a period the
 * watch first sees already running. Away → not away ends a period: its digest is due.
 */
export function followAway(
  previous: AwayWatch | null,
  away: boolean,
  now: number,
  awaySince: number | null,
): WatchStep {
  if (previous === null) {
    const since = away && awaySince !== null && awaySince <= now ? awaySince : now;
    return { watch: { away, since }, ended: null };
  }
  if (previous.away === away) return { watch: previous, ended: null };
  if (previous.away) return { watch: { away, since: now }, ended: { from: previous.since, to: now } };
  return { watch: { away, since: now }, ended: null };
}
