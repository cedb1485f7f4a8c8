import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { listRules, putRule } from '../../../src/storage/rules.ts';
import { getSettings, updateSettings } from '../../../src/storage/settings.ts';
import { readSettings } from '../../../src/storage/settings-read.ts';
import { importAll, previewImport } from '../../../src/storage/transfer.ts';
import { freshDb } from '../support/fresh-db.ts';
import { env, exportText, populate } from './transfer-data.ts';

// VIPs, urgent words and the rules that answer urgent messages travel in the settings file; the switch
// itself stays in this browser (it needs this browser's notifications permission).

let db: AwayDb;
beforeEach(async () => {
  db = freshDb();
  await populate(db);
});
afterEach(() => db.close());

async function withUrgent(target: AwayDb) {
  await updateSettings(target, env, (s) => ({
    ...s,
    urgentAlerts: true,
    vipList: ['boss', 'carol'],
    urgentWords: ['server down'],
  }));
  const [rule] = await listRules(target);
  await putRule(target, { ...rule!, answerUrgent: true });
  return rule!.id;
}

describe('urgent people in the settings file', () => {
  it('exports the lists and a rule’s answerUrgent, not the switch; imports them back', async () => {
    const ruleId = await withUrgent(db);
    const text = await exportText(db);
    const doc = JSON.parse(text);
    expect(doc.settings.vipList).toEqual(['boss', 'carol']);
    expect(doc.settings.urgentWords).toEqual(['server down']);
    expect(doc.settings).not.toHaveProperty('urgentAlerts');
    expect(doc.rules.find((r: { id: string }) => r.id === ruleId).answerUrgent).toBe(true);
    // Rules that do not answer urgent messages carry no key: older files and exports stay as they were.
    expect(doc.rules.filter((r: { answerUrgent?: boolean }) => r.answerUrgent === undefined)).toHaveLength(
      doc.rules.length - 1,
    );

    const other = freshDb();
    try {
      expect((await importAll(other, text, env)).ok).toBe(true);
      const settings = await getSettings(other, env);
      expect(settings).toMatchObject({ vipList: ['boss', 'carol'], urgentWords: ['server down'] });
      // Not carried: this browser has not granted the permission.
      expect(settings.urgentAlerts).toBe(false);
      expect((await listRules(other)).find((r) => r.id === ruleId)?.answerUrgent).toBe(true);
      expect(await exportText(other)).toBe(text);
    } finally {
      other.close();
    }
  });

  it('a file written before these settings existed still imports, and keeps this browser’s switch', async () => {
    await withUrgent(db);
    const doc = JSON.parse(await exportText(db));
    delete doc.settings.vipList;
    delete doc.settings.urgentWords;
    const outcome = await importAll(db, JSON.stringify(doc), env);
    expect(outcome.ok).toBe(true);
    expect(await getSettings(db, env)).toMatchObject({ urgentAlerts: true, vipList: [], urgentWords: [] });
  });

  it('refuses bad values like every other field', async () => {
    const doc = JSON.parse(await exportText(db));
    doc.settings.vipList = ['Not A Handle'];
    expect(await importAll(db, JSON.stringify(doc), env)).toMatchObject({
      ok: false,
      problem: { code: 'invalidValue', path: '/settings/vipList/0' },
    });
    doc.settings.vipList = [];
    doc.settings.urgentWords = [' padded '];
    expect((await importAll(db, JSON.stringify(doc), env)).ok).toBe(false);
    doc.settings.urgentWords = ['x'.repeat(101)];
    expect((await importAll(db, JSON.stringify(doc), env)).ok).toBe(false);
  });

  it('the preview lists VIP and urgent-word changes, removals among the risky ones', async () => {
    await withUrgent(db);
    const doc = JSON.parse(await exportText(db));
    doc.settings.vipList = ['boss', 'dave', 'erin'];
    doc.settings.urgentWords = [];
    const preview = await previewImport(db, JSON.stringify(doc), env);
    expect(preview.ok).toBe(true);
    const changes = preview.ok ? preview.value : [];
    expect(changes).toContainEqual({ kind: 'vipList', added: 2, removed: 1 });
    expect(changes).toContainEqual({ kind: 'urgentWords', added: 0, removed: 1 });
  });

  it('reading stored settings keeps the valid entries and defaults missing ones to off and empty', () => {
    expect(readSettings({}, DEFAULT_SETTINGS)).toMatchObject({
      urgentAlerts: false,
      vipList: [],
      urgentWords: [],
    });
    const read = readSettings(
      { urgentAlerts: 'yes', vipList: ['@Boss', 'bad handle', 7], urgentWords: [' asap ', '', '!!'] },
      DEFAULT_SETTINGS,
    );
    expect(read).toMatchObject({ urgentAlerts: false, vipList: ['boss'], urgentWords: ['asap'] });
  });
});
