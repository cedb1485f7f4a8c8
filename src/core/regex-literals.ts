import { parseRegex, type RegexNode } from './regex-parse.ts';

/**
 * A cheap pre-check for regex rules: strings of which any match must contain at least one. Testing
 * `includes` on the lower-cased text costs nanoseconds, where running a `\b…` regex with flags `iu` costs
 * microseconds, so with hundreds of regex rules most are ruled out without running.
 *
 * Only ASCII literals are used, and the text is lower-cased with the only two non-ASCII characters whose
 * Unicode case folding is ASCII (ſ → s, K Kelvin → k) mapped too: then a regex with flag `i` can never
 * match text the pre-check refused.
 */

const PLAIN_ASCII = /^[ -~]$/;
const SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);

/** The ASCII character a `char` atom stands for literally, or null (classes, `.`, escapes like `\d`). */
function literalChar(node: RegexNode): string | null {
  if (node.type !== 'char') return null;
  const src = node.source;
  if (src.length === 1 && PLAIN_ASCII.test(src) && !SYNTAX.has(src)) return src.toLowerCase();
  if (src.length === 2 && src[0] === '\\' && SYNTAX.has(src[1]!)) return src[1]!;
  if (src === '\\-') return '-';
  return null;
}

/** Required strings of a sequence: its longest literal run, else the needs of one mandatory group. */
function sequenceNeeds(seq: readonly RegexNode[]): string[] | null {
  let best = '';
  let run = '';
  let groupNeeds: string[] | null = null;
  const endRun = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (const item of seq) {
    const c = literalChar(item);
    if (c !== null) {
      run += c;
      continue;
    }
    if (item.type === 'quantifier' && item.min >= 1) {
      // `ab+c` always contains "ab"; what follows the repeat starts a new run.
      const inner = literalChar(item.body);
      if (inner !== null) run += inner;
      endRun();
      if (inner === null && item.body.type === 'group') groupNeeds ??= needs(item.body);
      continue;
    }
    if (item.type === 'assertion') continue;
    endRun();
    if (item.type === 'group' && item.kind !== 'lookaround') groupNeeds ??= needs(item.body);
  }
  endRun();
  if (best.length >= 2 || (best && !groupNeeds)) return [best];
  return groupNeeds;
}

function needs(node: RegexNode): string[] | null {
  if (node.type === 'group') return node.kind === 'lookaround' ? null : needs(node.body);
  if (node.type !== 'alternation') return sequenceNeeds([node]);
  const all: string[] = [];
  for (const seq of node.alternatives) {
    const n = sequenceNeeds(seq);
    if (!n || n.length === 0) return null;
    all.push(...n);
  }
  return all;
}

/** Strings one of which every match contains, or null when the pattern promises none. */
export function requiredLiterals(pattern: string): string[] | null {
  const found = needs(parseRegex(pattern));
  return found && found.length > 0 && found.every((s) => s.length > 0) ? [...new Set(found)] : null;
}

/** The text as the pre-check compares it. */
export function prefilterText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ſ/g, 's')
    .replace(/\u212a/g, 'k');
}
