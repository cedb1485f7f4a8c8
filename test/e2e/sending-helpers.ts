import type { Person, Seed, SentRecord } from '../fixtures/fake-x/src/api.ts';
import type { Session, SessionPage } from './support/session.ts';
import { until } from './support/until.ts';

// Shared by the sending e2e files: accounts, configuring the extension the way its pages do (through its
// database and its messages), and reading back what happened.

export const ME: Person = { id: '1000', handle: 'me_away', name: 'Me Away' };

/** 0 → "Aa", 1 → "Ab", …: first names are letters only (the template's {first_name} stops at a digit). */
function letters(n: number): string {
  const a = 'a'.charCodeAt(0);
  return `${String.fromCharCode(65 + (Math.floor(n / 26) % 26))}${String.fromCharCode(a + (n % 26))}`;
}

/** People 2000, 2001, … with distinct handles and first names ("Friendaa Example"). */
export function people(count: number, from = 0): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(2000 + from + i),
    handle: `friend${from + i}`,
    name: `Friend${letters(from + i).toLowerCase()} Example`,
  }));
}

export function firstName(person: Person): string {
  return person.name.split(' ')[0] ?? '';
}

/** X's 1:1 thread id: the two numeric ids, low first. */
export function threadWith(person: Person, me: Person = ME): string {
  const [low, high] = [BigInt(me.id), BigInt(person.id)].sort((a, b) => (a < b ? -1 : 1));
  return `${low}-${high}`;
}

/** One 1:1 thread per person, each with an old message (history, never answered). */
export function seedWith(list: Person[], me: Person = ME): Seed {
  return {
    me,
    threads: list.map((person) => ({
      with: [person],
      history: [{ from: person.handle, text: 'An old message', minutesAgo: 90 }],
    })),
  };
}

// Shared with the tests outside sending; re-exported so the sending files import one module.
export { until };

/** Caps as high as X allows: for tests where many people write and none should be held back. */
export const MANY_CAPS = { minGapMs: 0, hourlyCap: 500, dailyCap: 500 };

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SendingSetup {
  mode: 'auto' | 'suggest';
  /**
   * Pin the open X chat tabs first (default true), as a user keeping X's chat at hand does: auto mode then
   * reuses a pinned chat tab instead of opening its own, and the test knows which tab types.
   */
  pinChatTabs?: boolean;
  minDelayMs: number;
  maxDelayMs: number;
  minGapMs: number;
  /** Replaces the body of the starter away templates (a short one leaves the plan time to wait). */
  templateBody?: string;
  hourlyCap?: number;
  dailyCap?: number;
  /** Per-contact cooldown; the default (4 days) when absent. */
  contactCooldownMs?: number;
  /** The rules' grace period ("only if I haven't answered within N minutes"); theirs when absent. */
  graceMinutes?: number;
}

/**
 * Runs in an extension page: waits for the worker to seed the database, writes the options the options
 * page writes (delay bounds, limits, the auto-send acknowledgement, the rules' mode), then switches away
 * on through the worker's `setAway` message, as the popup does.
 */
export async function configureInPage(setup: SendingSetup & { dbName: string }): Promise<void> {
  interface Api {
    runtime: { sendMessage(m: unknown): Promise<unknown> };
    tabs: {
      query(q: { url: string }): Promise<{ id?: number }[]>;
      update(id: number, p: { pinned: boolean }): Promise<unknown>;
    };
  }
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  const api = g.browser ?? g.chrome;
  const runtime = api.runtime;
  if (setup.pinChatTabs ?? true) {
    for (const tab of await api.tabs.query({ url: 'https://x.com/i/chat*' })) {
      if (tab.id !== undefined) await api.tabs.update(tab.id, { pinned: true });
    }
  }
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(setup.dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const done = (tx: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  const get = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  for (let i = 0; ; i++) {
    // Opening a database that does not exist yet would create an empty one under the worker's feet.
    const exists = (await indexedDB.databases()).some((d) => d.name === setup.dbName);
    if (!exists) {
      if (i > 100) throw new Error('the worker never created its database');
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    const db = await open();
    const ready =
      db.objectStoreNames.contains('settings') &&
      (await get(db.transaction('settings').objectStore('settings').get('settings'))) !== undefined &&
      (await get(db.transaction('rules').objectStore('rules').count())) > 0;
    db.close();
    if (ready) break;
    if (i > 100) throw new Error('the worker never seeded the database');
    await new Promise((r) => setTimeout(r, 100));
  }
  const db = await open();
  const tx = db.transaction(['settings', 'rules', 'templates'], 'readwrite');
  const settingsStore = tx.objectStore('settings');
  const row = (await get(settingsStore.get('settings'))) as { key: string; value: Record<string, unknown> };
  const value = row.value;
  value.timing = { minDelayMs: setup.minDelayMs, maxDelayMs: setup.maxDelayMs };
  const limits = value.limits as Record<string, number>;
  value.limits = {
    ...limits,
    minGapMs: setup.minGapMs,
    hourlyCap: setup.hourlyCap ?? limits.hourlyCap,
    dailyCap: setup.dailyCap ?? limits.dailyCap,
    contactCooldownMs: setup.contactCooldownMs ?? limits.contactCooldownMs,
  };
  value.autoSendAcknowledged = setup.mode === 'auto';
  value.defaultMode = setup.mode;
  settingsStore.put(row);
  const rules = tx.objectStore('rules');
  for (const rule of (await get(rules.getAll())) as Array<Record<string, unknown>>) {
    rules.put({
      ...rule,
      mode: setup.mode,
      ...(setup.graceMinutes === undefined ? {} : { graceMinutes: setup.graceMinutes }),
    });
  }
  if (setup.templateBody !== undefined) {
    const templates = tx.objectStore('templates');
    for (const id of ['away-en', 'away-fr']) {
      const template = (await get(templates.get(id))) as Record<string, unknown> | undefined;
      if (template) templates.put({ ...template, body: setup.templateBody });
    }
  }
  await done(tx);
  db.close();
  // Last, through the worker as the popup does: the worker sees its own write at once (a raw write from
  // another context is only seen when read again), so it reacts to away and the new options together.
  await runtime.sendMessage({ type: 'setAway', payload: { enabled: true, until: null } });
}

interface StatusRecord {
  tabId: number;
  status: { ok: boolean; variant: string; url: string };
}

/**
 * Configures the extension of a session, then waits until an X chat tab passed its self-check (its
 * detector is attached: a DM arriving earlier would be part of the page's baseline). The extension page
 * is closed again, so the X tab is the one in front, as when a person uses it.
 */
export async function configure(s: Session, setup: SendingSetup): Promise<void> {
  const page = await s.extensionPage('src/options/index.html');
  try {
    await page.evaluate(configureInPage, { ...setup, dbName: 'away-for-x' });
    await until('an X chat tab to pass its self-check', async () => {
      const records = (await messageWorker(page, 'getAdapterStatuses', {})) as StatusRecord[];
      return records.some((r) => r.status.ok && r.status.variant !== 'none');
    });
  } finally {
    await page.close();
  }
}

/** Runs `action` with an extension page open, then closes it. */
export async function withExtensionPage<T>(
  s: Session,
  action: (page: SessionPage) => Promise<T>,
): Promise<T> {
  const page = await s.extensionPage('src/options/index.html');
  try {
    return await action(page);
  } finally {
    await page.close();
  }
}

/** Sends a typed message from an extension page to the worker (as the popup would). */
export function messageWorker(page: SessionPage, type: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    async ([name, body]) => {
      const g = globalThis as unknown as {
        browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      return (g.browser ?? g.chrome).runtime.sendMessage({ type: name, payload: body });
    },
    [type, payload] as [string, unknown],
  );
}

export interface StoredRow {
  threadId: string;
  messageId: string;
  detectedAt: number;
  text: string;
}

export interface ActivityRow {
  kind: string;
  threadId: string;
  messageId: string;
  reason?: string;
  text?: string;
}

export interface JobRow {
  id: string;
  threadId: string;
  state: string;
  attempts: number;
  text: string;
}

export const incoming = async (s: Session) => (await s.readExtensionStore('incoming')) as StoredRow[];
export const activity = async (s: Session) => (await s.readExtensionStore('activity')) as ActivityRow[];
export const jobs = async (s: Session) => (await s.readExtensionStore('jobs')) as JobRow[];

export async function sentIn(s: Session, thread: string): Promise<SentRecord[]> {
  return (await s.fakeX.sent()).filter((record) => record.thread === thread);
}

/** The English away template (core/defaults.ts) rendered for a first name, any variation. */
export function awayReplyPattern(firstName: string): RegExp {
  return new RegExp(
    `^(Hi|Hello|Hey) ${firstName}, thanks for your message! I'm away at the moment and will (reply|get back to you) as soon as I can\\.$`,
  );
}
