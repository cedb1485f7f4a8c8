/**
 * One way to compare text everywhere in core: case- and accent-insensitive, punctuation-blind. Keywords,
 * stop words, auto-reply phrases and template echoes all go through these functions so they agree.
 */

// Letters that NFKD does not split into a base letter plus a mark. The Arabic ones are spellings people
// use interchangeably (alef maqsura for yeh, heh for teh marbuta), folded as search engines do.
const LIGATURES: Record<string, string> = {
  ß: 'ss',
  œ: 'oe',
  æ: 'ae',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  ى: 'ي',
  ة: 'ه',
};
const LIGATURE_RE = /[ßœæøłđıىة]/g;
// The Arabic tatweel stretches a word (رسالــة) and is a letter to Unicode, not a mark.
const TATWEEL_RE = /\u0640/g;
const MARKS_RE = /\p{M}+/gu;
const NON_WORD_RE = /[^\p{L}\p{N}]+/u;
const NON_WORD_GLOBAL_RE = /[^\p{L}\p{N}]+/gu;

/** Lower case, accents removed, compatibility forms unified (e.g. `ﬁ` → `fi`, full-width → ASCII). */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c)
    .replace(TATWEEL_RE, '');
}

// Japanese (and Chinese) put no spaces between words. Each kanji and kana is taken as a word of its own,
// so a phrase is found inside a sentence as its characters in a row; katakana runs (loanwords such as
// ストップ) stay whole, so that one is not found inside ストップウォッチ. ー lengthens katakana and hiragana.
const UNSPACED_RE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const UNSPACED_PARTS_RE =
  /[\p{sc=Katakana}ー]+|[\p{sc=Han}\p{sc=Hiragana}]|[^\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]+/gu;

/**
 * Words of a text, folded: runs of letters and digits. Emoji and punctuation separate words. In
 * Japanese, a word is one kanji or hiragana, or a run of katakana (see UNSPACED_RE).
 */
export function foldedWords(text: string): string[] {
  const words = foldText(text).split(NON_WORD_RE);
  // split leaves an empty string at either end when the text starts or ends with a separator.
  const found = words.filter((w) => w.length > 0);
  return found.some((w) => UNSPACED_RE.test(w))
    ? found.flatMap((w) => (UNSPACED_RE.test(w) ? (w.match(UNSPACED_PARTS_RE) ?? []) : [w]))
    : found;
}

/** Only the letters and digits, folded: what is left of a text once spacing and punctuation are ignored. */
export function foldedLettersOnly(text: string): string {
  return foldText(text).replace(NON_WORD_GLOBAL_RE, '');
}

/** True when `phrase` (already split into words) occurs as consecutive whole words in `words`. */
export function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > words.length) return false;
  const last = words.length - phrase.length;
  for (let i = 0; i <= last; i++) {
    if (startsAt(words, phrase, i)) return true;
  }
  return false;
}

/** True when `phrase` occurs in `words` starting exactly at index `at`. */
export function startsAt(words: readonly string[], phrase: readonly string[], at: number): boolean {
  if (at + phrase.length > words.length) return false;
  for (let j = 0; j < phrase.length; j++) {
    if (words[at + j] !== phrase[j]) return false;
  }
  return true;
}
