import { keyOfJob } from '../core/contact-key.ts';
import { decide } from '../core/decide.ts';
import type { DetectedLanguage } from '../core/language-choice.ts';
import type { AutoSend } from '../core/limits.ts';
import { createRng } from '../core/rng.ts';
import type { Decision, IncomingDm, Rule, Settings, Template, ThreadKind } from '../core/types.ts';
import { getContact } from '../storage/contacts.ts';
import type { AwayDb } from '../storage/db.ts';
import { listRules } from '../storage/rules.ts';
import { listTemplates } from '../storage/templates.ts';

export interface DryRunInput {
  text: string;
  senderHandle: string;
  senderName: string;
  threadKind: ThreadKind;
  /** Test as if the switch were on now, with no end and no history cut-off. */
  pretendAway: boolean;
  /** The visible label automatic messages would carry. */
  autoReplyLabel: string;
  /** What the browser detected the text's language to be, as the worker asks it for a real message. */
  language: DetectedLanguage | null;
}

const DAY_MS = 86_400_000;
/** A thread id no real conversation has: the sample message is new, in a thread never seen. */
const SAMPLE_THREAD = '0-0';

/** What counts against the caps: automatic replies sent or on their way during the last day. */
async function recentSends(db: AwayDb, now: number): Promise<AutoSend[]> {
  const jobs = await db.jobs.where('state').anyOf(['pending', 'typing', 'sent']).toArray();
  return jobs
    .filter((job) => job.dueAt > now - DAY_MS)
    .map((job) => ({
      at: job.dueAt,
      threadId: job.threadId,
      contactHandle: job.contactHandle,
      contactKey: keyOfJob(job),
      text: job.text,
    }));
}

/** Rules and templates not stored yet (the welcome page's answers before Finish), instead of the stored. */
export interface DraftSetup {
  rules: readonly Rule[];
  templates: readonly Template[];
}

/**
 * Exactly what `decide` would do with this message now, with the stored rules, templates, contact and
 * limits. Only the message and (optionally) the away switch are made up; `draft` stands in for the
 * stored rules and templates when given.
 */
export async function dryRun(
  db: AwayDb,
  settings: Settings,
  input: DryRunInput,
  now: number,
  draft?: DraftSetup,
): Promise<Decision> {
  const handle = input.senderHandle.trim().replace(/^@/, '').toLowerCase();
  const dm: IncomingDm = {
    messageId: `dry-run-${now}`,
    threadId: SAMPLE_THREAD,
    threadKind: input.threadKind,
    senderId: '',
    senderHandle: handle,
    senderName: input.senderName.trim(),
    text: input.text,
    timeLabel: '',
    detectedAt: now,
    source: 'thread',
  };
  const tested: Settings = input.pretendAway
    ? {
        ...settings,
        schedule: {
          ...settings.schedule,
          awayEnabled: true,
          awayUntil: null,
          useWeekly: false,
          awaySince: null,
        },
      }
    : settings;
  const [rules, templates, contact, sends] = await Promise.all([
    draft ? draft.rules : listRules(db),
    draft ? draft.templates : listTemplates(db),
    handle ? getContact(db, handle) : Promise.resolve(undefined),
    recentSends(db, now),
  ]);
  return decide(
    dm,
    {
      settings: tested,
      rules,
      templates,
      contact: contact ?? null,
      thread: null,
      sends,
      autoReplyLabel: input.autoReplyLabel,
      language: input.language,
    },
    now,
    createRng(now),
  );
}
