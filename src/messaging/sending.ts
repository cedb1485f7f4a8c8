import { defineMessage, type PayloadOf } from './define.ts';
import type * as content from './schemas/content.ts';
import type * as schemas from './schemas/sending.ts';

/**
 * Messages between the worker, which owns send jobs, and the X tab that types one. The worker leases a
 * job to one tab (`runJob`); that tab reports every step back, and the worker answers whether it may go
 * on. Only the lease holder's reports count, so a second tab or a reloaded page can never send twice.
 */

/** Why a tab put a job back for later (not a failure: nothing was sent, nothing is lost). */
export type PostponeCode =
  /** The user is using this tab: composer focused or not empty, or they clicked or typed just now. */
  | 'userBusy'
  /** Another thread is (or became) open: typing stopped before anything reached the wrong composer. */
  | 'threadMismatch'
  /** The thread's row is not in the inbox on screen, so it cannot be opened the way a person would. */
  | 'threadNotListed'
  /** The thread did not finish loading in time. */
  | 'notLoaded';

/** Why an attempt failed; the worker retries with backoff, then logs the last code. */
export type FailureCode =
  /** No composer where one was expected. */
  | 'noComposer'
  /** The composer did not take the text. */
  | 'textRejected'
  /** Our row ended "failed" (X refused or the network dropped it). */
  | 'sendFailed'
  /** Our row never reached "sent" in time. */
  | 'notConfirmed';

/**
 * Final codes the worker writes in the activity log (`reason`) for a job that did not go out, besides
 * FailureCode: `expired` (no usable chat tab, or never a good moment, before the job's deadline),
 * `expiredUserBusy` (the same, the person was using the X tab each time it tried) and `awayOff`
 * (cancelled because away was switched off). The popup shows them as `sendProblem_<code>`.
 */
export type SendProblemCode = FailureCode | 'expired' | 'expiredUserBusy';

export type RunJob = PayloadOf<typeof content.runJobSchema>;
export type RunJobAnswer = { accepted: true } | { accepted: false; reason: 'busy' };

/**
 * The typer (src/content/typer-entry.ts), built into the extension at this path: X pages do not carry it,
 * since automatic replies are opt-in; the worker injects it into the leased tab before each `runJob`.
 */
export const TYPER_FILE = 'src/content/typer.js';

/** Worker → the leased tab's content script: type and send this reply. Answers at once. */
export const runJob = defineMessage<RunJob, RunJobAnswer>('runJob');

/** Content → worker: about to type the first character. The answer is the go-ahead. */
export const jobStarted = defineMessage<PayloadOf<typeof schemas.jobStartedSchema>, { go: boolean }>(
  'jobStarted',
);

/** The longest single pause a tab may ask for; longer waits are several pauses. */
export const MAX_PAUSE_MS = 5_000;

/**
 * Content → worker, for every wait while a job runs: the worker answers after `waitMs` and renews the
 * lease meanwhile; `go: false` means stop and remove what was typed. Waiting in the worker rather than
 * with the page's timers matters: browsers throttle timers of hidden tabs (a pinned tab) to one per
 * second or even one per minute, while a message answer wakes the page at once.
 */
export const jobPause = defineMessage<PayloadOf<typeof schemas.jobPauseSchema>, { go: boolean }>('jobPause');

export type JobFinished = PayloadOf<typeof schemas.jobFinishedSchema>;

/** Content → worker: how the attempt ended. `recorded: false` when this tab no longer held the lease. */
export const jobFinished = defineMessage<JobFinished, { recorded: boolean }>('jobFinished');

/**
 * Content → worker when the content script starts: this page runs no job, so any lease the tab held
 * belongs to a page that is gone (reload, navigation) and can be handed out again at once.
 */
export const typerReady = defineMessage<PayloadOf<typeof schemas.typerReadySchema>, void>('typerReady');
