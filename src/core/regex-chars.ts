/**
 * Whether two sets of regex atoms (`a`, `\w`, `[^x]`, `.`, `\p{L}`) can match a common character. Exact
 * set algebra on Unicode classes is a project of its own; testing a broad sample of characters, plus every
 * literal the atoms name, answers well for the patterns people write.
 */

const BASE_SAMPLES = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  ...Array.from('\t\n\r\u00a0\u2019\u2014\u3000éÉßñçœàüЖж中ا٣😀'),
];
const testers = new Map<string, RegExp>();

/** Whether `atom`, compiled alone with the rule flags, matches the character `c`. */
export function atomMatches(atom: string, c: string): boolean {
  let re = testers.get(atom);
  if (!re) {
    re = new RegExp(`^(?:${atom})$`, 'iu');
    testers.set(atom, re);
  }
  return re.test(c);
}

/** The literal characters named by atoms (`a`, `\.`), in both cases. */
function literalSamples(atoms: readonly string[]): string[] {
  return atoms.flatMap((atom) => {
    const c = atom.startsWith('\\') && atom.length === 2 && !/[a-zA-Z0-9]/.test(atom[1]!) ? atom[1]! : atom;
    if (c === '.' || c.startsWith('[') || c.startsWith('\\')) return [];
    return [c, c.toLowerCase(), c.toUpperCase()];
  });
}

export function atomsOverlap(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const samples = [...BASE_SAMPLES, ...literalSamples(a), ...literalSamples(b)];
  return samples.some((c) => a.some((x) => atomMatches(x, c)) && b.some((y) => atomMatches(y, c)));
}
