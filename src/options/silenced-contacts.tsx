import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { uiDb } from '../shared/db.ts';
import { formatDateTime, t } from '../shared/i18n.ts';
import { listSilencedContacts, silenceContact, unsilenceContact } from '../storage/contacts.ts';
import { liveValue, useLive } from '../ui/live.ts';
import { parseHandles } from './handles.ts';

/**
 * Silencing by hand, as a "stop" does: stored with the replies to that person still on their way
 * cancelled in the same transaction (storage/contacts.ts), each logged.
 */
function SilenceByHand() {
  const handle = useSignal('');
  const error = useSignal('');
  const id = useId();
  const submit = async (event: Event) => {
    event.preventDefault();
    const { handles, invalid } = parseHandles(handle.value);
    const [first] = handles;
    if (invalid.length > 0 || first === undefined || handles.length > 1) {
      error.value = t('silenceByHandInvalid', handle.value.trim());
      return;
    }
    error.value = '';
    await silenceContact(uiDb(), first, Date.now(), 'silenced');
    handle.value = '';
  };
  return (
    <form class="row" onSubmit={submit} noValidate>
      <div class="field">
        <label for={id}>{t('silenceByHand')}</label>
        <p id={`${id}-hint`} class="muted hint">
          {t('silenceByHandHint')}
        </p>
        <input
          id={id}
          value={handle.value}
          spellcheck={false}
          aria-describedby={`${id}-hint${error.value ? ` ${id}-error` : ''}`}
          aria-invalid={error.value ? true : undefined}
          onInput={(event) => (handle.value = event.currentTarget.value)}
        />
        {error.value ? (
          <p id={`${id}-error`} class="error">
            {error.value}
          </p>
        ) : null}
      </div>
      <button type="submit">{t('silenceByHandAction')}</button>
    </form>
  );
}

/** People who asked to stop or were silenced by hand. Only the user can lift that, one person at a time. */
export function SilencedContacts() {
  const live = useLive(() => listSilencedContacts(uiDb()));
  const contacts = liveValue(live.value, []);
  return (
    <section aria-labelledby="silenced-title" class="stack">
      <h3 id="silenced-title">{t('silencedTitle')}</h3>
      {contacts.length === 0 ? (
        <p class="muted">{t('silencedEmpty')}</p>
      ) : (
        <ul class="plain stack">
          {contacts.map((contact) => (
            <li key={contact.key} class="row">
              <span>
                @{contact.handle}{' '}
                <span class="muted">{t('silencedSince', formatDateTime(contact.silencedAt ?? 0))}</span>
              </span>
              <button
                type="button"
                aria-label={t('silencedLiftFor', `@${contact.handle}`)}
                onClick={() => void unsilenceContact(uiDb(), contact.key)}
              >
                {t('silencedLift')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SilenceByHand />
    </section>
  );
}
