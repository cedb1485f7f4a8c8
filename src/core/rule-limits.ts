/**
 * Sizes of rule triggers, apart from rules.ts so that the storage schemas can name them without loading
 * the regex engine (the popup writes templates, never rules).
 */
export const MAX_PATTERN_LENGTH = 500;
/** Regexes only see the start of a message: it bounds their cost whatever the pattern. */
export const MAX_REGEX_INPUT = 2_000;
export const MAX_KEYWORDS = 100;
