// The popup measurement alone, without the page variants: `npx tsx bench/popup-run.ts [--runs N]
// [--dist DIR]… [--floor]`. With several --dist builds, opens alternate between them, so a busy machine
// slows every build alike and their medians stay comparable. --floor adds a copy of the first build whose
// popup only reads the settings row and inserts a switch (bench/popup-floor.ts): what any popup costs
// here. Needs a built extension (npm run build:chrome).
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { extensionDir } from '../test/e2e/support/paths.ts';
import { type BenchBrowser, launchBench } from './browser.ts';
import { BENCH, GOALS } from './config.ts';
import { timePopup, warmRounds } from './popup.ts';
import { floorBuild } from './popup-floor.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: String(BENCH.popupRuns) },
    dist: { type: 'string', multiple: true },
    floor: { type: 'boolean', default: false },
  },
});

const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a positive whole number: ${values.runs}`);
// No --dist: the build the full bench measures (dist/chrome).
const dists: string[] = values.dist?.length ? values.dist : [extensionDir('chromium')];
const floor = values.floor ? floorBuild(dists[0] as string) : null;
const builds = floor ? [...dists, floor.dir] : dists;
const label = (dist: string) =>
  dist === floor?.dir ? 'reference popup' : values.dist?.length ? dist : 'dist/chrome';

async function main(): Promise<void> {
  // The machine is shared: its load moves these timings more than most changes do, so say what it was.
  const loadStart = loadavg()[0] ?? 0;
  const browsers: BenchBrowser[] = [];
  try {
    const times = builds.map((): number[] => []);
    for (const [index, dist] of builds.entries()) {
      const browser = await launchBench({ extension: true, config: {}, initScripts: [], dist });
      browsers.push(browser);
      // The cold open right after its own browser started, like the full bench: timed after the next
      // browser's launch instead, the first build's cold open shared the machine with that start-up and
      // came out 50-100 ms slower than the others'.
      times[index]?.push(...(await timePopup(browser, 1)).runs);
    }
    for (const round of warmRounds(browsers.length, runs)) {
      for (const index of round)
        times[index]?.push(...(await timePopup(browsers[index] as BenchBrowser, 1)).runs);
    }
    for (const [index, dist] of builds.entries()) {
      const ms = times[index] ?? [];
      const verdict = median(ms) <= GOALS.popupFirstRenderMs ? 'within' : 'over';
      console.log(
        `${label(dist)}: median ${median(ms).toFixed(1)} ms over ${ms.length} opens ` +
          `(cold ${ms[0]?.toFixed(1)} ms; ${verdict} the ${GOALS.popupFirstRenderMs} ms goal)\n` +
          `  ${ms.map((value) => value.toFixed(0)).join(' ')}`,
      );
    }
    const loadEnd = loadavg()[0] ?? 0;
    console.log(`load average ${loadStart.toFixed(2)} -> ${loadEnd.toFixed(2)} on ${cpus().length} cores`);
  } finally {
    for (const browser of browsers) await browser.close();
    floor?.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
