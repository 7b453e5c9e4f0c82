// The CPU time each test file costs, for finding where `npm test`'s time goes: with
// CELLPOST_FILE_CPU=FILE set, every test file appends one JSON line to FILE when it ends.
// `own` is the file's worker process (all its threads, and the child processes it waited for:
// `cellpost` runs, Bun, Firefox) from the previous file's end (so the file's imports count) to its
// own end; `tree` is the whole process tree of vitest's main process over the same span (Chromium
// and the server too: the figure for the browser files, which run one at a time; with two unit
// workers it also holds the other worker's; for a worker's first file it starts once the file's
// set-up begins, after globalSetup's Chromium and server). Linux only (/proc). Not loaded unless the variable
// is set (vitest.config.ts, vitest.e2e.config.ts). With CELLPOST_TEST_CPU=1 as well, a line per
// test too (`test`: its name; hooks' work is counted in the file's line only).
import { afterAll, afterEach, beforeEach } from 'vitest';
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { relative } from 'node:path';
import { allProcStats, procStat } from '../../scripts/procStat';

/** [parent pid, seconds of CPU of the process and of the children it has waited for]. */
function statOf(pid: number | 'self'): [number, number] | null {
  const s = procStat(pid);
  return s && [s.parent, s.own + s.reaped];
}

/** CPU seconds of `root` and every live process under it (each holding the children it reaped). */
function treeSeconds(root: number): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const [pid, st] of allProcStats()) {
    parent.set(pid, st.parent);
    cpu.set(pid, st.own + st.reaped);
  }
  let sum = 0;
  for (const [pid, seconds] of cpu) {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) {
      if (p === root) {
        sum += seconds;
        break;
      }
    }
  }
  return sum;
}

interface Mark {
  own: number;
  tree: number;
  wall: number;
}

const out = process.env.CELLPOST_FILE_CPU;
const now = (): Mark => ({ own: statOf('self')?.[1] ?? 0, tree: treeSeconds(process.ppid), wall: Date.now() });
const shared = globalThis as { cellpostFileCpuMark?: Mark };

if (out) {
  if (process.env.CELLPOST_TEST_CPU === '1') {
    let before: Mark | undefined;
    beforeEach(() => {
      before = now();
    });
    afterEach(({ task }) => {
      if (!before) return;
      const end = now();
      const round = (x: number) => Math.round(x * 100) / 100;
      appendFileSync(out, `${JSON.stringify({ file: relative(process.cwd(), task.file.filepath), test: task.name, own: round(end.own - before.own), tree: round(end.tree - before.tree), wall: round((end.wall - before.wall) / 1000), load: round(loadavg()[0]) })}\n`);
    });
  }
  // The first file of a worker counts from the worker's start (its process), or from here (the
  // tree: Chromium's start in globalSetup is no file's).
  const start = shared.cellpostFileCpuMark ?? { own: 0, tree: treeSeconds(process.ppid), wall: Date.now() - process.uptime() * 1000 };
  // vitest reads the first parameter as a fixture pattern: it must be an object pattern.
  // eslint-disable-next-line no-empty-pattern
  afterAll(({}, file) => {
    const end = now();
    const round = (x: number) => Math.round(x * 100) / 100;
    const path = 'filepath' in file && typeof file.filepath === 'string' ? relative(process.cwd(), file.filepath) : file.name;
    appendFileSync(
      out,
      `${JSON.stringify({ file: path, own: round(end.own - start.own), tree: round(end.tree - start.tree), wall: round((end.wall - start.wall) / 1000), load: round(loadavg()[0]), pid: process.pid })}\n`,
    );
    shared.cellpostFileCpuMark = now();
  });
}
