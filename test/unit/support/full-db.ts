import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { SETTINGS_KEY } from '../../../src/storage/rows.ts';
import { dm } from './fresh-db.ts';

const AT = 1_760_000_000_000;

/** A profile in use: at least one row in every table, none of them a default. */
export async function fillEveryTable(db: AwayDb): Promise<void> {
  const settings = structuredClone(DEFAULT_SETTINGS);
  settings.myName = 'Sam';
  settings.schedule.awayEnabled = true;
  await db.settings.put({ key: SETTINGS_KEY, value: settings });
  await db.rules.put({
    id: 'mine',
    name: 'Mine',
    enabled: true,
    priority: 0,
    trigger: { kind: 'any' },
    mode: 'suggest',
    when: 'away',
    templateId: 'tpl-mine',
  });
  await db.templates.put({
    id: 'tpl-mine',
    name: 'Mine',
    body: 'Back soon',
    locale: 'en',
    quickReply: true,
    position: 0,
  });
  await db.people.put({
    key: '@alice',
    id: '',
    handle: 'alice',
    handles: ['alice'],
    name: 'Alice',
    firstSeenAt: AT,
    lastRepliedAt: AT,
    silencedAt: AT,
  });
  await db.threads.put({ threadId: '100-200', firstSeenAt: AT, lastIncomingAt: AT, lastAutoReplyAt: AT });
  await db.incoming.put(dm({ detectedAt: AT }));
  await db.undecided.put({ threadId: '100-200', messageId: dm().messageId, detectedAt: AT });
  await db.digests.put({ id: 'watch', watch: { away: true, since: AT } });
  await db.digests.put({
    id: 'latest',
    digest: { from: AT, to: AT, entries: [], replied: 0, waiting: 0 },
    dismissed: false,
  });
  await db.ledger.put({
    threadId: '100-200',
    messageId: 'm1',
    jobId: 'job-1',
    state: 'reserved',
    reservedAt: AT,
    updatedAt: AT,
  });
  await db.jobs.put({
    id: 'job-1',
    threadId: '100-200',
    messageId: 'm1',
    contactHandle: 'alice',
    text: 'Back soon',
    timing: { readMs: 0, thinkMs: 0, chunks: ['Back soon'], keyDelaysMs: [0], totalMs: 0 },
    dueAt: AT,
    state: 'pending',
    attempts: 0,
    createdAt: AT,
    leaseTabId: null,
    leaseUntil: null,
  });
  await db.activity.add({
    at: AT,
    kind: 'scheduled',
    threadId: '100-200',
    messageId: 'm1',
    contactHandle: 'alice',
  });
  await db.suggestions.put({
    threadId: '100-200',
    messageId: 'm1',
    text: 'Back soon',
    ruleId: 'mine',
    templateId: 'tpl-mine',
    createdAt: AT,
  });
  for (const table of db.tables) {
    if ((await table.count()) === 0) throw new Error(`fillEveryTable left ${table.name} empty`);
  }
}

/** Every table's rows, by table name, to compare two profiles. */
export async function snapshot(db: AwayDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}
