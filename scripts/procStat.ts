// A process's CPU time and parent from Linux's /proc/PID/stat, for the tools that count where the
// tests' CPU goes (scripts/cpu-tree.ts, test/setup/fileCpu.ts). Linux only.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/PID/stat's times (100 on every Linux this project runs on). */
const HZ = 100;

export interface ProcStat {
  parent: number;
  /** CPU seconds of the process itself (user + system, all its threads). */
  own: number;
  /** CPU seconds of the children it has waited for. */
  reaped: number;
}

/** One process's times ('self' for this one), or null when it has ended. */
export function procStat(pid: number | 'self'): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(f[1]), own: (Number(f[11]) + Number(f[12])) / HZ, reaped: (Number(f[13]) + Number(f[14])) / HZ };
  } catch {
    return null;
  }
}

/** Every running process's times, by pid. */
export function allProcStats(): Map<number, ProcStat> {
  const all = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = procStat(Number(name));
    if (s) all.set(Number(name), s);
  }
  return all;
}
