// `npx tsx bench/top-frames.ts [dist] [runs]`: runs of the extension on the bench's page (one by default),
// then where its main-thread time went, summed over the runs. Build unminified first so the names mean something, e.g.
//   npx vite build --mode chrome --minify false --outDir /tmp/afx-dist && npx tsx bench/top-frames.ts /tmp/afx-dist
// Prints the content script's entry points, each of its functions with everything it called, its own functions
// by self time, and by time including the DOM and browser calls they made (the "leaf" is the innermost frame, ours or native), so a slow selector shows up by name.
import { BENCH } from './config.ts';
import { attribute, type CpuProfile, type ProfileNode } from './profile.ts';
import { runVariant } from './run-variant.ts';

interface Tally {
  ms: number;
  samples: number;
}

function add(map: Map<string, Tally>, key: string, us: number): void {
  const entry = map.get(key) ?? { ms: 0, samples: 0 };
  entry.ms += us / 1000;
  entry.samples += 1;
  map.set(key, entry);
}

/** A function's name; anonymous ones (callbacks) by their line in the built file, to tell them apart. */
const label = (node: ProfileNode) => {
  const frame = node.callFrame as ProfileNode['callFrame'] & { lineNumber?: number };
  return frame.functionName || `(anonymous):${(frame.lineNumber ?? -1) + 1}`;
};

/** Per sample with our script on the stack: our innermost frame, the leaf, and our outermost frame. */
export function breakdown(profile: CpuProfile, ours: (url: string) => boolean) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const innermost = new Map<string, Tally>();
  const leafUnder = new Map<string, Tally>();
  const entry = new Map<string, Tally>();
  const anywhere = new Map<string, Tally>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const us = deltas[i + 1] ?? 0;
    let id: number | undefined = samples[i];
    const leaf = id === undefined ? undefined : byId.get(id);
    let inner: ProfileNode | undefined;
    let outer: ProfileNode | undefined;
    const onStack = new Set<string>();
    while (id !== undefined) {
      const node = byId.get(id);
      if (node && ours(node.callFrame.url)) {
        inner ??= node;
        outer = node;
        onStack.add(label(node));
      }
      id = parent.get(id);
    }
    if (!inner || !outer || !leaf) continue;
    add(innermost, label(inner), us);
    add(leafUnder, `${label(inner)} → ${ours(leaf.callFrame.url) ? '(self)' : label(leaf)}`, us);
    add(entry, label(outer), us);
    for (const name of onStack) add(anywhere, name, us);
  }
  return { innermost, leafUnder, entry, anywhere };
}

function print(title: string, map: Map<string, Tally>, top = 25): void {
  console.log(`\n${title}`);
  const rows = [...map.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, top);
  for (const [key, { ms, samples }] of rows)
    console.log(`  ${ms.toFixed(2).padStart(8)} ms ${String(samples).padStart(5)}  ${key}`);
}

function merge(into: Map<string, Tally>, from: Map<string, Tally>): void {
  for (const [key, { ms, samples }] of from) {
    const entry = into.get(key) ?? { ms: 0, samples: 0 };
    entry.ms += ms;
    entry.samples += samples;
    into.set(key, entry);
  }
}

async function main(): Promise<void> {
  const dist = process.argv[2] || undefined;
  const runs = Number(process.argv[3] ?? 1);
  const totals = {
    innermost: new Map<string, Tally>(),
    leafUnder: new Map<string, Tally>(),
    entry: new Map<string, Tally>(),
    anywhere: new Map<string, Tally>(),
  };
  for (let i = 0; i < runs; i++) {
    const run = await runVariant('extension', dist ? { dist } : {});
    const matcher = run.detectorUrl;
    if (!matcher) throw new Error('No detector URL for the extension run.');
    const total = attribute(run.profile, matcher);
    console.log(
      `${BENCH.dms} DMs: inclusive ${total.inclusiveMs.toFixed(1)} ms, self ${total.selfMs.toFixed(1)} ms, ` +
        `page script ${run.scriptMs.toFixed(0)} ms, task ${run.taskMs.toFixed(0)} ms, ` +
        `${run.detections.length} sightings`,
    );
    const parts = breakdown(run.profile, matcher);
    merge(totals.innermost, parts.innermost);
    merge(totals.leafUnder, parts.leafUnder);
    merge(totals.entry, parts.entry);
    merge(totals.anywhere, parts.anywhere);
  }
  print('By our outermost frame (the entry point: observer callback, port, timer):', totals.entry);
  print(
    'By each of our functions, with everything it called (a sample counts once per function):',
    totals.anywhere,
    40,
  );
  print('By our innermost frame (including the DOM / browser calls it made):', totals.innermost);
  print('By our innermost frame → leaf:', totals.leafUnder, 40);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
