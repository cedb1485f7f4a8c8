import * as v from 'valibot';

/** What the receiver of src/messaging/step-aside.ts checks. */
export const sendReplyNowSchema = v.object({ jobId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)) });
