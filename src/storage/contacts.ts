import type { CancelReason } from '../core/job-lifecycle.ts';
import type { Contact } from '../core/types.ts';
import type { AwayDb } from './db.ts';
import { normalizeHandle } from './incoming.ts';
import { cancelContactJobs, jobTables } from './jobs.ts';

export function getContact(db: AwayDb, handle: string): Promise<Contact | undefined> {
  return db.contacts.get(normalizeHandle(handle));
}

/**
 * Stops all automatic messages to a contact (they wrote a stop word, or the user chose so), and in the
 * same transaction cancels the replies to them still waiting or being typed, logged with `reason`.
 * Creates the contact when needed, so a handle can be silenced before they ever write. Keeps the first
 * silencing time.
 */
export function silenceContact(
  db: AwayDb,
  handle: string,
  at: number,
  reason: Extract<CancelReason, 'stopWord' | 'silenced'> = 'silenced',
): Promise<Contact> {
  const key = normalizeHandle(handle);
  return db.transaction('rw', [db.contacts, ...jobTables(db)], async () => {
    const contact: Contact = (await db.contacts.get(key)) ?? {
      handle: key,
      name: '',
      firstSeenAt: at,
      lastRepliedAt: null,
      silencedAt: null,
    };
    const next = { ...contact, silencedAt: contact.silencedAt ?? at };
    await db.contacts.put(next);
    await cancelContactJobs(db, key, at, reason);
    return next;
  });
}

/** Only the user lifts a silence. Returns false when there was no such contact. */
export function unsilenceContact(db: AwayDb, handle: string): Promise<boolean> {
  return db.transaction('rw', db.contacts, async () => {
    const updated = await db.contacts.update(normalizeHandle(handle), { silencedAt: null });
    return updated === 1;
  });
}

export function listSilencedContacts(db: AwayDb): Promise<Contact[]> {
  return db.contacts.filter((contact) => contact.silencedAt !== null).sortBy('handle');
}
