import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwayDb } from '../../../src/storage/db.ts';
import { listRules } from '../../../src/storage/rules.ts';
import { getSettings, updateSettings } from '../../../src/storage/settings.ts';
import { listTemplates } from '../../../src/storage/templates.ts';
import { parseExport } from '../../../src/storage/transfer-check.ts';
import { type CurrentState, diffImport, isRisky } from '../../../src/storage/transfer-diff.ts';
import type { ExportDoc } from '../../../src/storage/transfer-schema.ts';
import { env, populatedWithExport } from './transfer-data.ts';

let db: AwayDb;
let valid: string;
let current: CurrentState;
beforeAll(async () => {
  ({ db, valid } = await populatedWithExport());
  // This browser already accepted the auto-send warning (issue 11's case).
  await updateSettings(db, env, (s) => ({ ...s, autoSendAcknowledged: true }));
  current = {
    settings: await getSettings(db, env),
    rules: await listRules(db),
    templates: await listTemplates(db),
  };
});
afterAll(() => db.close());

/** The exported file, edited. */
function fileWith(edit: (doc: ExportDoc) => void): ExportDoc {
  const doc = JSON.parse(valid) as ExportDoc;
  edit(doc);
  const parsed = parseExport(JSON.stringify(doc));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
  return parsed.value;
}

describe('diffImport', () => {
  it('finds no change in this browser’s own export', () => {
    expect(
      diffImport(
        current,
        fileWith(() => {}),
      ).filter((c) => c.kind !== 'contacts'),
    ).toEqual([]);
  });

  it('puts first what lets the extension send by itself, more and sooner (issue 11)', () => {
    const doc = fileWith((d) => {
      for (const rule of d.rules) rule.mode = 'auto';
      d.settings.limits = { contactCooldownMs: 0, minGapMs: 0, hourlyCap: 500, dailyCap: 500 };
      d.settings.timing = { minDelayMs: 0, maxDelayMs: 1_000 };
      d.settings.answerGroups = true;
      d.settings.denyList = [];
      d.templates[0]!.body = 'Changed {first_name}';
    });
    const changes = diffImport(current, doc);
    expect(changes).toEqual([
      { kind: 'rulesAuto', names: ['Pricing questions', 'Away reply'], acknowledged: true },
      { kind: 'limit', field: 'contactCooldownMs', from: 345_600_000, to: 0, looser: true },
      { kind: 'limit', field: 'minGapMs', from: 20_000, to: 0, looser: true },
      { kind: 'limit', field: 'hourlyCap', from: 20, to: 500, looser: true },
      { kind: 'limit', field: 'dailyCap', from: 100, to: 500, looser: true },
      {
        kind: 'timing',
        from: { minDelayMs: 30_000, maxDelayMs: 120_000 },
        to: { minDelayMs: 0, maxDelayMs: 1_000 },
        sooner: true,
      },
      { kind: 'groups', on: true },
      { kind: 'denyList', added: 0, removed: 1 },
      { kind: 'rules', added: 0, changed: 2, removed: 0 },
      { kind: 'templates', added: 0, changed: 1, removed: 0 },
      { kind: 'contacts', count: doc.contacts.length },
    ]);
    expect(changes.filter(isRisky)).toHaveLength(8);
  });

  it('tells safer changes apart, and rules added or removed', () => {
    const doc = fileWith((d) => {
      d.settings.limits = { contactCooldownMs: 7 * 86_400_000, minGapMs: 60_000, hourlyCap: 5, dailyCap: 10 };
      d.settings.addAutoReplyLabel = true;
      d.settings.denyList = ['spam_bot', 'another'];
      d.settings.schedule.useWeekly = false;
      d.settings.myName = 'Someone Else';
      d.rules = d.rules.filter((r) => r.id !== 'pricing-rule');
      d.rules.push({ ...d.rules[0]!, id: 'new-rule', name: 'New', mode: 'suggest' });
    });
    const changes = diffImport(current, doc);
    expect(changes.filter(isRisky)).toEqual([]);
    expect(changes.map((c) => c.kind)).toEqual([
      'limit',
      'limit',
      'limit',
      'limit',
      'label',
      'denyList',
      'schedule',
      'profile',
      'rules',
      'contacts',
    ]);
    expect(changes.find((c) => c.kind === 'rules')).toEqual({
      kind: 'rules',
      added: 1,
      changed: 0,
      removed: 1,
    });
  });

  it('an auto rule on a browser without the acknowledgement is reported as waiting for it', () => {
    const doc = fileWith((d) => {
      d.rules[0]!.mode = 'auto';
      d.settings.defaultMode = 'auto';
    });
    const unacknowledged = { ...current, settings: { ...current.settings, autoSendAcknowledged: false } };
    const changes = diffImport(unacknowledged, doc);
    expect(changes[0]).toEqual({ kind: 'rulesAuto', names: [doc.rules[0]!.name], acknowledged: false });
    // Import keeps defaultMode at "suggest" without the acknowledgement: nothing to report.
    expect(changes.some((c) => c.kind === 'defaultAuto')).toBe(false);
    expect(diffImport(current, doc).some((c) => c.kind === 'defaultAuto')).toBe(true);
  });
});
