// The popup measurement alone, without the page variants: `npx tsx bench/popup-run.ts [--runs N]
// [--dist DIR]…`. With several --dist builds, opens alternate between them, so a busy machine slows
// every build alike and their medians stay comparable. Needs a built extension (npm run build:chrome).
import { parseArgs } from 'node:util';
import { type BenchBrowser, launchBench } from './browser.ts';
import { BENCH, GOALS } from './config.ts';
import { timePopup } from './popup.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: String(BENCH.popupRuns) },
    dist: { type: 'string', multiple: true },
  },
});

const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a positive whole number: ${values.runs}`);
// No --dist: the build the full bench measures (dist/chrome).
const builds: Array<string | undefined> = values.dist?.length ? values.dist : [undefined];

async function main(): Promise<void> {
  const browsers: BenchBrowser[] = [];
  try {
    for (const dist of builds) {
      browsers.push(
        await launchBench({ extension: true, config: {}, initScripts: [], ...(dist ? { dist } : {}) }),
      );
    }
    const times = builds.map((): number[] => []);
    for (let run = 0; run < runs; run++) {
      for (const [index, browser] of browsers.entries()) {
        times[index]?.push(...(await timePopup(browser, 1)).runs);
      }
    }
    for (const [index, dist] of builds.entries()) {
      const ms = times[index] ?? [];
      const verdict = median(ms) <= GOALS.popupFirstRenderMs ? 'within' : 'over';
      console.log(
        `${dist ?? 'dist/chrome'}: median ${median(ms).toFixed(1)} ms over ${ms.length} opens ` +
          `(cold ${ms[0]?.toFixed(1)} ms; ${verdict} the ${GOALS.popupFirstRenderMs} ms goal)\n` +
          `  ${ms.map((value) => value.toFixed(0)).join(' ')}`,
      );
    }
  } finally {
    for (const browser of browsers) await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
