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

  it('folds the Arabic spellings people use interchangeably, and drops the tatweel', () => {
    expect(foldText('إلغاء')).toBe(foldText('الغاء'));
    expect(foldText('رسالــة')).toBe(foldText('رساله'));
    expect(foldText('على')).toBe(foldText('علي'));
    expect(foldedWords('أوقف الرسائل، شكراً')).toEqual(['اوقف', 'الرسايل', 'شكرا']);
  });

  it('splits Japanese into kanji and kana, keeping katakana words whole', () => {
    expect(foldedWords('配信停止して')).toEqual(['配', '信', '停', '止', 'し', 'て']);
    expect(foldedWords('ストップ！ok')).toEqual(['ストッフ', 'ok']);
    expect(foldedWords('ストップウォッチ')).toHaveLength(1);
    // Half-width katakana and the long-vowel mark fold to the same word as full-width.
    expect(foldedWords('ﾒｯｾｰｼﾞ')).toEqual(foldedWords('メッセージ'));
    expect(containsPhrase(foldedWords('もう送らないでください'), foldedWords('もう送らないで'))).toBe(true);
    expect(containsPhrase(foldedWords('ノンストップ'), foldedWords('ストップ'))).toBe(false);
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
