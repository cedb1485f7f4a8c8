import { silenceContact } from '../../../src/storage/contacts.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { recordIncoming } from '../../../src/storage/incoming.ts';
import { putRule } from '../../../src/storage/rules.ts';
import { ensureSeeded } from '../../../src/storage/seed.ts';
import { updateSettings } from '../../../src/storage/settings.ts';
import { putTemplate } from '../../../src/storage/templates.ts';
import { recordAutoReply } from '../../../src/storage/threads.ts';
import { exportAll } from '../../../src/storage/transfer.ts';
import { dm, freshDb } from '../support/fresh-db.ts';

export const NOW = Date.UTC(2026, 10, 26, 9, 30);
const DAY = 86_400_000;
export const env = { timeZone: 'Europe/Paris', now: NOW };

/** The export of `db`, as the options page would save it; a refused export fails the test. */
export async function exportText(db: AwayDb): Promise<string> {
  const outcome = await exportAll(db, env);
  if (!outcome.ok) throw new Error(`export refused: ${JSON.stringify(outcome.problem)}`);
  return outcome.value;
}

/** A fresh database, `populate`d, and its export: the valid file the import tests start from. */
export async function populatedWithExport(): Promise<{ db: AwayDb; valid: string }> {
  const db = freshDb();
  try {
    await populate(db);
    return { db, valid: await exportText(db) };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A profile with something in every exported section, and things that must not be exported. */
export async function populate(db: AwayDb): Promise<void> {
  await ensureSeeded(db, { locale: 'en', timeZone: env.timeZone });
  await updateSettings(db, env, (s) => ({
    ...s,
    schedule: {
      ...s.schedule,
      awayEnabled: true,
      awaySince: NOW - DAY,
      useWeekly: true,
      weekly: [{ day: 6, startMinute: 0, endMinute: 1440 }],
      holidays: [{ from: '2026-12-24', to: '2027-01-02', label: 'Winter' }],
    },
    myName: 'Ann Example',
    myHandle: 'ann_example',
    denyList: ['spam_bot'],
  }));
  await putTemplate(db, {
    id: 'pricing',
    name: 'Pricing',
    body: 'Hi {first_name}! Prices are on my site.',
    locale: 'en',
    quickReply: true,
  });
  await putRule(db, {
    id: 'pricing-rule',
    name: 'Pricing questions',
    enabled: true,
    priority: 10,
    trigger: { kind: 'keywords', keywords: ['price', 'how much'] },
    mode: 'suggest',
    when: 'always',
    templateId: 'pricing',
  });
  await putRule(db, {
    id: 'invoice',
    name: 'Invoices',
    enabled: false,
    priority: 20,
    trigger: { kind: 'regex', pattern: '\\binvoice\\s+#?\\d+' },
    mode: 'auto',
    when: 'away',
    templateId: 'away-en',
  });
  await recordIncoming(db, dm({ senderHandle: 'recent', detectedAt: NOW - DAY }));
  await recordAutoReply(db, '100-200', 'recent', NOW - DAY);
  await recordIncoming(db, dm({ messageId: 'm-old', senderHandle: 'old', detectedAt: NOW - 30 * DAY }));
  await recordAutoReply(db, '100-200', 'old', NOW - 30 * DAY);
  await recordIncoming(db, dm({ messageId: 'm-quiet', senderHandle: 'quiet', detectedAt: NOW - DAY }));
  await silenceContact(db, 'stopper', NOW - 2 * DAY);
  await db.activity.add({
    at: NOW,
    kind: 'sent',
    threadId: '100-200',
    messageId: 'x',
    contactHandle: 'recent',
  });
}

/** Everything the database holds, for "nothing changed" comparisons. */
export async function snapshot(db: AwayDb): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    db.tables.map(async (table) => [table.name, await table.toArray()] as const),
  );
  return Object.fromEntries(entries);
}
