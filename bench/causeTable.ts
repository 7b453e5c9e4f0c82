// The table of long tasks' causes per build (bench/longTasks.ts): for the tasks over a CPU threshold,
// how often each cause came, in how many runs, how many were over 50 ms of CPU, their CPU and when.
// Reads the tasks of one run or the --json lines of many.
import { readFileSync } from 'node:fs';
import type { LongTask } from './taskCauses';

export type FoundTask = LongTask & { build: string; c: string; round: number };

/** The tasks saved by `bench/longTasks.ts --json FILE` (a line each). */
export function readFoundTasks(files: string[]): FoundTask[] {
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as FoundTask & { case?: string })
      .map((t) => ({ ...t, c: t.c ?? t.case ?? '' })),
  );
}

/** Per build (and lesson): each cause of tasks over `overCpu` ms of CPU, most frequent first. */
export function printCauses(all: FoundTask[], overCpu: number): void {
  for (const build of new Set(all.map((t) => t.build))) {
    const mine = all.filter((t) => t.build === build && t.cpuMs > overCpu);
    const runs = new Set(all.filter((t) => t.build === build).map((t) => `${t.c}/${t.round}`));
    console.log(`\n== ${build}: ${mine.length} tasks over ${overCpu} ms CPU in ${runs.size} runs (${mine.filter((t) => t.cpuMs > 50).length} over 50 ms CPU; ${mine.filter((t) => t.inWindow).length} in bench:browser's window)`);
    for (const c of new Set(mine.map((t) => t.c))) {
      const ofCase = mine.filter((t) => t.c === c);
      const nRuns = [...runs].filter((r) => r.startsWith(`${c}/`)).length;
      console.log(`  ${c} (${nRuns} runs):`);
      console.log('  | cause | tasks | runs with one | over 50 ms CPU | CPU ms median (longest) | at (s after the first picture) |');
      console.log('  |---|---|---|---|---|---|');
      const causes = new Map<string, FoundTask[]>();
      for (const t of ofCase) causes.set(t.cause, [...(causes.get(t.cause) ?? []), t]);
      for (const [cause, ts] of [...causes].sort((a, b) => b[1].length - a[1].length)) {
        const cpus = ts.map((t) => t.cpuMs).sort((a, b) => a - b);
        const at = ts.map((t) => t.atMs / 1000).sort((a, b) => a - b).map((s) => s.toFixed(1));
        console.log(`  | ${cause} | ${ts.length} | ${new Set(ts.map((t) => t.round)).size} | ${ts.filter((t) => t.cpuMs > 50).length} | ${cpus[Math.floor(cpus.length / 2)]} (${cpus[cpus.length - 1]}) | ${at.join(', ')} |`);
      }
    }
  }
}
