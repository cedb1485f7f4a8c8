import { contactKey } from '../core/contact-key.ts';
import { type AutoReplyLabels, type DecisionState, decide } from '../core/decide.ts';
import { graceSchedule } from '../core/grace.ts';
import { scheduleStep } from '../core/job-lifecycle.ts';
import type { DetectedLanguage } from '../core/language-choice.ts';
import type { Rng } from '../core/rng.ts';
import { ruleGraceMinutes } from '../core/step-aside.ts';
import type { Decision, IncomingDm } from '../core/types.ts';
import { alertFor, type Urgency } from '../core/urgent.ts';
import { appendActivity } from '../storage/activity.ts';
import { silenceContact } from '../storage/contacts.ts';
import type { AwayDb } from '../storage/db.ts';
import { claimDecision, normalizeHandle } from '../storage/incoming.ts';
import { jobTables, scheduleJob } from '../storage/jobs.ts';
import type { Environment } from '../storage/settings.ts';
import { setSuggestion } from '../storage/suggestions.ts';
import { loadDecisionState, type RulesCache } from './decision-state.ts';
import type { RetryStore } from './retries.ts';
import { PREP_MS, RETRY_MAX_AGE_MS } from './send-config.ts';

export interface PipelineDeps {
  db: AwayDb;
  env: Environment;
  rules: RulesCache;
  retries: RetryStore;
  now(): number;
  rng: Rng;
  newId(): string;
  autoReplyLabel?: string;
  /**
   * The browser's guess at a message's language (language-detection.ts), which picks among a rule's
   * language templates; without it every rule answers with its default template.
   */
  detectLanguage?: (text: string) => Promise<DetectedLanguage | null>;
  /** The label in each template language (auto-reply-labels.ts); read once per decision. */
  autoReplyLabels?: () => Promise<AutoReplyLabels>;
  /** A job or a retry was stored: the job clock must look at its wake-up time again. */
  changed(): void;
  /** An urgent message was decided (core/urgent.ts `alertFor`): tell the user (urgent-alerts.ts). */
  alert?: (dm: IncomingDm, why: Urgency, now: number) => Promise<unknown>;
}

/** The content script's clock is the worker's (same machine); it can only be a little behind. */
const DETECTION_SLACK_MS = 5_000;

/**
 * The plan's delay runs from when the DM was seen, so the reply time stays within the user's bounds even
 * after the worker took a moment to wake. A DM decided again later (a retry) starts a fresh delay.
 */
function planStart(dm: IncomingDm, now: number): number {
  return dm.detectedAt <= now && dm.detectedAt >= now - DETECTION_SLACK_MS ? dm.detectedAt : now;
}

/**
 * Time the tab may need after the planned moment: the last checks' answer and the click. Usually a few tens
 * of ms, but 100 to 300 ms on a loaded machine with a worker just woken (measured with `npm run stress`).
 */
export const SEND_SLACK_MS = 300;

/**
 * The plan aims a little inside the user's upper bound, so that the click, which comes a few ms after the
 * planned moment, still lands inside it. Bounds too narrow for that are left as they are.
 */
function aimInside(state: DecisionState): DecisionState {
  const { minDelayMs, maxDelayMs } = state.settings.timing;
  if (maxDelayMs - minDelayMs < 2 * SEND_SLACK_MS) return state;
  const timing = { minDelayMs, maxDelayMs: maxDelayMs - SEND_SLACK_MS };
  return { ...state, settings: { ...state.settings, timing } };
}

/** Where the decision's writes go: all in one transaction with the claim (see `claimDecision`). */
const OUTCOME_TABLES = (db: AwayDb) => [db.undecided, db.suggestions, ...jobTables(db)];

/**
 * A new DM (or one decided again after its minimum gap): decide, then act on the decision and log it.
 * Callers run this one DM at a time (see SerialQueue): the caps count jobs written by earlier decisions,
 * so two decisions must never read the database at the same time.
 *
 * A first decision acts only if it claims the DM's `undecided` row, in the same transaction as its writes:
 * a DM is decided exactly once, even when a wake's recovery (undecided.ts) and its arrival race. Returns
 * null, having written nothing, when the DM was decided already.
 */
export async function decideAndAct(
  deps: PipelineDeps,
  dm: IncomingDm,
  options: { retry?: boolean } = {},
): Promise<Decision | null> {
  const { db } = deps;
  // Only a shortcut: the claim below is what makes it exactly once.
  if (!options.retry && (await db.undecided.get([dm.threadId, dm.messageId])) === undefined) return null;
  const now = deps.now();
  const labels = await deps.autoReplyLabels?.();
  const language = (await deps.detectLanguage?.(dm.text)) ?? null;
  const loaded = await loadDecisionState(
    {
      db,
      env: deps.env,
      rules: deps.rules,
      ...(deps.autoReplyLabel ? { autoReplyLabel: deps.autoReplyLabel } : {}),
      ...(labels ? { autoReplyLabels: labels } : {}),
    },
    dm,
    now,
  );
  const state: DecisionState = { ...loaded, language };
  const decision = decide(dm, aimInside(state), now, deps.rng);
  const waits =
    decision.kind === 'skip' &&
    decision.reason === 'minGap' &&
    decision.retryAt !== undefined &&
    decision.retryAt - dm.detectedAt <= RETRY_MAX_AGE_MS;
  // Stored before the decision is marked: a worker stopped in between decides the DM again on its next
  // wake (and stores the same retry again), rather than losing the retry with nothing left to redo it.
  if (waits && decision.kind === 'skip') {
    await deps.retries.put({ threadId: dm.threadId, messageId: dm.messageId, retryAt: decision.retryAt! });
  }
  const acted = await db.transaction('rw', OUTCOME_TABLES(db), async () => {
    // A retry was claimed by its first decision; it still clears a row left by an interrupted one.
    if (!(await claimDecision(db, dm)) && !options.retry) return null;
    const grace = decision.kind === 'reply' ? ruleGraceMinutes(state.rules, decision.ruleId) : undefined;
    return act(deps, dm, decision, { now, waits, retry: options.retry === true, grace });
  });
  if (acted === null) return null;
  if (acted || waits) deps.changed();
  const why = alertFor(dm, state.settings, decision, now);
  if (why !== null && deps.alert) await deps.alert(dm, why, now);
  return decision;
}

/**
 * The decision's writes, inside decideAndAct's transaction. True when a job was stored: the job clock
 * must look at it.
 */
async function act(
  deps: PipelineDeps,
  dm: IncomingDm,
  decision: Decision,
  context: { now: number; waits: boolean; retry: boolean; grace?: number | undefined },
): Promise<boolean> {
  const { db } = deps;
  const { now } = context;
  const entry = {
    at: now,
    threadId: dm.threadId,
    messageId: dm.messageId,
    contactHandle: normalizeHandle(dm.senderHandle),
  };

  if (decision.kind === 'skip') {
    // A retry that is held back again was already logged as waiting for the gap.
    if (!(context.waits && context.retry)) {
      await appendActivity(db, { ...entry, kind: 'skipped', reason: decision.reason, text: dm.text }, now);
    }
    // They asked to stop: silenced, and the replies to them still on their way cancelled, logged as such.
    if (decision.reason === 'stopWord')
      await silenceContact(db, dm.senderHandle, now, 'stopWord', dm.senderId);
    return false;
  }

  if (decision.mode === 'suggest') {
    await setSuggestion(db, {
      threadId: dm.threadId,
      messageId: dm.messageId,
      text: decision.text,
      ruleId: decision.ruleId,
      templateId: decision.templateId,
      createdAt: now,
    });
    await appendActivity(db, { ...entry, kind: 'suggested', text: decision.text }, now);
    return false;
  }

  const start = planStart(dm, now);
  // A rule's grace period ("only if I haven't answered within N minutes") runs from their message.
  const due = graceSchedule(
    start + decision.timing.readMs + decision.timing.thinkMs,
    start,
    context.grace,
    PREP_MS,
  );
  const step = scheduleStep(
    {
      id: deps.newId(),
      threadId: dm.threadId,
      messageId: dm.messageId,
      contactHandle: entry.contactHandle,
      contactKey: contactKey(dm.senderId, dm.senderHandle),
      text: decision.text,
      timing: decision.timing,
      ...due,
    },
    now,
  );
  // The ledger reservation is atomic: a message already owned by a job gets no second one (and no log).
  return (await scheduleJob(db, step)).reserved;
}

/** Runs tasks one after another, in call order; a failing task does not stop the ones after it. */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
