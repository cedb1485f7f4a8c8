/** A source of numbers in [0, 1). Injected everywhere randomness is needed so tests can replay it. */
export type Rng = () => number;

/**
 * mulberry32: a tiny, fast, well-mixed 32-bit PRNG. Not for secrets; it only makes replies look less
 * mechanical, and being seedable lets tests reproduce any plan.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number in [min, max). */
export function between(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng();
}

/** An integer in [0, count). */
export function indexBelow(rng: Rng, count: number): number {
  // Guard against an injected rng that returns exactly 1.
  return Math.min(count - 1, Math.floor(rng() * count));
}
