import type { OwnMessageReport } from '../messaging/own-message.ts';
import type { MessageRouter } from '../messaging/router.ts';
import { sendReplyNowSchema } from '../messaging/schemas/step-aside.ts';
import { sendReplyNow } from '../messaging/step-aside.ts';
import type { AwayDb } from '../storage/db.ts';
import { sendJobNow } from '../storage/jobs.ts';
import { recordOwnMessage } from '../storage/own-messages.ts';

export interface StepAsideDeps {
  db: () => AwayDb;
  now: () => number;
  /** The job clock must look at the jobs again (a reply became due). */
  wake: () => void;
}

/** One of my own messages arrived from a page: the replies it answers step aside (storage/own-messages.ts). */
export async function onOwnMessage(deps: StepAsideDeps, own: OwnMessageReport): Promise<void> {
  const { kind: _kind, ...message } = own;
  await recordOwnMessage(deps.db(), message, deps.now());
}

/** "Send now" from the popup: the grace period ends and the clock runs a pass. */
export function registerStepAside(router: MessageRouter, deps: StepAsideDeps): void {
  router.on(sendReplyNow, sendReplyNowSchema, async ({ jobId }) => {
    const done = await sendJobNow(deps.db(), jobId, deps.now());
    if (done) deps.wake();
    return done;
  });
}
