import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, defaultRulesFor, starterTemplatesFor } from '../../../src/core/defaults.ts';
import { csvCell, toCsv } from '../../../src/options/csv.ts';
import { dryRun } from '../../../src/options/dry-run.ts';
import { parseHandles } from '../../../src/options/handles.ts';
import { checkRange } from '../../../src/options/holidays-editor.tsx';
import { checkLimits } from '../../../src/options/limits-section.tsx';
import { parseKeywords } from '../../../src/options/rule-editor.tsx';
import { emptyGrid, gridFromSlots, slotsFromGrid, toggled } from '../../../src/options/weekly-grid.ts';
import { silenceContact } from '../../../src/storage/contacts.ts';
import { putRule } from '../../../src/storage/rules.ts';
import { putTemplate } from '../../../src/storage/templates.ts';
import { problemText, ruleErrorText, templateErrorText } from '../../../src/ui/problem-words.ts';
import { moved } from '../../../src/ui/reorder.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
useEnglish();

describe('CSV export', () => {
  it('quotes every cell and doubles quotes', () => {
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(3)).toBe('"3"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd']) {
      expect(csvCell(evil).startsWith(`"'`), evil).toBe(true);
    }
    expect(csvCell('hello =1')).toBe('"hello =1"');
  });

  it('writes CRLF rows with a BOM', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c', '=d'],
      ]),
    ).toBe('\uFEFF"a","b"\r\n"c","\'=d"\r\n');
  });
});

describe('handle lists', () => {
  it('accept @handles, bare handles and profile URLs, lower case and without duplicates', () => {
    expect(parseHandles('@Alice\nbob, https://x.com/Carol_1?s=20\n@alice')).toEqual({
      handles: ['alice', 'bob', 'carol_1'],
      invalid: [],
    });
  });

  it('report what is not a handle', () => {
    expect(parseHandles('ok bad-name @x.y').invalid).toEqual(['bad-name', '@x.y']);
  });
});

describe('weekly grid', () => {
  it('turns runs of hours into slots and back', () => {
    let grid = emptyGrid();
    for (const hour of [9, 10, 11, 23]) grid = toggled(grid, 1, hour);
    const slots = slotsFromGrid(grid);
    expect(slots).toEqual([
      { day: 1, startMinute: 540, endMinute: 720 },
      { day: 1, startMinute: 1380, endMinute: 1440 },
    ]);
    expect(gridFromSlots(slots)).toEqual(grid);
  });

  it('shows a slot that does not start on the hour from the next whole hour it covers', () => {
    const grid = gridFromSlots([{ day: 0, startMinute: 90, endMinute: 200 }]);
    expect(grid[0]?.slice(0, 4)).toEqual([false, false, true, true]);
  });
});

describe('limits form', () => {
  const draft = {
    cooldownDays: '4',
    minGapSeconds: '20',
    hourlyCap: '20',
    dailyCap: '100',
    minDelaySeconds: '30',
    maxDelaySeconds: '120',
  };

  it('converts to stored units', () => {
    expect(checkLimits(draft).value).toEqual({
      limits: { contactCooldownMs: 4 * 86_400_000, minGapMs: 20_000, hourlyCap: 20, dailyCap: 100 },
      timing: { minDelayMs: 30_000, maxDelayMs: 120_000 },
    });
  });

  it('never lets the daily cap above X’s 500 a day', () => {
    const checked = checkLimits({ ...draft, dailyCap: '501' });
    expect(checked.value).toBeUndefined();
    expect(checked.errors.dailyCap).toBe('Enter a number from 0 to 500: X’s own daily limit is about 500.');
    expect(checkLimits({ ...draft, dailyCap: '500' }).value?.limits.dailyCap).toBe(500);
  });

  it('refuses blanks, non-numbers and a longest delay shorter than the shortest', () => {
    const checked = checkLimits({ ...draft, hourlyCap: '', cooldownDays: 'x', maxDelaySeconds: '10' });
    expect(Object.keys(checked.errors).sort()).toEqual(['cooldownDays', 'hourlyCap', 'maxDelaySeconds']);
    expect(checked.errors.maxDelaySeconds).toMatch(/longest delay/);
  });
});

describe('small parsers', () => {
  it('keywords split on lines and commas', () => {
    expect(parseKeywords('price, cost\n\n  rates ')).toEqual(['price', 'cost', 'rates']);
  });

  it('holiday ranges need both dates in order', () => {
    expect(checkRange('2026-08-01', '2026-08-15', ' Summer ')).toEqual({
      from: '2026-08-01',
      to: '2026-08-15',
      label: 'Summer',
    });
    expect(checkRange('2026-08-15', '2026-08-01', '')).toBe('The last day is before the first.');
    expect(checkRange('', '2026-08-01', '')).toBe('Choose both dates.');
  });

  it('moves an item and refuses to leave the list', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b'], 0, -1)).toBeNull();
  });
});

describe('errors in words', () => {
  it('say where a template or regex error is, counting from 1', () => {
    expect(templateErrorText('unclosedBrace', 4)).toBe('A { is never closed. (at character 5)');
    expect(ruleErrorText('lookaround', 0)).toMatch(/^Lookarounds .*\(at character 1\)$/);
    expect(ruleErrorText('keywordBlank', 1)).toBe('A keyword has no letters or digits. (keyword 2)');
    expect(ruleErrorText('patternTooLong', 500)).toBe('The pattern is too long (at most 500 characters).');
  });

  it('explain storage problems with core’s detail and the place', () => {
    expect(
      problemText({ code: 'invalidTemplate', path: '/templates/2/body', detail: 'unknownVariable@6' }),
    ).toBe(
      'A template is not valid. Unknown variable: use the buttons below to insert one. (at character 7) (at /templates/2/body)',
    );
    expect(problemText({ code: 'notJson', path: '' })).toBe('This is not a settings file (not JSON).');
  });
});

describe('dry run', () => {
  const NOW = Date.UTC(2026, 6, 1, 12);
  async function seeded() {
    const db = freshDb();
    for (const template of starterTemplatesFor('fr')) await putTemplate(db, template);
    for (const rule of defaultRulesFor('en')) await putRule(db, rule);
    return db;
  }
  const input = {
    text: 'Hello, are you around?',
    senderHandle: '@Alice',
    senderName: 'Alice Martin',
    threadKind: 'direct' as const,
    pretendAway: true,
    autoReplyLabel: '[auto-reply]',
    language: null,
  };

  it('shows the reply the stored rules would prepare', async () => {
    const decision = await dryRun(await seeded(), DEFAULT_SETTINGS, input, NOW);
    expect(decision).toMatchObject({ kind: 'reply', ruleId: 'away-default', mode: 'suggest' });
    expect(decision.kind === 'reply' && decision.text).toMatch(/Alice, thanks for your message/);
  });

  it('tells the truth when away is off and the user does not pretend otherwise', async () => {
    const decision = await dryRun(await seeded(), DEFAULT_SETTINGS, { ...input, pretendAway: false }, NOW);
    expect(decision).toMatchObject({ kind: 'skip', reason: 'awayOff' });
  });

  it('uses stored contacts: a silenced person is not answered', async () => {
    const db = await seeded();
    await silenceContact(db, 'alice', NOW - 1000);
    expect(await dryRun(db, DEFAULT_SETTINGS, input, NOW)).toMatchObject({
      kind: 'skip',
      reason: 'silenced',
    });
  });

  it('follows the lists and thread kinds of the settings', async () => {
    const db = await seeded();
    const denied = { ...DEFAULT_SETTINGS, denyList: ['alice'] };
    expect(await dryRun(db, denied, input, NOW)).toMatchObject({ reason: 'denyListed' });
    expect(await dryRun(db, DEFAULT_SETTINGS, { ...input, threadKind: 'group' }, NOW)).toMatchObject({
      reason: 'groupThread',
    });
  });
});
