/**
 * The naive way to find new DMs: look at every element of the page, open shadow roots included, and
 * compare with what was seen before. Written as a self-contained function because it is serialised into
 * a page script (no imports, no closures over module values).
 */

export interface NaiveDetection {
  messageId: string | null;
  threadId: string;
  text: string;
  /** Page `performance.now()`. */
  at: number;
}

export interface NaiveState {
  seen: Set<string>;
  detections: NaiveDetection[];
  /** The first scan is the baseline: what is on screen then is history. */
  scans: number;
  shadowRoots: Set<ShadowRoot>;
}

export function fullScan(state: NaiveState): void {
  const baseline = state.scans === 0;
  state.scans += 1;
  const openThread = /^\/i\/chat\/(\d+-\d+|g\d+)/.exec(location.pathname)?.[1] ?? '';
  const roots: ParentNode[] = [document];
  while (roots.length > 0) {
    const root = roots.pop() as ParentNode;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        roots.push(el.shadowRoot);
        state.shadowRoots.add(el.shadowRoot);
      }
      const uuid = el.getAttribute('data-dm-message-row');
      if (uuid !== null) {
        if (!el.classList.contains('justify-start') || state.seen.has(uuid)) continue;
        state.seen.add(uuid);
        const text = el.querySelector('[data-testid^="message-text-"]')?.textContent ?? '';
        if (!baseline)
          state.detections.push({ messageId: uuid, threadId: openThread, text, at: performance.now() });
        continue;
      }
      const testId = el.getAttribute('data-testid') ?? '';
      if (
        !testId.startsWith('dm-conversation-item-') ||
        !el.querySelector('svg[data-icon="icon-circle-fill"]')
      )
        continue;
      const threadId = testId.slice('dm-conversation-item-'.length).replace(':', '-');
      // The preview line as X renders it (DzikStar/X-SCRAPER XChat-8143bb11.js: two clamped lines).
      const text = el.querySelector('.line-clamp-2')?.textContent ?? '';
      const key = `${threadId}\n${text}`;
      if (state.seen.has(key)) continue;
      state.seen.add(key);
      if (!baseline) state.detections.push({ messageId: null, threadId, text, at: performance.now() });
    }
  }
}
