import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getContact } from '../../../src/storage/contacts.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { listRules } from '../../../src/storage/rules.ts';
import { ensureSeeded } from '../../../src/storage/seed.ts';
import { getSettings, updateSettings } from '../../../src/storage/settings.ts';
import { listTemplates } from '../../../src/storage/templates.ts';
import { exportAll, importAll } from '../../../src/storage/transfer.ts';
import { parseExport } from '../../../src/storage/transfer-check.ts';
import { freshDb } from '../support/fresh-db.ts';
import { env, exportText, NOW, populate, snapshot } from './transfer-data.ts';

let db: AwayDb;
beforeEach(async () => {
  db = freshDb();
  await populate(db);
});
afterEach(() => db.close());

const exported = (from: AwayDb = db): Promise<string> => exportText(from);

describe('exportAll', () => {
  it('writes the versioned document with its sections in the documented order', async () => {
    const doc = JSON.parse(await exported());
    expect(Object.keys(doc)).toEqual([
      'format',
      'version',
      'exportedAt',
      'settings',
      'rules',
      'templates',
      'contacts',
    ]);
    expect(doc).toMatchObject({ format: 'away-for-x', version: 1, exportedAt: '2026-11-26T09:30:00.000Z' });
    expect(doc.rules.map((r: { id: string }) => r.id)).toEqual(['pricing-rule', 'invoice', 'away-default']);
    expect(doc.templates.at(-1).id).toBe('pricing');
    expect(Object.keys(doc.rules[0])).toEqual([
      'id',
      'name',
      'enabled',
      'priority',
      'trigger',
      'mode',
      'when',
      'templateId',
      'graceMinutes',
    ]);
  });

  it('leaves out this browser state: away switch, auto-send acknowledgement, log, ledger, threads', async () => {
    const text = await exported();
    const doc = JSON.parse(text);
    expect(Object.keys(doc.settings.schedule)).toEqual(['useWeekly', 'weekly', 'holidays', 'timeZone']);
    expect(doc.settings).not.toHaveProperty('autoSendAcknowledged');
    expect(text).not.toMatch(/activity|ledger|messageId|threadId/);
  });

  it('carries silenced contacts and running cooldowns only', async () => {
    const doc = JSON.parse(await exported());
    expect(doc.contacts).toEqual([
      { handle: 'recent', lastRepliedAt: NOW - 86_400_000, silencedAt: null },
      { handle: 'stopper', lastRepliedAt: null, silencedAt: NOW - 2 * 86_400_000 },
    ]);
  });

  it('skips a contact whose handle X could not have, rather than failing the export', async () => {
    await db.people.put({
      key: '@odd handle!',
      id: '',
      handle: 'odd handle!',
      handles: ['odd handle!'],
      name: '',
      firstSeenAt: NOW,
      lastRepliedAt: null,
      silencedAt: NOW,
    });
    const doc = JSON.parse(await exported());
    expect(doc.contacts.map((c: { handle: string }) => c.handle)).toEqual(['recent', 'stopper']);
  });

  it('refuses to write a file that import would refuse for its size', async () => {
    const long = 'x'.repeat(1900);
    for (let i = 0; i < 600; i++) {
      await db.templates.put({
        id: `big-${i}`,
        name: 'Big',
        body: long,
        locale: 'en',
        quickReply: false,
        position: 100 + i,
      });
    }
    expect(await exportAll(db, env)).toEqual({ ok: false, problem: { code: 'tooLarge', path: '' } });
  });

  it('is pretty-printed JSON ending with a newline that parseExport accepts', async () => {
    const text = await exported();
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "settings": {\n');
    expect(parseExport(text).ok).toBe(true);
  });
});

describe('export → import → export', () => {
  it('is byte-identical in the same profile', async () => {
    const first = await exported();
    expect(await importAll(db, first, env)).toEqual({
      ok: true,
      value: { rules: 3, templates: 5, contacts: 2 },
    });
    expect(await exported()).toBe(first);
  });

  it('is byte-identical through a new profile', async () => {
    const first = await exported();
    const other = freshDb();
    await ensureSeeded(other, { locale: 'fr', timeZone: 'America/New_York' });
    expect((await importAll(other, first, env)).ok).toBe(true);
    expect(await exported(other)).toBe(first);
    other.close();
  });
});

describe('importAll', () => {
  it('replaces rules and templates with the file and keeps the file order', async () => {
    const text = await exported();
    const other = freshDb();
    await ensureSeeded(other, { locale: 'fr', timeZone: 'UTC' });
    await importAll(other, text, env);
    expect(await listRules(other)).toEqual(await listRules(db));
    expect(await listTemplates(other)).toEqual(await listTemplates(db));
    other.close();
  });

  it("keeps this browser's away switch and acknowledgement, and downgrades auto without it", async () => {
    await updateSettings(db, env, (s) => ({ ...s, autoSendAcknowledged: true, defaultMode: 'auto' }));
    const text = await exported();
    const other = freshDb();
    await ensureSeeded(other, { locale: 'en', timeZone: 'UTC' });
    await importAll(other, text, env);
    const settings = await getSettings(other, env);
    expect(settings.schedule.awayEnabled).toBe(false);
    expect(settings.schedule.awaySince).toBeNull();
    expect(settings.autoSendAcknowledged).toBe(false);
    expect(settings.defaultMode).toBe('suggest');
    expect(settings.myHandle).toBe('ann_example');
    expect(settings.schedule.timeZone).toBe('Europe/Paris');
    other.close();
  });

  it('never lifts a silence nor shortens a cooldown known here', async () => {
    const doc = JSON.parse(await exported());
    doc.contacts = [
      { handle: 'recent', lastRepliedAt: NOW - 5 * 86_400_000, silencedAt: null },
      { handle: 'stopper', lastRepliedAt: null, silencedAt: null },
      { handle: 'newcomer', lastRepliedAt: null, silencedAt: NOW },
    ];
    expect((await importAll(db, JSON.stringify(doc), env)).ok).toBe(true);
    expect((await getContact(db, 'recent'))?.lastRepliedAt).toBe(NOW - 86_400_000);
    expect((await getContact(db, 'stopper'))?.silencedAt).toBe(NOW - 2 * 86_400_000);
    expect(await getContact(db, 'newcomer')).toEqual({
      key: '@newcomer',
      id: '',
      handle: 'newcomer',
      handles: ['newcomer'],
      name: '',
      firstSeenAt: NOW,
      lastRepliedAt: null,
      silencedAt: NOW,
    });
    expect((await getContact(db, 'quiet'))?.name).toBe('Alice');
  });

  it('changes nothing when the database write fails midway', async () => {
    const text = await exported();
    const before = await snapshot(db);
    db.templates.hook('creating', () => {
      throw new Error('quota exceeded');
    });
    expect(await importAll(db, text, env)).toEqual({
      ok: false,
      problem: { code: 'storageFailed', path: '' },
    });
    expect(await snapshot(db)).toEqual(before);
  });
});
