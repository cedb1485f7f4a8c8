import { type Signal, useSignal } from '@preact/signals';
import { useEffect, useId } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { TextField } from '../ui/text-field.tsx';
import type { WelcomeDraft } from './plan.ts';
import { askViewer, type ViewerLookup } from './x-viewer.ts';

const LOOKUP_KEYS: Record<Exclude<ViewerLookup['state'], 'found'>, string> = {
  noTab: 'welcomeReadXNoTab',
  noAnswer: 'welcomeReadXNoAnswer',
  signedOut: 'welcomeReadXSignedOut',
};

function lookupText(lookup: ViewerLookup | null): string {
  if (!lookup) return '';
  return lookup.state === 'found'
    ? t('welcomeReadXFound', `@${lookup.handle}`)
    : t(LOOKUP_KEYS[lookup.state]);
}

interface YouStepProps {
  draft: Signal<WelcomeDraft>;
  handleError: string;
  ask?: () => Promise<ViewerLookup>;
}

/**
 * Step 1: the name replies can sign with, and the handle never to answer. The handle is read from an open
 * X tab when there is one (the adapter reads X's page), once when the page opens (only into an empty
 * field) and again on request; it can always be typed.
 */
export function YouStep({ draft, handleError, ask = askViewer }: YouStepProps) {
  const id = useId();
  const lookup = useSignal<ViewerLookup | null>(null);
  const busy = useSignal(false);
  const read = async (fillAlways: boolean) => {
    busy.value = true;
    const found = await ask().catch((): ViewerLookup => ({ state: 'noAnswer' }));
    busy.value = false;
    lookup.value = found;
    if (found.state === 'found' && (fillAlways || draft.value.handle.trim() === '')) {
      draft.value = { ...draft.value, handle: `@${found.handle}` };
    }
  };
  useEffect(() => {
    void read(false);
  }, []);
  const set = (change: Partial<WelcomeDraft>) => {
    draft.value = { ...draft.value, ...change };
  };
  return (
    <section class="card stack step" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('welcomeStepYou')}</h2>
      <p class="muted">{t('welcomeStepYouIntro')}</p>
      <TextField
        label={t('profileName')}
        value={draft.value.name}
        maxLength={200}
        onInput={(name) => set({ name })}
      />
      <div class="field">
        <label for={`${id}-handle`}>{t('profileHandle')}</label>
        <input
          id={`${id}-handle`}
          class="handle-input"
          value={draft.value.handle}
          spellcheck={false}
          autoComplete="off"
          aria-invalid={handleError ? true : undefined}
          aria-describedby={`${id}-hint${handleError ? ` ${id}-error` : ''}`}
          onInput={(event) => set({ handle: event.currentTarget.value })}
        />
        <p id={`${id}-hint`} class="muted hint">
          {t('profileHandleHint')}
        </p>
        {handleError ? (
          <p id={`${id}-error`} class="error">
            {handleError}
          </p>
        ) : null}
      </div>
      <div class="row">
        <button type="button" disabled={busy.value} onClick={() => void read(true)}>
          {t('welcomeReadX')}
        </button>
        <p role="status" class={lookup.value?.state === 'found' ? 'notice-ok' : 'muted'}>
          {lookupText(lookup.value)}
        </p>
      </div>
    </section>
  );
}
