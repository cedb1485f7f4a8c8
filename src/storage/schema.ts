import type { Transaction } from 'dexie';
import { earliest, latest } from '../core/contact-key.ts';

/**
 * Numbered schema versions. A version is never edited once released: a change is a new version with an
 * upgrade function, so a profile created by any earlier release opens with its data intact.
 */
export const STORES_V1 = {
  settings: 'key',
  rules: 'id, priority',
  templates: 'id',
  contacts: 'handle',
  threads: 'threadId',
  incoming: '[threadId+messageId], threadId, detectedAt',
  ledger: '[threadId+messageId], jobId, state',
  jobs: 'id, state, dueAt',
  activity: '++id, at, kind, contactHandle',
  suggestions: 'threadId',
} as const;

/** Version 2: templates get a user-chosen order (`position`), contact handles become case-insensitive. */
export const STORES_V2 = { ...STORES_V1, templates: 'id, position' } as const;

/**
 * Version 3: `undecided` holds the DMs stored as new whose decision is not yet logged. The row is written
 * with the DM and deleted with the decision's writes, so a worker stopped in between leaves it behind and
 * the next wake decides it (background/undecided.ts). Nothing to migrate: DMs stored by an earlier version
 * were decided (or lost) back then, and deciding them now would answer old messages.
 */
export const STORES_V3 = { ...STORES_V2, undecided: '[threadId+messageId], detectedAt' } as const;

/**
 * Version 4:
 * - `digests` keeps the "while you were away" digest until the user dismisses it, and the away state the
 *   worker last saw (to notice away ending).
 * - Contacts are keyed by X's user id, which a change of handle keeps (handle and name are display
 *   data). IndexedDB cannot change a primary key, so `people` (key: the id, else `@handle`; every handle seen
 *   indexed) replaces `contacts`, copied in the upgrade and dropped by it. Nothing stored names an id yet, so
 *   every contact arrives under `@handle`; the first message showing that handle with an id merges it into
 *   the id's row (storage/people.ts). Jobs without a `contactKey` count against `@handle` the same way.
 */
export const STORES_V4 = { ...STORES_V3, digests: 'id', contacts: null, people: 'key, *handles' } as const;

export const CURRENT_VERSION = 4;

interface ContactV1 {
  handle: string;
  name: string;
  firstSeenAt: number;
  lastRepliedAt: number | null;
  silencedAt: number | null;
}

/**
 * Version 1 keyed contacts by the handle as X displayed it, but X handles are case-insensitive, so
 * "@Alice" and "@alice" were two contacts with two cooldowns. Merge them: the earliest first sighting, the
 * latest reply (so the cooldown is not shortened) and the earliest silencing (a stop word is never lost).
 */
export function mergeContactsByHandle(rows: ContactV1[]): ContactV1[] {
  const merged = new Map<string, ContactV1>();
  for (const row of rows) {
    const handle = row.handle.toLowerCase();
    const seen = merged.get(handle);
    merged.set(
      handle,
      seen
        ? {
            handle,
            name: seen.name || row.name,
            firstSeenAt: Math.min(seen.firstSeenAt, row.firstSeenAt),
            lastRepliedAt: latest(seen.lastRepliedAt, row.lastRepliedAt),
            silencedAt: earliest(seen.silencedAt, row.silencedAt),
          }
        : { ...row, handle },
    );
  }
  return [...merged.values()];
}

export async function upgradeToV2(tx: Transaction): Promise<void> {
  const contacts = tx.table<ContactV1, string>('contacts');
  const merged = mergeContactsByHandle(await contacts.toArray());
  await contacts.clear();
  await contacts.bulkPut(merged);
  await tx
    .table<{ contactHandle: string }>('activity')
    .toCollection()
    .modify((entry) => {
      entry.contactHandle = entry.contactHandle.toLowerCase();
    });
  // Version 1 listed templates in id order; keep that order as the starting position.
  let position = 0;
  await tx
    .table<{ position?: number }>('templates')
    .toCollection()
    .modify((template) => {
      template.position = position++;
    });
}

export async function upgradeToV4(tx: Transaction): Promise<void> {
  const contacts = await tx.table<ContactV1, string>('contacts').toArray();
  await tx.table('people').bulkPut(
    contacts.map((contact) => ({
      ...contact,
      key: `@${contact.handle}`,
      id: '',
      handles: contact.handle === '' ? [] : [contact.handle],
    })),
  );
}
