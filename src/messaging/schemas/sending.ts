import * as v from 'valibot';
import { MAX_PAUSE_MS } from '../sending.ts';

/** What the receivers of src/messaging/sending.ts check. */

const threadIdSchema = v.pipe(v.string(), v.regex(/^(?:\d+-\d+|g\d+)$/));
const jobIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const uuidList = v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(500));
const MAX_TEXT = 10_000;

const postponeCodes = ['userBusy', 'threadMismatch', 'threadNotListed', 'notLoaded'] as const;
const failureCodes = ['noComposer', 'textRejected', 'sendFailed', 'notConfirmed'] as const;

export const runJobSchema = v.object({
  jobId: jobIdSchema,
  threadId: threadIdSchema,
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT)),
  chunks: v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_TEXT))), v.minLength(1), v.maxLength(MAX_TEXT)),
  keyDelaysMs: v.array(v.pipe(v.number(), v.minValue(0))),
  /** Epoch ms: type the first chunk then, not earlier (opening the thread happens before). */
  typingStartAt: v.number(),
  /**
   * Own rows with this text that were there before our first attempt; null when nothing was ever typed
   * for this job. Non-null means a previous attempt may have sent it: look before typing again.
   */
  seenOwnRows: v.nullable(uuidList),
});

export const jobStartedSchema = v.object({ jobId: jobIdSchema, ownRowsBefore: uuidList });

export const jobPauseSchema = v.object({
  jobId: jobIdSchema,
  waitMs: v.pipe(v.number(), v.minValue(0), v.maxValue(MAX_PAUSE_MS)),
  /** The pause right before pressing send: the worker checks everything again, away included. */
  final: v.optional(v.boolean()),
});

export const jobFinishedSchema = v.variant('outcome', [
  v.object({
    jobId: jobIdSchema,
    outcome: v.picklist(['sent', 'alreadySent']),
    rowId: v.pipe(v.string(), v.maxLength(200)),
    /** When send was pressed (epoch ms, same machine): limits and loop checks count from then. */
    pressedAt: v.optional(v.number()),
  }),
  v.object({ jobId: jobIdSchema, outcome: v.literal('postponed'), code: v.picklist(postponeCodes) }),
  v.object({ jobId: jobIdSchema, outcome: v.literal('failed'), code: v.picklist(failureCodes) }),
  /** The worker said stop (cancelled, away off): the tab removed what it had typed. */
  v.object({ jobId: jobIdSchema, outcome: v.literal('stopped') }),
]);

export const typerReadySchema = v.object({});
