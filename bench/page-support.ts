/**
 * Page scripts the bench adds to every variant alike: filler content for the rest of X's page, a long-task
 * recorder, and a marker that ties the page's clock to the CPU profile's clock. Serialised into the page,
 * so each function is self-contained.
 */

export const SUPPORT_URL = 'afx-bench://support.js';
export const MARK_URL = 'afx-bench://mark.js';

export interface BenchGlobal {
  longTasks: { startTime: number; duration: number }[];
  /** Busy-waits a few ms under MARK_URL and returns its `performance.now()` start. */
  mark(): number;
}

export function installSupport(fillerCells: number): void {
  const bench: Pick<BenchGlobal, 'longTasks'> = { longTasks: [] };
  (window as unknown as Record<string, unknown>).__afxBench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      bench.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // X's page is much more than the chat: a home timeline of posts. Static, like a page the user scrolled.
  document.addEventListener('DOMContentLoaded', () => {
    const section = document.createElement('section');
    section.setAttribute('aria-label', 'Timeline: Your Home Timeline');
    for (let i = 0; i < fillerCells; i++) {
      const cell = document.createElement('div');
      cell.setAttribute('data-testid', 'cellInnerDiv');
      const article = document.createElement('article');
      const name = document.createElement('span');
      name.textContent = `Poster ${i}`;
      const text = document.createElement('div');
      text.textContent = `Post number ${i} about nothing in particular`;
      article.append(name, text);
      cell.append(article);
      section.append(cell);
    }
    (document.querySelector('main') ?? document.body).append(section);
  });
}

export function installMark(): void {
  const bench = (window as unknown as { __afxBench: Partial<BenchGlobal> }).__afxBench;
  bench.mark = () => {
    const start = performance.now();
    while (performance.now() - start < 4) {
      // Busy on purpose: the profiler must catch this function in at least one sample.
    }
    return start;
  };
}

/** Elements in the document and in every open shadow root. */
export function countNodes(): number {
  let count = 0;
  const roots: ParentNode[] = [document];
  while (roots.length > 0) {
    const root = roots.pop() as ParentNode;
    for (const el of root.querySelectorAll('*')) {
      count += 1;
      if (el.shadowRoot) roots.push(el.shadowRoot);
    }
  }
  return count;
}

export function supportScripts(fillerCells: number): string[] {
  return [
    `(() => { const __name = (f) => f; (${installSupport.toString()})(${fillerCells}); })();\n//# sourceURL=${SUPPORT_URL}`,
    `(() => { const __name = (f) => f; (${installMark.toString()})(); })();\n//# sourceURL=${MARK_URL}`,
  ];
}
