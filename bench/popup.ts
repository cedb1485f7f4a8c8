import type { BenchBrowser } from './browser.ts';

/** What the popup shows first and the user came for. */
export const AWAY_SWITCH = 'button[role="switch"]';

export interface PopupTiming {
  /** From navigation start to the Away switch in the DOM, ms, one per run (the first one is cold). */
  runs: number[];
}

/**
 * Records, inside the popup page, when the Away switch enters the DOM (performance.now() counts from the
 * navigation start). Installed before the page's own scripts, so it misses nothing.
 */
function watchForSwitch(selector: string): void {
  const record = (window as unknown as { __afxPopup?: number }) ?? {};
  const found = () => {
    if (record.__afxPopup !== undefined || !document.querySelector(selector)) return false;
    record.__afxPopup = performance.now();
    return true;
  };
  const observer = new MutationObserver(() => {
    if (found()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Opens the popup page `runs` times in a fresh tab each and times the Away switch. */
export async function timePopup(browser: BenchBrowser, runs: number): Promise<PopupTiming> {
  if (!browser.extensionId) throw new Error('The popup needs the extension.');
  const url = `chrome-extension://${browser.extensionId}/src/popup/index.html`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.context.newPage();
    try {
      await page.addInitScript(watchForSwitch, AWAY_SWITCH);
      await page.goto(url);
      const handle = await page.waitForFunction(
        () => (window as unknown as { __afxPopup?: number }).__afxPopup,
        undefined,
        { timeout: 10_000 },
      );
      times.push((await handle.jsonValue()) as number);
    } finally {
      await page.close();
    }
  }
  return { runs: times };
}

/**
 * The order of the warm opens when several builds are compared (bench/popup-run.ts): one round per open
 * after the cold one, every build once per round, each taking every place in turn so that none always
 * follows the same neighbour (a tab just closed in one browser still costs the machine some work).
 */
export function warmRounds(builds: number, runs: number): number[][] {
  return Array.from({ length: Math.max(0, runs - 1) }, (_, round) =>
    Array.from({ length: builds }, (_, place) => (round + 1 + place) % builds),
  );
}
