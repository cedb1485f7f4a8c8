import { contactKey, earliest, idOfKey, isHandleKey, latest, normalizeHandle } from '../core/contact-key.ts';
import type { Contact } from '../core/types.ts';
import type { AwayDb } from './db.ts';

/**
 * The one writer of contact rows (`people`). A contact is keyed by X's user id when one was seen, else by
 * `@handle` (core/contact-key.ts). Callers run these inside their own transaction over `db.people`.
 */

/** Who wrote: X's user id ('' when it could not be read) and the handle shown. */
export interface Person {
  id: string;
  handle: string;
}

/**
 * Two rows of one person as one, under `into`'s key: the earliest sighting and silence (a stop is never
 * lost), the latest reply (a cooldown is never shortened), every handle.
 */
export function mergeContacts(into: Contact, other: Contact | undefined): Contact {
  if (other === undefined) return into;
  return {
    ...into,
    name: into.name || other.name,
    handles: [...new Set([...into.handles, ...other.handles])],
    firstSeenAt: Math.min(into.firstSeenAt, other.firstSeenAt),
    lastRepliedAt: latest(into.lastRepliedAt, other.lastRepliedAt),
    silencedAt: earliest(into.silencedAt, other.silencedAt),
  };
}

function fresh(key: string, handle: string, at: number): Contact {
  const h = normalizeHandle(handle);
  return {
    key,
    id: idOfKey(key),
    handle: h,
    handles: h === '' ? [] : [h],
    name: '',
    firstSeenAt: at,
    lastRepliedAt: null,
    silencedAt: null,
  };
}

/** The rows that may be this person; `[]` when there is nobody to keep state for. */
async function rowsOf(db: AwayDb, person: Person): Promise<Contact[]> {
  const handle = normalizeHandle(person.handle);
  const byHandleKey = handle === '' ? undefined : await db.people.get(contactKey('', handle));
  if (person.id !== '') {
    // A row kept under the handle before the id was known is this person too, until it is merged.
    const byId = await db.people.get(person.id);
    return [byId, byHandleKey].filter((row) => row !== undefined);
  }
  if (handle === '') return [];
  // Fail safe without an id: anyone seen with this handle, so a stop or a cooldown is not escaped.
  const byHandles = await db.people.where('handles').equals(handle).toArray();
  return [byHandleKey, ...byHandles].filter((row) => row !== undefined);
}

/** What is known about this person: their rows merged (the most protective of each), or undefined. */
export async function findContact(db: AwayDb, person: Person): Promise<Contact | undefined> {
  const [first, ...rest] = await rowsOf(db, person);
  return first && rest.reduce(mergeContacts, first);
}

/**
 * Notes a sighting: creates the contact, refreshes its name and handle and, once a handle is seen with an
 * id, merges the row kept under that handle into the id's, so what was stored before follows the person.
 */
export async function seeContact(db: AwayDb, person: Person, name: string, at: number): Promise<void> {
  const handle = normalizeHandle(person.handle);
  // Some rows (e.g. a deleted account) show no handle; there is nobody to keep state for.
  if (handle === '') return;
  const key = contactKey(person.id, handle);
  const stored = await db.people.get(key);
  const base = stored ?? { ...fresh(key, handle, at), name };
  const orphan = isHandleKey(key) ? undefined : await db.people.get(contactKey('', handle));
  const next = mergeContacts(
    { ...base, handle, handles: [...new Set([handle, ...base.handles])], name: name || base.name },
    orphan,
  );
  if (orphan) await db.people.delete(orphan.key);
  if (!stored || JSON.stringify(stored) !== JSON.stringify(next)) await db.people.put(next);
}

/** An automatic message went out to the contact under `key`: their cooldown starts at `at`. */
export async function noteReplyTo(db: AwayDb, key: string, handle: string, at: number): Promise<void> {
  if (key === '@') return;
  const contact = (await db.people.get(key)) ?? fresh(key, handle, at);
  await db.people.put({ ...contact, lastRepliedAt: at });
}

/**
 * Silences this person (keeping an earlier silence) and returns every row silenced. Without an id, every
 * contact known under the handle is silenced, or a new one kept under `@handle`.
 */
export async function markSilenced(db: AwayDb, person: Person, at: number): Promise<Contact[]> {
  const rows = await rowsOf(db, person);
  const handle = normalizeHandle(person.handle);
  if (rows.length === 0 || (person.id !== '' && !rows.some((row) => row.key === person.id))) {
    if (handle === '' && person.id === '') return [];
    rows.push(fresh(contactKey(person.id, handle), handle, at));
  }
  const silenced = rows.map((row) => ({ ...row, silencedAt: row.silencedAt ?? at }));
  await db.people.bulkPut(silenced);
  return silenced;
}

/** Lifts a silence (only the user does). False when there was no such contact. */
export async function clearSilence(db: AwayDb, key: string): Promise<boolean> {
  return (await db.people.update(key, { silencedAt: null })) === 1;
}

export function listSilenced(db: AwayDb): Promise<Contact[]> {
  return db.people.filter((contact) => contact.silencedAt !== null).sortBy('handle');
}

/**
 * An imported contact (a handle, its last reply and silence) merged into what this browser knows: into
 * every contact known under that handle, else a new one under `@handle`. Never lifts a silence or
 * shortens a cooldown.
 */
export async function mergeImported(
  db: AwayDb,
  imported: Pick<Contact, 'handle' | 'lastRepliedAt' | 'silencedAt'>,
  at: number,
): Promise<void> {
  const person = { id: '', handle: imported.handle };
  const rows = await rowsOf(db, person);
  const targets = rows.length > 0 ? rows : [fresh(contactKey('', imported.handle), imported.handle, at)];
  const incoming = { ...fresh('@', imported.handle, at), ...imported, firstSeenAt: Number.POSITIVE_INFINITY };
  await db.people.bulkPut(targets.map((row) => mergeContacts(row, { ...incoming, handles: [] })));
}
