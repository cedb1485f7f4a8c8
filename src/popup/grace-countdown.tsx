import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { graceLeft } from '../core/grace.ts';
import type { SendJob } from '../core/types.ts';
import { t } from '../shared/i18n.ts';

/** `m:ss` (or `h:mm:ss`) for a time left, rounded up: 0:01 until the very end. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

interface GraceProps {
  job: SendJob;
  now: () => number;
  /** "Send now": ends the grace period (asks the worker). */
  onSendNow: () => Promise<void>;
}

/**
 * A reply waiting in its rule's grace period ("only if I haven't answered within N minutes"): the time
 * left, counting down each second, and "send now". Renders nothing once the period is over.
 */
export function GraceCountdown({ job, now, onSendNow }: GraceProps) {
  const tick = useSignal(0);
  const busy = useSignal(false);
  const left = graceLeft(job, now());
  const running = left > 0;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      tick.value += 1;
    }, 1000);
    return () => clearInterval(timer);
  }, [running]);
  // Reading tick subscribes this component to the clock.
  if (!running || tick.value < 0) return null;
  return (
    <div class="row">
      <p class="muted" role="timer">
        {t('graceLeft', formatCountdown(left))}
      </p>
      <button
        type="button"
        disabled={busy.value}
        aria-label={t('graceSendNowFor', `@${job.contactHandle}`)}
        onClick={async () => {
          busy.value = true;
          await onSendNow();
          busy.value = false;
        }}
      >
        {t('graceSendNow')}
      </button>
    </div>
  );
}
