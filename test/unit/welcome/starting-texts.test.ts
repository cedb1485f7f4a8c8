import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LOCALES, type LocaleCode } from '../../../src/core/locales.ts';
import { automaticSignal, isStopWord } from '../../../src/core/loops.ts';
import { createRng } from '../../../src/core/rng.ts';
import { render, templateVars, validateTemplate } from '../../../src/core/templates.ts';
import type { MessageBundle } from '../../../src/shared/i18n.ts';
import { STARTING_KINDS, startingKindOf, startingTexts } from '../../../src/welcome/starting-texts.ts';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const bundleOf = (code: LocaleCode) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../public/_locales', code, 'messages.json'), 'utf8'),
  ) as MessageBundle;

const quiet = { detectedAt: 0, labels: [], templateBodies: [], ownReplies: [] };

describe.each(LOCALES.map((l) => [l.englishName, l.code] as const))(
  'the starting texts in %s',
  (_name, code) => {
    const texts = startingTexts(code, bundleOf(code));

    it('are three different texts, each recognised as itself', () => {
      expect(new Set(Object.values(texts)).size).toBe(3);
      for (const kind of STARTING_KINDS) expect(startingKindOf(texts[kind], texts)).toBe(kind);
      expect(startingKindOf(`${texts.short} `, texts)).toBeNull();
    });

    it('are valid templates that read as out-of-office messages and never as "stop"', () => {
      for (const kind of STARTING_KINDS) {
        expect(validateTemplate(texts[kind]).ok, kind).toBe(true);
        for (const [seed, awayUntil] of [
          [1, null],
          [2, Date.UTC(2026, 7, 3, 7)],
        ] as const) {
          const vars = templateVars({
            senderName: 'Alex Doe',
            senderHandle: 'alex',
            myName: '',
            now: Date.UTC(2026, 6, 1),
            awayUntil,
            timeZone: 'UTC',
            locale: code,
          });
          const reply = render(texts[kind], vars, createRng(seed));
          // Two people using Away for X stop after one message each: a loop phrase of the language.
          expect(automaticSignal(reply, quiet), `${kind}: ${reply}`).toBe('phrase');
          expect(isStopWord(reply), `${kind}: ${reply}`).toBe(false);
        }
      }
    });

    it('the one with a return date says it', () => {
      expect(texts.return).toContain('{away_until}');
    });
  },
);

describe('without the language’s messages file', () => {
  it('every choice falls back to the starter text rather than to nothing', () => {
    const texts = startingTexts('fr', null);
    expect(texts.return).toBe(texts.standard);
    expect(texts.standard).not.toBe('');
  });
});
