import { runDetection } from '../../../../src/content/detection-runner.ts';
import { realTimers } from '../../../../src/content/timers.ts';
import type { IncomingDm } from '../../../../src/core/types.ts';
import type { AdapterStatus } from '../../../../src/messaging/detection.ts';

export interface StartedDetection {
  reports: IncomingDm[];
  statuses: AdapterStatus[];
  controller: AbortController;
}

/**
 * Runs detection on the page as the content script does (this document and window, the clock, real
 * timers that the test may fake) and records what it reports. The controller is also pushed to `running`,
 * so the file's afterEach can abort every detection a test started.
 */
export function startDetection(running: AbortController[]): StartedDetection {
  const reports: IncomingDm[] = [];
  const statuses: AdapterStatus[] = [];
  const controller = new AbortController();
  running.push(controller);
  runDetection(controller.signal, {
    doc: document,
    win: window,
    now: () => Date.now(),
    timers: realTimers,
    report: (dm) => reports.push(dm),
    reportStatus: (status) => statuses.push(status),
  });
  return { reports, statuses, controller };
}
