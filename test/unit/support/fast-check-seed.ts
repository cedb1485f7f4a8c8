import fc from 'fast-check';

// Property tests run with a fixed seed so a run is repeatable and CI is deterministic; FC_SEED=<n> replays
// a given seed and FC_SEED=random explores new inputs (the seed is printed on failure either way).
const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed ? Number(seed) : 20261126 });
