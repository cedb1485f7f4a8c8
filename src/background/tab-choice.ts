import type { AdapterStatusRecord } from '../messaging/detection.ts';
import { isChatPage } from '../shared/chat-urls.ts';

/** What the worker knows of an open tab (from tabs.query; URLs are readable thanks to host permissions). */
export interface TabInfo {
  id: number;
  url: string;
  pinned: boolean;
  active: boolean;
}

/**
 * The tabs a job may run in, best first. Only chat pages whose adapter passed its self-check qualify
 * (invariant 8: a tab where X's markup changed gets nothing), and only tabs not already typing a reply.
 * Preferred: the pinned chat tab the extension keeps for auto mode, then other pinned chat tabs, then
 * tabs in the background, and last the tab the user is looking at (the typer still waits until they are
 * idle there). A timeline or profile page is never used: the job would have to navigate the user away.
 */
export function usableTabs(
  tabs: readonly TabInfo[],
  statuses: readonly AdapterStatusRecord[],
  busy: ReadonlySet<number>,
  preferred: number | null,
): number[] {
  const healthy = new Set(
    statuses
      .filter(
        (record) => record.status.ok && record.status.variant !== 'none' && isChatPage(record.status.url),
      )
      .map((record) => record.tabId),
  );
  const rank = (tab: TabInfo) => (tab.id === preferred ? 0 : tab.pinned ? 1 : tab.active ? 3 : 2);
  return tabs
    .filter((tab) => isChatPage(tab.url) && healthy.has(tab.id) && !busy.has(tab.id))
    .sort((a, b) => rank(a) - rank(b) || a.id - b.id)
    .map((tab) => tab.id);
}
