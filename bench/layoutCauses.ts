// What made the page's long layouts: for a trace recorded with the invalidation-tracking categories
// (bench/profile.ts --invalidations, or --trace with --categories), prints the count, total and
// longest CPU time of Layout and UpdateLayoutTree, then each layout over a threshold with its roots
// and the nodes and reasons that dirtied it (grouped, with the script that wrote them), and how many
// of those layouts each kind of cause took part in.
// Alone: `npx tsx bench/layoutCauses.ts [--min-ms 4] TRACE.json …` reads traces saved by --trace.
import { readFileSync } from 'node:fs';
import { causeKinds, layoutsWithCauses, mainThread, type CauseTraceEvent } from '../test/e2e/layoutCauses';

/** Count, total and longest CPU ms of the main thread's events called `name`. */
export function cpuOf(events: CauseTraceEvent[], main: string | undefined, name: string): string {
  const ms = events.filter((e) => `${e.pid}:${e.tid}` === main && e.name === name && e.ph === 'X').map((e) => (e.tdur ?? e.dur ?? 0) / 1000);
  const total = ms.reduce((a, b) => a + b, 0);
  return `${name} ×${ms.length}, ${total.toFixed(0)} ms CPU, longest ${Math.max(0, ...ms).toFixed(1)}`;
}

/** Prints what the layouts over `minMs` of CPU were made of. */
export function printLayoutCauses(events: CauseTraceEvent[], minMs = 4): void {
  const main = mainThread(events);
  const layouts = layoutsWithCauses(events, main);
  const big = layouts.filter((l) => l.cpuMs >= minMs);
  console.log(`  ${cpuOf(events, main, 'Layout')}; ${cpuOf(events, main, 'UpdateLayoutTree')}; whole-page layouts ${layouts.filter((l) => l.roots.includes('#document')).length}`);
  console.log(`  layouts over ${minMs} ms CPU: ${big.length} (wall / CPU ms, dirty of all objects, roots; then what dirtied them, ×count: node: reason ← script)`);
  for (const l of big) {
    console.log(`    ${l.wallMs.toFixed(1)} / ${l.cpuMs.toFixed(1)} ms, ${l.dirty} of ${l.total}, ${l.roots.join(', ')}`);
    const groups = new Map<string, number>();
    for (const i of l.causes) {
      const k = `${i.node}: ${i.reason}${i.stack.length ? ` ← ${i.stack.slice(0, 3).join(' < ')}` : ''}`;
      groups.set(k, (groups.get(k) ?? 0) + 1);
    }
    for (const [k, n] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`      ×${n} ${k}`);
    if (groups.size > 14) console.log(`      … ${groups.size - 14} more kinds`);
  }
  const kinds = [...causeKinds(big)].sort((a, b) => b[1] - a[1]);
  console.log(`  in how many of those ${big.length} layouts each kind of cause took part: ${kinds.slice(0, 12).map(([k, n]) => `${k} ${n}`).join('; ') || 'none'}`);
}

if (process.argv[1]?.endsWith('layoutCauses.ts')) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--min-ms');
  const minMs = at >= 0 ? Number(argv[at + 1]) : 4;
  for (const file of argv.filter((a, i) => a.endsWith('.json') && (at < 0 || i !== at + 1))) {
    console.log(`== ${file}`);
    printLayoutCauses((JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: CauseTraceEvent[] }).traceEvents, minMs);
  }
}
