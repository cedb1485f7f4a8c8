import { type FailureCode, MAX_PAUSE_MS, type PostponeCode, type RunJob } from '../messaging/sending.ts';
import {
  CONFIRM_TIMEOUT_MS,
  newRowsWithText,
  openThread,
  openThreadId,
  sendButtonShown,
  settledRow,
  type TyperDeps,
  userIsBusy,
} from './typer-steps.ts';
import {
  appendText,
  type Composer,
  clearComposer,
  composerFocused,
  findComposer,
  pressSend,
  readySendButton,
} from './x/composer.ts';

export type { TyperDeps } from './typer-steps.ts';

export type TyperOutcome =
  | { outcome: 'sent'; rowId: string; pressedAt: number }
  | { outcome: 'alreadySent'; rowId: string }
  | { outcome: 'postponed'; code: PostponeCode }
  | { outcome: 'failed'; code: FailureCode }
  | { outcome: 'stopped' };

/** Time kept before the planned send moment for the last checks. */
const FINAL_CHECKS_MS = 50;
/** Waits shorter than this are not worth a round trip to the worker: the next chunk is typed at once. */
const MIN_PAUSE_MS = 12;
/** Typing that starts late catches up by going faster, down to this share of the planned typing time. */
const MIN_TYPING_SHARE = 0.4;

const postponed = (code: PostponeCode): TyperOutcome => ({ outcome: 'postponed', code });
const failed = (code: FailureCode): TyperOutcome => ({ outcome: 'failed', code });
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Waits `ms` through the worker, in pauses it accepts; at least one, so the go-ahead is always fresh. */
async function wait(deps: TyperDeps, ms: number, final = false): Promise<boolean> {
  let left = Math.max(0, ms);
  do {
    const step = Math.min(left, MAX_PAUSE_MS);
    left -= step;
    if (!(await deps.pause(step, final && left === 0))) return false;
  } while (left > 0);
  return true;
}

/**
 * Types one reply in the open page and sends it, exactly once, in the right thread:
 * opens the thread like a person (inbox row click), checks a previous attempt did not already send it,
 * never takes over a composer the user is using, types the plan's chunks with its pauses, checks the
 * thread again right before sending, then waits for our row to reach "sent".
 */
export async function runTyper(job: RunJob, deps: TyperDeps): Promise<TyperOutcome> {
  if (userIsBusy(deps)) return postponed('userBusy');
  const opened = await openThread(deps, job.threadId);
  if (opened === 'stop') return { outcome: 'stopped' };
  if (opened !== 'ok') return postponed(opened);

  if (job.seenOwnRows !== null) {
    // An earlier attempt got as far as typing: its message may be out (or still on its way).
    const known = new Set(job.seenOwnRows);
    const earlier = await settledRow(deps, job.text, known, {
      timeoutMs: CONFIRM_TIMEOUT_MS,
      expectRow: false,
    });
    if (earlier.state === 'sent') return { outcome: 'alreadySent', rowId: earlier.uuid };
    // Still on its way, or a row that may be it: typing again could put a second copy in the thread.
    if (earlier.state === 'timeout' || earlier.state === 'uncertain') return failed('notConfirmed');
  }

  const root = deps.chatRoot();
  const composer = root ? findComposer(root) : null;
  if (!root || !composer) return failed('noComposer');
  const { textarea } = composer;
  if (textarea.value !== '') {
    // Our own text from an attempt cut short (a reload keeps X's draft) is ours to remove; anything else
    // is the user's draft, which means they are busy. An empty composer with the focus is not: X focuses
    // it whenever a conversation opens.
    const leftover = job.seenOwnRows !== null && job.text.startsWith(textarea.value);
    if (!leftover) return postponed('userBusy');
    clearComposer(textarea);
  }

  const before = newRowsWithText(root, job.text, new Set()).map((row) => row.uuid);
  if (!(await deps.started(before))) return { outcome: 'stopped' };
  const known = new Set([...before, ...(job.seenOwnRows ?? [])]);
  return typeAndSend(job, deps, composer, known);
}

/** Why typing must stop before the next chunk, or null when the composer is still ours to type in. */
function interference(job: RunJob, deps: TyperDeps, composer: Composer, typed: string, since: number) {
  const root = deps.chatRoot();
  if (openThreadId(deps) !== job.threadId) return 'threadMismatch';
  if (!composer.textarea.isConnected || (root && findComposer(root)?.textarea !== composer.textarea)) {
    return 'threadMismatch';
  }
  if (composer.textarea.value !== typed) return 'userBusy';
  // Focus moved after a person's click or key: whatever they are doing now, typing would get in the way.
  if (!composerFocused(composer.textarea) && deps.activity.lastInputAt() > since) return 'userBusy';
  return null;
}

/** Removes what we typed, and only that: if the user changed the text, it is theirs now. */
function cleanUp(composer: Composer, typed: string): void {
  const { textarea } = composer;
  if (textarea.isConnected && textarea.value === typed && typed !== '') clearComposer(textarea);
  if (composerFocused(textarea)) textarea.blur();
}

async function typeAndSend(
  job: RunJob,
  deps: TyperDeps,
  composer: Composer,
  known: ReadonlySet<string>,
): Promise<TyperOutcome> {
  // The plan's chunks always add up to the text; if they ever did not, typing the text at once is safer.
  const asPlanned = job.chunks.join('') === job.text;
  const chunks = asPlanned ? job.chunks : [job.text];
  const delays = asPlanned ? chunks.map((_, i) => job.keyDelaysMs[i] ?? 0) : [sum(job.keyDelaysMs)];
  const since = deps.now();
  const start = Math.max(job.typingStartAt, since);
  const typingMs = sum(delays);
  // The reply is due at the plan's moment, typingStartAt + the typing time, which keeps it inside the
  // user's delay bounds. Typing that starts late (the thread was slow to open, the worker woke late) goes
  // faster to keep that moment, down to MIN_TYPING_SHARE of the planned time; only later than that is the
  // reply late. Chunks are typed at fixed moments of the plan, so time lost to round trips or a slow page
  // is caught up by the next waits instead of adding up; the plan leaves room for the last checks.
  const fastest = Math.min(typingMs, typingMs * MIN_TYPING_SHARE + FINAL_CHECKS_MS);
  const sendAt = Math.max(job.typingStartAt + typingMs, start + fastest);
  const squeeze = typingMs > 0 ? Math.max(0, Math.min(1, (sendAt - FINAL_CHECKS_MS - start) / typingMs)) : 0;
  let typed = '';
  let planned = 0;
  const stop = (outcome: TyperOutcome) => {
    cleanUp(composer, typed);
    return outcome;
  };

  if (!(await wait(deps, start - deps.now()))) return stop({ outcome: 'stopped' });
  for (const [i, chunk] of chunks.entries()) {
    planned += delays[i] ?? 0;
    const left = start + planned * squeeze - deps.now();
    if (left >= MIN_PAUSE_MS && !(await wait(deps, left))) return stop({ outcome: 'stopped' });
    const problem = interference(job, deps, composer, typed, since);
    if (problem) return stop(postponed(problem));
    if (!appendText(composer.textarea, chunk)) return stop(failed('textRejected'));
    typed += chunk;
  }
  // X mounts its send button once the composer holds text (an empty one has a voice button, or none).
  const usable = () => readySendButton(composer) !== null;
  if (!(await sendButtonShown(deps, usable))) {
    return stop(usable() ? { outcome: 'stopped' } : failed('textRejected'));
  }

  // The last pause is short (the plan leaves FINAL_CHECKS_MS for it), so its go-ahead is still fresh when
  // send is pressed; anything longer is waited out first.
  const beforeFinal = sendAt - FINAL_CHECKS_MS - deps.now();
  if (beforeFinal >= MIN_PAUSE_MS && !(await wait(deps, beforeFinal))) return stop({ outcome: 'stopped' });
  if (!(await wait(deps, sendAt - deps.now(), true))) return stop({ outcome: 'stopped' });
  const problem = interference(job, deps, composer, typed, since);
  if (problem) return stop(postponed(problem));
  const pressedAt = deps.now();
  if (!pressSend(composer)) return stop(failed('textRejected'));
  if (composerFocused(composer.textarea)) composer.textarea.blur();

  const result = await settledRow(deps, job.text, known, { timeoutMs: CONFIRM_TIMEOUT_MS, expectRow: true });
  if (result.state === 'sent') return { outcome: 'sent', rowId: result.uuid, pressedAt };
  return failed(result.state === 'failed' ? 'sendFailed' : 'notConfirmed');
}
