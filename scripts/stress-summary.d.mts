/** One case's summary, as test/e2e/sending-robust.test.ts appends it to the stress report. */
export interface CaseReport {
  name: string;
  trials: number;
  doubleSends: number;
  wrongThreadSends: number;
  missing: number;
  failed?: number;
  failures?: string[];
  finished?: boolean;
  ms?: number;
}

export const CASES: readonly string[];

export function summarize(
  rows: readonly CaseReport[],
  trials: number,
  testsPassed: boolean,
): { lines: string[]; problems: string[]; ok: boolean };
