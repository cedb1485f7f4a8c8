import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Settings } from '../core/types.ts';
import { uiDb, uiEnv } from '../shared/db.ts';
import { fetchBundle, type Lang, lang, type MessageBundle, t } from '../shared/i18n.ts';
import { LanguageSelect } from '../ui/language-select.tsx';
import { liveValue, useLive } from '../ui/live.ts';
import { problemText } from '../ui/problem-words.ts';
import { notifySettingsChanged } from '../ui/save-status.tsx';
import { finishWelcome, readCurrentSetup } from './finish.ts';
import { ModeStep } from './mode-step.tsx';
import {
  type CurrentSetup,
  type DraftProblem,
  draftProblems,
  initialDraft,
  type WelcomeDraft,
} from './plan.ts';
import { ReplyStep } from './reply-step.tsx';
import { TryStep } from './try-step.tsx';
import { askViewer as askXTabs, type ViewerLookup } from './x-viewer.ts';
import { YouStep } from './you-step.tsx';

export interface WelcomeProps {
  settings: Settings;
  now?: () => number;
  /** Another language's messages file (the starting texts of the replies' language). */
  loadTexts?: (which: Lang) => Promise<MessageBundle>;
  askViewer?: () => Promise<ViewerLookup>;
}

/** What the page shows once finished: what was saved, and that nothing was switched on. */
function Done({ onEdit }: { onEdit: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="card stack step" aria-labelledby="welcome-done">
      <h2 id="welcome-done" ref={heading} tabIndex={-1}>
        {t('welcomeDoneTitle')}
      </h2>
      <p>{t('welcomeDoneAwayOff')}</p>
      <div class="row">
        <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('welcomeOpenSettings')}
        </button>
        <button type="button" onClick={onEdit}>
          {t('welcomeEdit')}
        </button>
      </div>
    </section>
  );
}

function Steps({ current, ...props }: Required<Omit<WelcomeProps, 'settings'>> & { current: CurrentSetup }) {
  const draft = useSignal<WelcomeDraft>(initialDraft(current, lang.value));
  const tried = useSignal(false);
  const failure = useSignal('');
  const done = useSignal(false);
  const problems = tried.value ? draftProblems(draft.value) : [];
  const has = (field: DraftProblem['field']) => problems.some((p) => p.field === field);
  const finish = async () => {
    tried.value = true;
    failure.value = '';
    const found = draftProblems(draft.value);
    if (found.length > 0) {
      // To the first field that needs fixing, so keyboard users land on it.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const outcome = await finishWelcome(uiDb(), uiEnv(), draft.value);
    if (!outcome.ok) {
      failure.value = t('welcomeSaveFailed', problemText(outcome.problem));
      return;
    }
    notifySettingsChanged();
    done.value = true;
  };
  if (done.value) return <Done onEdit={() => (done.value = false)} />;
  return (
    <>
      <YouStep
        draft={draft}
        handleError={has('handle') ? t('profileHandleInvalid') : ''}
        ask={props.askViewer}
      />
      <ReplyStep draft={draft} showError={tried.value} loadTexts={props.loadTexts} />
      <ModeStep draft={draft} ackError={has('acknowledged') ? t('welcomeAckNeeded') : ''} />
      <TryStep draft={draft} current={current} now={props.now} />
      <div class="stack finish">
        <div class="row">
          <button type="button" class="primary" onClick={() => void finish()}>
            {t('welcomeFinish')}
          </button>
          <p class="muted">{t('welcomeFinishHint')}</p>
        </div>
        {problems.length > 0 ? (
          <p role="alert" class="error">
            {t('welcomeFixFirst')}
          </p>
        ) : null}
        {failure.value ? (
          <p role="alert" class="notice-error">
            {failure.value}
          </p>
        ) : null}
      </div>
    </>
  );
}

/**
 * The first-run page (opened once on install, and from the options): four short steps, one page, all of
 * it answerable from the keyboard. Nothing is stored before Finish, and Finish never switches away on.
 */
export function WelcomeApp({
  settings,
  now = Date.now,
  loadTexts = fetchBundle,
  askViewer = askXTabs,
}: WelcomeProps) {
  // Read once: the answers start from what is stored and then belong to the page until Finish.
  const live = useLive(() => readCurrentSetup(uiDb(), uiEnv()));
  const current = liveValue(live.value, null);
  const first = useSignal<CurrentSetup | null>(null);
  if (current && !first.value) first.value = current;
  return (
    <div class="welcome">
      <header class="row welcome-header">
        <h1>{t('welcomeTitle')}</h1>
        <LanguageSelect settings={settings} />
      </header>
      <main class="stack">
        <p class="lead">{t('welcomeIntro')}</p>
        {first.value ? (
          <Steps
            current={{ ...first.value, settings }}
            now={now}
            loadTexts={loadTexts}
            askViewer={askViewer}
          />
        ) : (
          <p aria-busy="true" />
        )}
      </main>
    </div>
  );
}
