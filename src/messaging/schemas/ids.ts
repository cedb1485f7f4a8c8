import * as v from 'valibot';
import { THREAD_ID } from '../../shared/chat-urls.ts';

/** The ids every message carries, checked the same way by every receiver that uses valibot. */

export const threadIdSchema = v.pipe(v.string(), v.regex(THREAD_ID));
/** X's message uuid, or our `inbox:` id for a preview. */
export const messageIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
