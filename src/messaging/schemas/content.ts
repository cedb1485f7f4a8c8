import { THREAD_ID } from '../../shared/chat-urls.ts';
import * as s from './light.ts';

/**
 * What the content script checks of the messages it receives, written with light.ts rather than valibot
 * (it is loaded into every X page). The other receivers' schemas are in the file named after the message's.
 */

const threadIdSchema = s.string({ pattern: THREAD_ID });
const uuidList = s.array(s.string({ max: 200 }), { max: 500 });
const MAX_TEXT = 10_000;

/** Worker → the leased tab (messaging/sending.ts). */
export const runJobSchema = s.payloadSchema(
  s.object({
    jobId: s.string({ min: 1, max: 100 }),
    threadId: threadIdSchema,
    text: s.string({ min: 1, max: MAX_TEXT }),
    chunks: s.array(s.string({ max: MAX_TEXT }), { min: 1, max: MAX_TEXT }),
    keyDelaysMs: s.array(s.number(0)),
    /** Epoch ms: type the first chunk then, not earlier (opening the thread happens before). */
    typingStartAt: s.number(),
    /**
     * Own rows with this text that were there before our first attempt; null when nothing was ever typed
     * for this job. Non-null means a previous attempt may have sent it: look before typing again.
     */
    seenOwnRows: s.nullable(uuidList),
  }),
);

/** Popup → the X tab (messaging/ui.ts). */
export const insertReplySchema = s.payloadSchema(
  s.object({
    /** The thread the text is meant for; the content script refuses if another one is open. */
    threadId: s.optional(threadIdSchema),
    text: s.string({ min: 1, max: MAX_TEXT }),
  }),
);

const noPayload = s.payloadSchema(s.object({}));

/** Popup → the X tab (messaging/ui.ts). */
export const getOpenThreadSchema = noPayload;
/** Popup → the X tab (messaging/detection.ts). */
export const getChatMarkupSchema = noPayload;
/** Welcome page → an X tab (messaging/viewer.ts). */
export const getViewerSchema = noPayload;
/** Worker → X tabs (messaging/suggestion-bar.ts). */
export const barStateChangedSchema = noPayload;
