// The CPU time (user + system) of a command and every process it starts, by kind of process:
// `npx tsx scripts/cpu-tree.ts -- npx vitest run --config vitest.e2e.config.ts test/e2e/app.test.ts`.
// `/usr/bin/time` counts only the children that were waited for, so it misses most of Chromium:
// its renderers, GPU and utility processes are children of Chromium's zygote, which Playwright
// kills at the end without their times reaching the test's process. This reads /proc instead,
// every 200 ms, and keeps the last figure of each process it has seen (including those whose
// parent has gone), so only processes that start and end between two readings are missed.
// Linux only. Prints the wall time and the load average at the start and the end too.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { allProcStats } from './procStat';
import { loadavg } from 'node:os';

const args = process.argv.slice(2);
const command = args[0] === '--' ? args.slice(1) : args;
if (command.length === 0) {
  process.stderr.write('usage: npx tsx scripts/cpu-tree.ts -- COMMAND [ARGS…]\n');
  process.exit(2);
}

/** What a process is, from its command line: Chromium's process types, vitest's processes, or its program. */
function kindOf(cmdline: string): string {
  const type = /--type=([a-z-]+)/.exec(cmdline)?.[1];
  if (/chrom/.test(cmdline.split(' ')[0]) || type) return `chromium ${type ?? 'browser'}`;
  if (/vitest\/dist\/workers\//.test(cmdline)) return 'node (vitest worker)';
  if (/vitest/.test(cmdline)) return 'node (vitest)';
  if (/(^|\/)node /.test(cmdline) || /\bnpm\b/.test(cmdline)) return 'node (other)';
  return cmdline.split(' ')[0].split('/').pop() || '?';
}

/** pid → [its parent, its CPU seconds] for every process now running. */
function readAll(): Map<number, [number, number]> {
  return new Map([...allProcStats()].map(([pid, s]) => [pid, [s.parent, s.own]]));
}

const seen = new Map<number, { kind: string; cpu: number }>();
function sample(root: number): void {
  const all = readAll();
  for (const [pid, [parent, cpu]] of all) {
    // Ours if seen before (a process keeps being ours after its parent has gone) or a child of ours.
    if (pid !== root && !seen.has(pid) && !seen.has(parent)) continue;
    let kind = seen.get(pid)?.kind ?? '';
    try {
      // Read each time: a process forked from Chromium's zygote names its type only after the fork.
      // An ended process not yet reaped has an empty command line: it keeps the kind it had.
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      if (cmdline !== '') kind = kindOf(cmdline);
    } catch {
      // Gone: keep the kind it had.
    }
    seen.set(pid, { kind: kind || '?', cpu });
  }
}

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const loadAtStart = load();
const t0 = Date.now();
const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
// A new process is found through its parent, so a tree is found level by level: read often.
const timer = setInterval(() => sample(child.pid!), 200);
sample(child.pid!);
const code: number = await new Promise((done) => child.on('close', (c) => done(c ?? 1)));
clearInterval(timer);
const byKind = new Map<string, number>();
for (const { kind, cpu } of seen.values()) byKind.set(kind, (byKind.get(kind) ?? 0) + cpu);
const total = [...byKind.values()].reduce((a, b) => a + b, 0);
const lines = [...byKind].sort((a, b) => b[1] - a[1]).map(([kind, cpu]) => `${cpu.toFixed(1).padStart(8)} s  ${kind}`);
process.stderr.write(
  `\ncpu-tree: ${command.join(' ')}\n${lines.join('\n')}\n${total.toFixed(1).padStart(8)} s  CPU in all (${seen.size} processes) · ${((Date.now() - t0) / 1000).toFixed(1)} s wall · load average ${loadAtStart} at the start, ${load()} at the end · exit ${code}\n`,
);
process.exit(code);
