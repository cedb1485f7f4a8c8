import { defineMessage, type PayloadOf } from './define.ts';
import type * as schemas from './schemas/step-aside.ts';

/**
 * Popup → worker: "send now" on a reply whose grace period runs. The worker ends the period (through the
 * jobs' one writer) and wakes its job clock, so the reply goes out as soon as the usual checks allow.
 * Answers false when the reply was no longer waiting in its grace period.
 */
export const sendReplyNow = defineMessage<PayloadOf<typeof schemas.sendReplyNowSchema>, boolean>(
  'sendReplyNow',
);
