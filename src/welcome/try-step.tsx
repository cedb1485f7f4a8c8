import { type Signal, useSignal } from '@preact/signals';
import { useEffect, useId, useRef } from 'preact/hooks';
import type { Decision } from '../core/types.ts';
import { dryRun } from '../options/dry-run.ts';
import { DecisionView } from '../options/dry-run-section.tsx';
import { uiDb } from '../shared/db.ts';
import { t } from '../shared/i18n.ts';
import { detectMessageLanguage } from '../shared/language-detection.ts';
import { TextField } from '../ui/text-field.tsx';
import { type CurrentSetup, draftProblems, planWelcome, type WelcomeDraft, withPlan } from './plan.ts';

/** Who the made-up message is from: a handle no real contact has, so no history or cooldown applies. */
const SAMPLE_HANDLE = 'afx_sample';

/**
 * Step 4: a made-up message and what the answers above would do with it while away, computed exactly as
 * the options' "Try a message" does, with the answers not stored yet. Nothing is sent or stored.
 */
export function TryStep({
  draft,
  current,
  now,
}: {
  draft: Signal<WelcomeDraft>;
  current: CurrentSetup;
  now: () => number;
}) {
  const id = useId();
  const text = useSignal(t('welcomeTrySample'));
  const result = useSignal<Decision | null>(null);
  const unfinished = useSignal(false);
  // Answers can come back out of order while the user types: only the latest question's is shown.
  const asked = useRef(0);
  const run = async () => {
    const question = ++asked.current;
    if (draftProblems(draft.value).some((problem) => problem.field === 'body')) {
      result.value = null;
      unfinished.value = true;
      return;
    }
    unfinished.value = false;
    const plan = planWelcome(draft.value, current);
    const decision = await dryRun(
      uiDb(),
      plan.settings,
      {
        text: text.value,
        senderHandle: SAMPLE_HANDLE,
        senderName: t('welcomeTrySender'),
        threadKind: 'direct',
        pretendAway: true,
        // The same on-device detection the worker runs on a real message.
        language: await detectMessageLanguage(text.value),
        autoReplyLabel: t('autoReplyLabel'),
      },
      now(),
      withPlan(current, plan),
    );
    if (question === asked.current) result.value = decision;
  };
  // The answer follows the steps above as they change; the button tries an edited message.
  useEffect(() => {
    void run();
  }, [draft.value]);
  const ruleName = (ruleId: string) => current.rules.find((rule) => rule.id === ruleId)?.name ?? ruleId;
  return (
    <section class="card stack step" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('welcomeStepTry')}</h2>
      <p class="muted">{t('welcomeStepTryIntro')}</p>
      <TextField
        label={t('welcomeTryMessage', t('welcomeTrySender'))}
        rows={2}
        value={text.value}
        onInput={(v) => (text.value = v)}
      />
      <div>
        <button type="button" onClick={() => void run()}>
          {t('dryRunRun')}
        </button>
      </div>
      <div aria-live="polite">
        {unfinished.value ? <p class="muted">{t('welcomeTryFixText')}</p> : null}
        {result.value ? <DecisionView decision={result.value} ruleName={ruleName} /> : null}
      </div>
    </section>
  );
}
