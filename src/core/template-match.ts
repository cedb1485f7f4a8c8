import { parseTemplate, type TemplateNode } from './template-syntax.ts';
import { foldedLettersOnly } from './text-normalize.ts';

/**
 * Recognises text rendered from a template, whatever the variables and variations were: the template
 * becomes a pattern over the letters-and-digits form of the text (see `foldedLettersOnly`), with every
 * variable a bounded wildcard and every variation an alternation. Used to spot our own messages (or
 * another copy of this extension using the same starter template) coming back at us.
 */

/** A template with fewer fixed letters than this ("Thanks {first_name}!") would match ordinary replies. */
export const MIN_TEMPLATE_LETTERS = 12;
/** Wildcards are bounded and few so that matching stays linear-ish on the 2,000-char input cap. */
const WILDCARD = '[\\p{L}\\p{N}]{0,80}?';
const MAX_WILDCARDS = 4;
/** Room for a label such as "[auto-reply]" after the template's text. */
const TRAILER = '[\\p{L}\\p{N}]{0,40}';
const MAX_INPUT = 2_000;

interface Built {
  source: string;
  /** Fewest fixed letters any rendering contains. */
  letters: number;
  wildcards: number;
}

function build(nodes: readonly TemplateNode[]): Built {
  let source = '';
  let letters = 0;
  let wildcards = 0;
  for (const node of nodes) {
    if (node.kind === 'text') {
      // Letters and digits only, so nothing here needs regex escaping.
      const text = foldedLettersOnly(node.value);
      source += text;
      letters += text.length;
    } else if (node.kind === 'variable') {
      if (!source.endsWith(WILDCARD)) {
        source += WILDCARD;
        wildcards++;
      }
    } else {
      const options = node.options.map(build);
      source += `(?:${options.map((o) => o.source).join('|')})`;
      letters += Math.min(...options.map((o) => o.letters));
      wildcards += Math.max(...options.map((o) => o.wildcards));
    }
  }
  return { source, letters, wildcards };
}

const cache = new Map<string, RegExp | null>();
const MAX_CACHE = 500;

/** The matcher for a template body, or null when the body is invalid or too generic to tell. */
export function templateMatcher(body: string): RegExp | null {
  const cached = cache.get(body);
  if (cached !== undefined) return cached;
  const parsed = parseTemplate(body);
  let matcher: RegExp | null = null;
  if (parsed.ok) {
    const built = build(parsed.nodes);
    if (built.letters >= MIN_TEMPLATE_LETTERS && built.wildcards <= MAX_WILDCARDS) {
      matcher = new RegExp(`^${built.source}${TRAILER}$`, 'u');
    }
  }
  // Bodies change rarely; a full reset keeps the cache bounded without bookkeeping.
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(body, matcher);
  return matcher;
}

/** True when `text` reads like a rendering of `body`. */
export function matchesTemplate(text: string, body: string): boolean {
  const matcher = templateMatcher(body);
  return matcher?.test(foldedLettersOnly(text.slice(0, MAX_INPUT))) === true;
}
