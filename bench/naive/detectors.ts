import { fullScan, type NaiveState } from './full-scan.ts';

/** Where the naive detectors keep their state in the page (page world, bench only). */
export const NAIVE_GLOBAL = '__afxNaive';

/** Baseline (c): scan the whole page once a second. */
export function installPollScan(scan: (state: NaiveState) => void): void {
  const state: NaiveState = { seen: new Set(), detections: [], scans: 0, shadowRoots: new Set() };
  (window as unknown as Record<string, unknown>).__afxNaive = state;
  setInterval(() => scan(state), 1000);
}

/**
 * Baseline (d): a MutationObserver on the whole document that rescans the whole page on every batch. It
 * also observes each open shadow root it finds, as it would have to, or it would never see the chat.
 */
export function installRescanObserver(scan: (state: NaiveState) => void): void {
  const state: NaiveState = { seen: new Set(), detections: [], scans: 0, shadowRoots: new Set() };
  (window as unknown as Record<string, unknown>).__afxNaive = state;
  const options = { subtree: true, childList: true, attributes: true, characterData: true };
  const observed = new Set<ShadowRoot>();
  const observer = new MutationObserver(() => {
    scan(state);
    for (const root of state.shadowRoots) {
      if (observed.has(root)) continue;
      observed.add(root);
      observer.observe(root, options);
    }
  });
  observer.observe(document, options);
}

export type NaiveKind = 'naivePoll' | 'naiveObserver';

export const NAIVE_SCRIPT_URL: Record<NaiveKind, string> = {
  naivePoll: 'afx-bench://naive-poll-scan.js',
  naiveObserver: 'afx-bench://naive-rescan-observer.js',
};

/**
 * The page script of one naive detector. `//# sourceURL` names it in CPU profiles, which is how its own
 * time is told apart from the page's. `__name` is the helper tsx adds around named functions.
 */
export function naiveScript(kind: NaiveKind): string {
  const install = kind === 'naivePoll' ? installPollScan : installRescanObserver;
  return [
    '(() => {',
    'const __name = (f) => f;',
    `const fullScan = ${fullScan.toString()};`,
    `(${install.toString()})(fullScan);`,
    '})();',
    `//# sourceURL=${NAIVE_SCRIPT_URL[kind]}`,
  ].join('\n');
}
