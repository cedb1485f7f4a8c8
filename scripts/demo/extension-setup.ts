import type { Rule } from '../../src/core/types.ts';
import type { StoredTemplate } from '../../src/storage/rows.ts';

/**
 * Settings the demo writes from an extension page (the options page's own database, as the options page
 * writes it). Each function runs inside that page: self-contained, no imports at run time.
 */

export const DEMO_TEMPLATE: StoredTemplate = {
  id: 'demo-pricing',
  name: 'Pricing',
  body: "{Hi|Hello} {first_name}, thanks for asking! My prices are in the pinned post on my profile. I'm travelling this week and will follow up when I'm back.",
  locale: 'en',
  quickReply: false,
  position: 100,
};

export const DEMO_RULE: Rule = {
  id: 'demo-pricing',
  name: 'Pricing questions',
  enabled: true,
  // Before the starter "any message" rule (priority 100): the first matching rule wins.
  priority: 10,
  trigger: { kind: 'keywords', keywords: ['price', 'prices', 'pricing', 'quote'] },
  mode: 'suggest',
  when: 'away',
  templateId: DEMO_TEMPLATE.id,
};

export interface DemoSetup {
  dbName: string;
  timing: { minDelayMs: number; maxDelayMs: number };
  rule: Rule;
  template: StoredTemplate;
}

type Row = { key: string; value: Record<string, unknown> };

/** Waits for the worker's first-run seeding, then adds the demo rule and shortens the delays. */
export async function applyDemoSetup(setup: DemoSetup): Promise<void> {
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  for (let i = 0; ; i++) {
    // Opening a database that does not exist yet would create an empty one under the worker's feet.
    if ((await indexedDB.databases()).some((d) => d.name === setup.dbName)) {
      const db = await request(indexedDB.open(setup.dbName));
      const seeded =
        db.objectStoreNames.contains('settings') &&
        (await request(db.transaction('settings').objectStore('settings').get('settings'))) !== undefined;
      db.close();
      if (seeded) break;
    }
    if (i > 150) throw new Error('The extension never set up its database.');
    await new Promise((r) => setTimeout(r, 100));
  }
  const db = await request(indexedDB.open(setup.dbName));
  const tx = db.transaction(['settings', 'rules', 'templates'], 'readwrite');
  const settings = tx.objectStore('settings');
  const row = (await request(settings.get('settings'))) as Row;
  row.value.timing = setup.timing;
  row.value.limits = { ...(row.value.limits as object), minGapMs: 0 };
  settings.put(row);
  tx.objectStore('templates').put(setup.template);
  tx.objectStore('rules').put(setup.rule);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/**
 * What a user does in Options → Automatic sending and in the rule editor: accept the warning, make auto
 * the default, and let every rule send by itself.
 */
export async function enableAutoSend(dbName: string): Promise<void> {
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const db = await request(indexedDB.open(dbName));
  const tx = db.transaction(['settings', 'rules'], 'readwrite');
  const settings = tx.objectStore('settings');
  const row = (await request(settings.get('settings'))) as Row;
  row.value.autoSendAcknowledged = true;
  row.value.defaultMode = 'auto';
  settings.put(row);
  const rules = tx.objectStore('rules');
  for (const rule of (await request(rules.getAll())) as Rule[]) rules.put({ ...rule, mode: 'auto' });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}
