import type { CancelReason } from '../core/job-lifecycle.ts';
import type { Contact } from '../core/types.ts';
import type { AwayDb } from './db.ts';
import { cancelContactJobs, jobTables } from './jobs.ts';
import { clearSilence, findContact, listSilenced, markSilenced } from './people.ts';

/** What is known about the person with this handle (and X user id, when known: '' falls back to the handle). */
export function getContact(db: AwayDb, handle: string, id = ''): Promise<Contact | undefined> {
  return findContact(db, { id, handle });
}

/**
 * Stops all automatic messages to a contact (they wrote a stop word, or the user chose so), and in the
 * same transaction cancels the replies to them still waiting or being typed, logged with `reason`.
 * Creates the contact when needed, so a handle can be silenced before they ever write. Keeps the first
 * silencing time. With `id` the silence follows the person through a change of handle; without it (typed
 * by hand, or not readable on the page) every contact known under the handle is silenced.
 */
export function silenceContact(
  db: AwayDb,
  handle: string,
  at: number,
  reason: Extract<CancelReason, 'stopWord' | 'silenced'> = 'silenced',
  id = '',
): Promise<Contact[]> {
  return db.transaction('rw', jobTables(db), async () => {
    const silenced = await markSilenced(db, { id, handle }, at);
    for (const contact of silenced) await cancelContactJobs(db, contact, at, reason);
    return silenced;
  });
}

/** Only the user lifts a silence, by the contact's key. Returns false when there was no such contact. */
export function unsilenceContact(db: AwayDb, key: string): Promise<boolean> {
  return db.transaction('rw', db.people, () => clearSilence(db, key));
}

export function listSilencedContacts(db: AwayDb): Promise<Contact[]> {
  return listSilenced(db);
}
