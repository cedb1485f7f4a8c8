import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwayDb } from '../../../src/storage/db.ts';
import type { ProblemCode } from '../../../src/storage/problems.ts';
import { importAll } from '../../../src/storage/transfer.ts';
import { parseExport } from '../../../src/storage/transfer-check.ts';
import { env, populatedWithExport, snapshot } from './transfer-data.ts';

type Doc = Record<string, any>;

let db: AwayDb;
let valid: string;
beforeAll(async () => {
  ({ db, valid } = await populatedWithExport());
});
afterAll(() => db.close());

/** The valid export with one change, made when the test runs (the export exists only then). */
const edit =
  (change: (doc: Doc) => void): (() => string) =>
  () => {
    const doc = JSON.parse(valid);
    change(doc);
    return JSON.stringify(doc);
  };
const text = (value: string) => () => value;

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

const cases: [string, () => string, ProblemCode, string][] = [
  ['empty text', text(''), 'notJson', ''],
  ['not JSON', text('{"format": "away-for-x",'), 'notJson', ''],
  ['over 1 MB', text(`"${'a'.repeat(1_048_600)}"`), 'tooLarge', ''],
  ['over 1 MB in UTF-8 only', text(`"${'é'.repeat(530_000)}"`), 'tooLarge', ''],
  ['a JSON array', text('[]'), 'wrongFormat', ''],
  ['a JSON string', text('"away-for-x"'), 'wrongFormat', ''],
  ['null', text('null'), 'wrongFormat', ''],
  [
    'another format',
    edit((d) => {
      d.format = 'other-extension';
    }),
    'wrongFormat',
    '/format',
  ],
  [
    'no format',
    edit((d) => {
      delete d.format;
    }),
    'wrongFormat',
    '/format',
  ],
  [
    'a newer version',
    edit((d) => {
      d.version = 2;
    }),
    'unsupportedVersion',
    '/version',
  ],
  [
    'version as text',
    edit((d) => {
      d.version = '1';
    }),
    'unsupportedVersion',
    '/version',
  ],
  [
    '__proto__ at the top',
    () => valid.replace('{', '{"__proto__": {"polluted": true},'),
    'forbiddenKey',
    '/__proto__',
  ],
  [
    'constructor in a rule',
    edit((d) => {
      d.rules[1].constructor = { prototype: {} };
    }),
    'forbiddenKey',
    '/rules/1/constructor',
  ],
  [
    'prototype deep inside',
    edit((d) => {
      d.settings.limits = { prototype: 1 };
    }),
    'forbiddenKey',
    '/settings/limits/prototype',
  ],
  [
    'deep nesting',
    edit((d) => {
      d.rules[0].trigger.keywords = JSON.parse(nested(20));
    }),
    'tooDeep',
    `/rules/0/trigger/keywords${'/0'.repeat(12)}`,
  ],
  ['extreme nesting', text(`{"a":${nested(400_000)}}`), 'tooDeep', `/a${'/0'.repeat(15)}`],
  [
    'an unknown section',
    edit((d) => {
      d.activity = [];
    }),
    'unknownKey',
    '/activity',
  ],
  [
    'an unknown settings key',
    edit((d) => {
      d.settings.autoSendAcknowledged = true;
    }),
    'unknownKey',
    '/settings/autoSendAcknowledged',
  ],
  [
    'the away switch',
    edit((d) => {
      d.settings.schedule.awayEnabled = true;
    }),
    'unknownKey',
    '/settings/schedule/awayEnabled',
  ],
  [
    'a missing section',
    edit((d) => {
      delete d.templates;
    }),
    'missingKey',
    '/templates',
  ],
  [
    'a missing rule field',
    edit((d) => {
      delete d.rules[2].when;
    }),
    'missingKey',
    '/rules/2/when',
  ],
  [
    'rules as an object',
    edit((d) => {
      d.rules = {};
    }),
    'wrongType',
    '/rules',
  ],
  [
    'a number as text',
    edit((d) => {
      d.settings.limits.hourlyCap = '20';
    }),
    'wrongType',
    '/settings/limits/hourlyCap',
  ],
  [
    'a cap above X limit',
    edit((d) => {
      d.settings.limits.dailyCap = 501;
    }),
    'invalidValue',
    '/settings/limits/dailyCap',
  ],
  [
    'an infinite number',
    () => valid.replace('"hourlyCap": 20', '"hourlyCap": 1e400'),
    'invalidValue',
    '/settings/limits/hourlyCap',
  ],
  [
    'a bad time zone',
    edit((d) => {
      d.settings.schedule.timeZone = 'Mars/Base';
    }),
    'invalidValue',
    '/settings/schedule/timeZone',
  ],
  [
    'an unknown trigger kind',
    edit((d) => {
      d.rules[0].trigger = { kind: 'ai' };
    }),
    'invalidValue',
    '/rules/0/trigger/kind',
  ],
  [
    'a huge template',
    edit((d) => {
      d.templates[0].body = 'a'.repeat(2001);
    }),
    'tooLong',
    '/templates/0/body',
  ],
  [
    'a huge string anywhere',
    edit((d) => {
      d.settings.myName = 'x'.repeat(500_000);
    }),
    'tooLong',
    '/settings/myName',
  ],
  [
    '1,001 rules',
    edit((d) => {
      d.rules = Array.from({ length: 1001 }, () => d.rules[0]);
    }),
    'tooMany',
    '/rules',
  ],
  [
    'two rules with one id',
    edit((d) => {
      d.rules[2].id = d.rules[0].id;
    }),
    'duplicateId',
    '/rules/2/id',
  ],
  [
    'two templates with one id',
    edit((d) => {
      d.templates[3].id = d.templates[1].id;
    }),
    'duplicateId',
    '/templates/3/id',
  ],
  [
    'a contact twice',
    edit((d) => {
      d.contacts.push(d.contacts[0]);
    }),
    'duplicateId',
    '/contacts/2/handle',
  ],
  [
    'a rule on a missing template',
    edit((d) => {
      d.rules[1].templateId = 'gone';
    }),
    'unknownTemplate',
    '/rules/1/templateId',
  ],
  [
    'a regex that does not compile',
    edit((d) => {
      d.rules[1].trigger.pattern = '[a-';
    }),
    'invalidRule',
    '/rules/1/trigger/pattern',
  ],
  [
    'a regex that can freeze a backtracking engine (issue 11)',
    edit((d) => {
      d.rules[1].trigger.pattern = '(?=\\w+\\w+\\w+!)';
    }),
    'invalidRule',
    '/rules/1/trigger/pattern',
  ],
  [
    'a template whose replies could pass X’s limit (issue 11)',
    edit((d) => {
      d.templates[0].body = '{name}'.repeat(333);
    }),
    'invalidTemplate',
    '/templates/0/body',
  ],
  [
    'a template that does not parse',
    edit((d) => {
      d.templates[2].body = 'Hi {first_name';
    }),
    'invalidTemplate',
    '/templates/2/body',
  ],
  [
    'a bad date',
    edit((d) => {
      d.settings.schedule.holidays[0].to = '2027-02-30';
    }),
    'invalidValue',
    '/settings/schedule/holidays/0/to',
  ],
  [
    'an upper-case handle',
    edit((d) => {
      d.settings.denyList = ['Spam_Bot'];
    }),
    'invalidValue',
    '/settings/denyList/0',
  ],
];

describe('importAll refuses broken and hostile files, naming the first problem, changing nothing', () => {
  it.each(cases)('%s', async (_name, file, code, path) => {
    const before = await snapshot(db);
    const outcome = await importAll(db, file(), env);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect({ code: outcome.problem.code, path: outcome.problem.path }).toEqual({ code, path });
    expect(await snapshot(db)).toEqual(before);
  });

  it('the valid file itself is accepted (the cases above differ from it by one thing)', () => {
    expect(parseExport(valid).ok).toBe(true);
  });

  it('did not pollute any prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a value that is not text at all', async () => {
    expect(await importAll(db, 42 as unknown as string, env)).toEqual({
      ok: false,
      problem: { code: 'notJson', path: '' },
    });
  });

  it('names the regex problem and its position from core', () => {
    for (const [pattern, detail] of [
      ['(?=\\w+\\w+\\w+!)', 'lookaround@0'],
      ['\\w{1,300}\\w{1,300}\\w{1,300}!', 'patternTooComplex'],
    ]) {
      const outcome = parseExport(
        edit((d) => {
          d.rules[1].trigger.pattern = pattern;
        })(),
      );
      expect(outcome.ok ? '' : outcome.problem.detail).toBe(detail);
    }
  });
});
