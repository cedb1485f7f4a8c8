import { useSignal } from '@preact/signals';
import type { SendJob } from '../core/types.ts';
import { sendMessage } from '../messaging/send.ts';
import { sendReplyNow } from '../messaging/step-aside.ts';
import { uiDb } from '../shared/db.ts';
import { formatDateTime, t } from '../shared/i18n.ts';
import { cancelJob, listJobs } from '../storage/jobs.ts';
import { liveValue, useLive } from '../ui/live.ts';
import { jobWaitingText } from '../ui/words.ts';
import { GraceCountdown } from './grace-countdown.tsx';

/**
 * Cancels one reply that has not gone out. A reply being typed is cancelled too: the typing tab checks
 * the job at its next pause, stops and takes its text back out of the composer (as when away goes off).
 * False when the reply was already sent, failed or cancelled meanwhile.
 */
export function cancelPendingJob(id: string, now: number): Promise<boolean> {
  return cancelJob(uiDb(), id, now);
}

/** Asks the worker to end a reply's grace period now; false when it was no longer waiting in one. */
export function sendJobNowFromPopup(id: string): Promise<boolean> {
  return sendMessage(sendReplyNow, { jobId: id });
}

interface JobItemProps {
  job: SendJob;
  now: () => number;
  onCancel: () => Promise<void>;
  onSendNow: () => Promise<void>;
}

function JobItem({ job, now, onCancel, onSendNow }: JobItemProps) {
  const busy = useSignal(false);
  // A job being typed is past whatever held it back last time.
  const waiting = job.state === 'pending' ? jobWaitingText(job.error) : null;
  return (
    <li class="card">
      <p>
        <strong>@{job.contactHandle}</strong>{' '}
        <span class="muted">
          {job.state === 'typing'
            ? t('jobTypingNow')
            : t('jobDueAt', formatDateTime(job.dueAt, { weekday: undefined }))}
        </span>
      </p>
      {waiting && <p class="muted">{waiting}</p>}
      <GraceCountdown job={job} now={now} onSendNow={onSendNow} />
      <p class="quote">{job.text}</p>
      <button
        type="button"
        class="danger"
        disabled={busy.value}
        aria-label={t('jobCancelFor', `@${job.contactHandle}`)}
        onClick={async () => {
          busy.value = true;
          await onCancel();
          busy.value = false;
        }}
      >
        {t('actionCancel')}
      </button>
    </li>
  );
}

interface PendingJobsProps {
  now: () => number;
  /** "Send now" on a reply in its grace period (the worker's message by default). */
  sendNow?: (id: string) => Promise<boolean>;
}

export function PendingJobs({ now, sendNow = sendJobNowFromPopup }: PendingJobsProps) {
  const live = useLive(() => listJobs(uiDb(), ['pending', 'typing']));
  const jobs = liveValue(live.value, []);
  // Outside the items: the item is gone from the live list by the time the answer comes back.
  const notice = useSignal('');
  const cancel = async (id: string) => {
    notice.value = (await cancelPendingJob(id, now())) ? t('jobCancelled') : t('jobAlreadyGone');
  };
  if (jobs.length === 0 && !notice.value) return null;
  return (
    <section aria-labelledby="jobs-title">
      <h2 id="jobs-title">{t('popupJobsTitle', jobs.length)}</h2>
      <ul class="plain stack">
        {jobs.map((job) => (
          <JobItem
            key={job.id}
            job={job}
            now={now}
            onCancel={() => cancel(job.id)}
            onSendNow={async () => {
              notice.value = (await sendNow(job.id)) ? t('graceSentNow') : t('jobAlreadyGone');
            }}
          />
        ))}
      </ul>
      <p role="status">{notice.value}</p>
    </section>
  );
}
