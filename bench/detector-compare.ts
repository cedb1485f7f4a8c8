// `npx tsx bench/detector-compare.ts --dist A --dist B [--runs N]`: the detector's main-thread time of two
// (or more) builds on the bench's page, runs alternating between them so that the shared machine's load
// weighs on each alike (one `npm run bench` to the next moves this figure by a fifth). Prints each run
// and the medians; build the other revision first, e.g. into /tmp with `npx vite build --mode chrome
// --outDir /tmp/afx-before` in a checkout of it.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { warmRounds } from './popup.ts';
import { attribute } from './profile.ts';
import { runVariant } from './run-variant.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', multiple: true },
    runs: { type: 'string', default: '4' },
  },
});
const dists = values.dist ?? [];
const runs = Number(values.runs);
if (dists.length < 2) throw new Error('Give at least two builds to compare: --dist A --dist B');
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a positive whole number: ${values.runs}`);

async function main(): Promise<void> {
  const loadStart = loadavg()[0] ?? 0;
  const times = dists.map((): number[] => []);
  // Every build once per round, each taking every place in turn (the order popup-run.ts uses).
  const rounds = [dists.map((_, index) => index), ...warmRounds(dists.length, runs)];
  for (const round of rounds) {
    for (const index of round) {
      const run = await runVariant('extension', { dist: dists[index] });
      if (!run.detectorUrl) throw new Error('No detector URL for the extension run.');
      const ms = attribute(run.profile, run.detectorUrl).inclusiveMs;
      times[index]?.push(ms);
      console.log(`${dists[index]}: ${ms.toFixed(1)} ms, ${run.detections.length} sightings`);
    }
  }
  for (const [index, dist] of dists.entries()) {
    const ms = times[index] ?? [];
    console.log(
      `${dist}: median ${median(ms).toFixed(1)} ms over ${ms.length} runs (${ms.map((v) => v.toFixed(0)).join(' ')})`,
    );
  }
  console.log(`load average ${loadStart.toFixed(2)} -> ${(loadavg()[0] ?? 0).toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
