import { parseTemplate, type TemplateNode } from './template-syntax.ts';
import { foldedLettersOnly } from './text-normalize.ts';

/**
 * Recognises text rendered from a template, whatever the variables and variations were. Both sides are
 * reduced to letters and digits (see `foldedLettersOnly`); a variable matches up to `WILDCARD_MAX` of
 * them, a variation any of its options. Used to spot our own messages, or another copy of this extension
 * using the same starter template, coming back at us.
 *
 * Matching tracks the set of reachable positions node by node instead of backtracking, so its cost is
 * bounded by nodes × length × WILDCARD_MAX whatever the incoming text: a stranger's message must not be
 * able to freeze the page through one of our own templates.
 */

/** A template with fewer fixed letters than this ("Thanks {first_name}!") would match ordinary replies. */
export const MIN_TEMPLATE_LETTERS = 12;
const WILDCARD_MAX = 80;
/** Room for a label such as "[auto-reply]" after the template's text. */
const TRAILER_MAX = 40;
const MAX_INPUT = 2_000;

type Part = { kind: 'literal'; text: string } | { kind: 'wildcard' } | { kind: 'choice'; options: Part[][] };

function toParts(nodes: readonly TemplateNode[]): Part[] {
  const parts: Part[] = [];
  for (const node of nodes) {
    if (node.kind === 'text') {
      const text = foldedLettersOnly(node.value);
      if (text) parts.push({ kind: 'literal', text });
    } else if (node.kind === 'variable' || node.kind === 'field') {
      parts.push({ kind: 'wildcard' });
    } else {
      parts.push({ kind: 'choice', options: node.options.map(toParts) });
    }
  }
  return parts;
}

/** Fewest fixed letters any rendering contains. */
function fixedLetters(parts: readonly Part[]): number {
  let n = 0;
  for (const part of parts) {
    if (part.kind === 'literal') n += part.text.length;
    else if (part.kind === 'choice') n += Math.min(...part.options.map(fixedLetters));
  }
  return n;
}

/** From the positions in `from` (a set over 0..text.length), where can `parts` end? */
function advance(parts: readonly Part[], text: string, from: Uint8Array): Uint8Array {
  let current = from;
  for (const part of parts) {
    const next = new Uint8Array(current.length);
    for (let p = 0; p < current.length; p++) {
      if (!current[p]) continue;
      if (part.kind === 'literal') {
        if (text.startsWith(part.text, p)) next[p + part.text.length] = 1;
      } else if (part.kind === 'wildcard') {
        const last = Math.min(text.length, p + WILDCARD_MAX);
        for (let q = p; q <= last; q++) next[q] = 1;
      }
    }
    if (part.kind === 'choice') {
      for (const option of part.options) {
        const reached = advance(option, text, current);
        for (let q = 0; q < reached.length; q++) if (reached[q]) next[q] = 1;
      }
    }
    current = next;
  }
  return current;
}

const cache = new Map<string, Part[] | null>();
const MAX_CACHE = 500;

/** The prepared template, or null when the body is invalid or too generic to tell. */
export function templateParts(body: string): Part[] | null {
  const cached = cache.get(body);
  if (cached !== undefined) return cached;
  const parsed = parseTemplate(body);
  const parts = parsed.ok ? toParts(parsed.nodes) : null;
  const usable = parts !== null && fixedLetters(parts) >= MIN_TEMPLATE_LETTERS ? parts : null;
  // Bodies change rarely; a full reset keeps the cache bounded without bookkeeping.
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(body, usable);
  return usable;
}

/** True when `text` reads like a rendering of `body`. */
export function matchesTemplate(text: string, body: string): boolean {
  const parts = templateParts(body);
  if (!parts) return false;
  const letters = foldedLettersOnly(text.slice(0, MAX_INPUT));
  const start = new Uint8Array(letters.length + 1);
  start[0] = 1;
  const end = advance(parts, letters, start);
  for (let p = Math.max(0, letters.length - TRAILER_MAX); p <= letters.length; p++) {
    if (end[p]) return true;
  }
  return false;
}
