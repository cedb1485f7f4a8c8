import type { ActivityEntry, SendJob, SkipReason } from '../core/types.ts';

/**
 * The log entry for a reply that will not go out, quoting it so the user sees what was held back. A
 * reason only when the user did not cancel it by hand (e.g. `awayOff`: the switch went off).
 */
export function cancelledEntry(job: SendJob, at: number, reason?: SkipReason): Omit<ActivityEntry, 'id'> {
  return {
    at,
    kind: 'cancelled',
    threadId: job.threadId,
    messageId: job.messageId,
    contactHandle: job.contactHandle,
    ...(reason ? { reason } : {}),
    text: job.text,
  };
}
