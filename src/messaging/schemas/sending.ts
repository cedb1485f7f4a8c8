import * as v from 'valibot';
import { MAX_PAUSE_MS } from '../sending.ts';

/** What the worker checks of the messages of src/messaging/sending.ts (runJob's: content.ts). */

const jobIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const uuidList = v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(500));

const postponeCodes = ['userBusy', 'threadMismatch', 'threadNotListed', 'notLoaded'] as const;
const failureCodes = ['noComposer', 'textRejected', 'sendFailed', 'notConfirmed'] as const;

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
