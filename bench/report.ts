import type { LatencyAggregate, VariantAggregate } from './aggregate.ts';
import { VARIANT_LABELS, VARIANTS } from './config.ts';
import type { BenchResults } from './results.ts';
import { median } from './stats.ts';

const DASH = '—';
const n1 = (n: number | null | undefined) =>
  n === null || n === undefined || Number.isNaN(n) ? DASH : n.toFixed(1);
const n0 = (n: number | null | undefined) =>
  n === null || n === undefined || Number.isNaN(n) ? DASH : n.toFixed(0);
const triple = (a: number, b: number, c: number) => `${n1(a)} / ${n1(b)} / ${n1(c)}`;

type Row = [label: string, cell: (v: VariantAggregate) => string];

function latencyRows(name: string, pick: (v: VariantAggregate) => LatencyAggregate | undefined): Row[] {
  const cell = (f: (l: LatencyAggregate) => string) => (v: VariantAggregate) => {
    const l = pick(v);
    return l ? f(l) : DASH;
  };
  return [
    [`${name}: page render p50 / p95 (ms)`, cell((l) => `${n1(l.renderP50)} / ${n1(l.renderP95)}`)],
    [
      `${name}: detected after render p50 / p95 / max`,
      cell((l) => triple(l.detectionP50, l.detectionP95, l.detectionMax)),
    ],
    [
      `${name}: after the page's task p50 / p95 / max`,
      cell((l) => triple(l.afterTaskP50, l.afterTaskP95, l.afterTaskMax)),
    ],
  ];
}

const ROWS: Row[] = [
  ...latencyRows('message row', (v) => v.latency?.rows),
  ...latencyRows('inbox preview', (v) => v.latency?.inbox),
  [
    'DMs missed (all runs)',
    (v) => (v.latency ? String(v.latency.rows.missed + v.latency.inbox.missed) : DASH),
  ],
  ['detector main-thread ms, with its DOM calls', (v) => n1(v.detectorInclusiveMs)],
  ['detector main-thread ms, own frames only', (v) => n1(v.detectorSelfMs)],
  [
    'detector main-thread ms per DM',
    (v) => (v.detectorInclusiveMs === null ? DASH : (v.detectorInclusiveMs / v.dms).toFixed(2)),
  ],
  // Consecutive samples can span tasks that ran back to back; the long-task line is the per-task verdict.
  ['detector longest stretch on the stack (ms)', (v) => n1(v.detectorLongestRunMs)],
  ['page script time (ms)', (v) => n0(v.scriptMs)],
  ['  spread over rounds (max − min)', (v) => n0(v.scriptSpreadMs)],
  ['page task time (ms)', (v) => n0(v.taskMs)],
  ['  spread over rounds (max − min)', (v) => n0(v.taskSpreadMs)],
  [
    'long tasks: in window / by the detector',
    (v) => `${n0(v.longTasks)} / ${v.detectorLongTasks === null ? '?' : v.detectorLongTasks}`,
  ],
];

function table(results: BenchResults): { header: string[]; body: string[][] } {
  return {
    header: ['', ...VARIANTS.map((v) => VARIANT_LABELS[v])],
    body: ROWS.map(([label, cell]) => [label, ...VARIANTS.map((v) => cell(results.variants[v]))]),
  };
}

function padded(header: string[], body: string[][]): string {
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function markdown(header: string[], body: string[][]): string {
  const line = (row: string[]) => `| ${row.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...body.map(line)].join('\n');
}

function setupLine(r: BenchResults): string {
  return (
    `${r.setup.rounds} rounds × ${VARIANTS.length} variants, interleaved; per run ${r.setup.dmsPerRun} DMs in ` +
    `${r.setup.windowMs / 1000} s on a page of ${r.setup.nodes.toLocaleString('en-US')} elements (chat in its ` +
    `shadow root), timeline churn ${r.setup.churnPerSecond}/s. ${r.machine.chromium}, ${r.machine.cpus} CPUs, ` +
    `load average ${r.machine.loadAverage.start.toFixed(1)} → ${r.machine.loadAverage.end.toFixed(1)}. Medians over rounds; maxima over all runs.`
  );
}

function extras(r: BenchResults): string[] {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  return [
    `content script: ${kb(r.sizes.contentScript.gzipBytes)} gzipped (${kb(r.sizes.contentScript.rawBytes)} raw)`,
    ...(r.sizes.typer
      ? [
          `typer, injected only into a tab that types an automatic reply: ${kb(r.sizes.typer.gzipBytes)} gzipped (${kb(r.sizes.typer.rawBytes)} raw)`,
        ]
      : []),
    `popup bundle: ${kb(r.sizes.popup.gzipBytes)} gzipped (${kb(r.sizes.popup.rawBytes)} raw, ${r.sizes.popup.files.length} files)`,
    `popup, Away switch in the DOM: median ${n1(median(r.popup.runsMs))} ms over ${r.popup.runsMs.length} opens (first, cold: ${n1(r.popup.runsMs[0])} ms)`,
    `rules: ${r.rules.rules} rules, engine ${r.rules.engineUsPerMsg} µs/message vs naive ${r.rules.naiveUsPerMsg} µs/message (${r.rules.ratio}× faster; naive timed on ${r.rules.naiveMessages} messages)`,
  ];
}

export function consoleReport(r: BenchResults): string {
  const { header, body } = table(r);
  const goals = r.goals.map(
    (g) => `${g.met ? '  ok    ' : '  MISSED'}  ${g.label}: ${g.value} (goal ${g.target})`,
  );
  return [setupLine(r), '', padded(header, body), '', ...extras(r), '', 'Goals', ...goals].join('\n');
}

export function readmeSection(r: BenchResults): string {
  const { header, body } = table(r);
  const goals = r.goals.map(
    (g) => `- ${g.met ? '✅' : '❌ **missed**'} ${g.label}: ${g.value} (goal ${g.target})`,
  );
  return [
    '## Performance',
    '',
    `Measured by \`npm run bench\` on ${r.date.slice(0, 10)} with the built extension in Chromium on the fake X ` +
      'client. (a) is the page alone; (c) and (d) are naive detectors written in the bench for comparison: ' +
      'a full scan every second, and a MutationObserver on the whole document that rescans everything on ' +
      'every batch. (b) runs with its default settings: the page-side work (detecting and reporting each DM) is ' +
      'the same with away on or off, since deciding happens in the extension worker, outside the page.',
    '',
    `${setupLine(r)}`,
    '',
    markdown(header, body),
    '',
    ...extras(r).map((line) => `- ${line}`),
    '',
    '### Goals',
    '',
    ...goals,
    '',
    'An observer runs only once the page has finished its task: when X re-sorts the inbox after inserting a ' +
      "row, that wait is the page's, which is why inbox previews are also timed from the end of the page's task.",
    '',
  ].join('\n');
}
