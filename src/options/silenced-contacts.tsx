import { listSilencedContacts, unsilenceContact } from '../storage/contacts.ts';
import { uiDb } from '../ui/db.ts';
import { formatDateTime, t } from '../ui/i18n.ts';
import { liveValue, useLive } from '../ui/live.ts';

/** People who asked to stop. Only the user can lift that, one person at a time. */
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
            <li key={contact.handle} class="row">
              <span>
                @{contact.handle}{' '}
                <span class="muted">{t('silencedSince', formatDateTime(contact.silencedAt ?? 0))}</span>
              </span>
              <button
                type="button"
                aria-label={t('silencedLiftFor', `@${contact.handle}`)}
                onClick={() => void unsilenceContact(uiDb(), contact.handle)}
              >
                {t('silencedLift')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
