import { describe, expect, it } from 'vitest';
import {
  containsPhrase,
  foldedLettersOnly,
  foldedWords,
  foldText,
} from '../../../src/core/text-normalize.ts';

describe('text normalisation', () => {
  it('folds case, accents, ligatures and compatibility forms', () => {
    expect(foldText('ÉLÈVE Ça Straße Œuvre ﬁn ＡＢＣ')).toBe('eleve ca strasse oeuvre fin abc');
  });

  it('splits words on anything but letters and digits', () => {
    expect(foldedWords("  L'été, c'est 2026!!! 😀ok-go ")).toEqual([
      'l',
      'ete',
      'c',
      'est',
      '2026',
      'ok',
      'go',
    ]);
    expect(foldedWords('🙂 …')).toEqual([]);
  });

  it('keeps only letters and digits', () => {
    expect(foldedLettersOnly('Hi, Zoé! [auto-reply]')).toBe('hizoeautoreply');
  });

  it('finds phrases as consecutive whole words', () => {
    const words = foldedWords('I am out of the office');
    expect(containsPhrase(words, ['out', 'of'])).toBe(true);
    expect(containsPhrase(words, ['out', 'office'])).toBe(false);
    expect(containsPhrase(words, [])).toBe(false);
    expect(containsPhrase(['a'], ['a', 'b'])).toBe(false);
  });
});
