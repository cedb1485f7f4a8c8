import { useSignal } from '@preact/signals';
import type { SendJob } from '../core/types.ts';
import { appendActivity } from '../storage/activity.ts';
import { listJobs } from '../storage/jobs.ts';
import { uiDb } from '../ui/db.ts';
import { formatDateTime, t } from '../ui/i18n.ts';
import { liveValue, useLive } from '../ui/live.ts';

/**
 * Cancels one job if it has not started typing. A job already typing belongs to a tab that checks the
 * job's state before sending, but stopping mid-text would leave a half message in X's composer, so the
 * popup only offers cancel while it is pending.
 */
export async function cancelPendingJob(id: string, now: number): Promise<boolean> {
  const db = uiDb();
  return db.transaction('rw', [db.jobs, db.activity], async () => {
    const job = await db.jobs.get(id);
    if (job?.state !== 'pending') return false;
    await db.jobs.update(id, { state: 'cancelled', leaseTabId: null, leaseUntil: null });
    await appendActivity(
      db,
      {
        at: now,
        kind: 'cancelled',
        threadId: job.threadId,
        messageId: job.messageId,
        contactHandle: job.contactHandle,
        text: job.text,
      },
      now,
    );
    return true;
  });
}

function JobItem({ job, now }: { job: SendJob; now: () => number }) {
  const busy = useSignal(false);
  const gone = useSignal(false);
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
      <p class="quote">{job.text}</p>
      {job.state === 'pending' ? (
        <button
          type="button"
          class="danger"
          disabled={busy.value}
          aria-label={t('jobCancelFor', `@${job.contactHandle}`)}
          onClick={async () => {
            busy.value = true;
            gone.value = !(await cancelPendingJob(job.id, now()));
            busy.value = false;
          }}
        >
          {t('actionCancel')}
        </button>
      ) : null}
      {gone.value ? <p role="status">{t('jobAlreadyGone')}</p> : null}
    </li>
  );
}

export function PendingJobs({ now }: { now: () => number }) {
  const live = useLive(() => listJobs(uiDb(), ['pending', 'typing']));
  const jobs = liveValue(live.value, []);
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="jobs-title">
      <h2 id="jobs-title">{t('popupJobsTitle', jobs.length)}</h2>
      <ul class="plain stack">
        {jobs.map((job) => (
          <JobItem key={job.id} job={job} now={now} />
        ))}
      </ul>
    </section>
  );
}
