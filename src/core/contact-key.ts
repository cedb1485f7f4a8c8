import type { Contact } from './types.ts';

/** X handles are case-insensitive; contacts and lists use the lower-case form, without the `@`. */
export function normalizeHandle(handle: string): string {
  return handle.replace(/^@/, '').toLowerCase();
}

/**
 * The key a contact is stored and counted under: X's user id, which survives a change of handle. Where no
 * id could be read (a group message, a page whose ids we could not tell apart, data stored before ids were
 * kept) it falls back to `@handle`, as contacts were keyed before: a rename then starts afresh, which is
 * the best that can be done without the id. Ids are digits only, so the two kinds never collide.
 */
export function contactKey(id: string, handle: string): string {
  return id !== '' ? id : `@${normalizeHandle(handle)}`;
}

/** True for a key made from a handle (no id was known). */
export function isHandleKey(key: string): boolean {
  return key.startsWith('@');
}

/** The user id inside a key, '' for a handle key. */
export function idOfKey(key: string): string {
  return isHandleKey(key) ? '' : key;
}

/** The contact a job or a send counts against; jobs stored before contacts had keys name a handle only. */
export function keyOfJob(job: { contactKey?: string; contactHandle: string }): string {
  return job.contactKey ?? contactKey('', job.contactHandle);
}

/** Every handle this person is known under: the current one and those seen before with the same id. */
export function knownHandles(handle: string, contact: Pick<Contact, 'handles'> | null): string[] {
  const current = normalizeHandle(handle);
  const before = contact?.handles ?? [];
  return current === '' || before.includes(current) ? [...before] : [current, ...before];
}

/** Whether a deny or allow list (handles as the user typed them) names any of `handles`. */
export function listNames(list: readonly string[], handles: readonly string[]): boolean {
  return list.some((entry) => handles.includes(normalizeHandle(entry)));
}

/** The earlier of two moments, either possibly unknown: merged contacts keep the first sighting and silence. */
export function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** The later of two moments, either possibly unknown: merged contacts keep the last reply (the cooldown). */
export function latest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
