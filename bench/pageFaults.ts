// Page faults of Chromium's renderer processes over time (Linux /proc): a sampler that reads each
// renderer's main thread's minor and major fault counts every few hundred ms, so a long canvas
// hand-over can be matched to a burst of faults (the kernel write-protecting shared memory pages
// it has written back, and each page faulting again on the next write).
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** One sample: ms since the sampler started, the renderer's pid, its main thread's minor and major faults so far. */
export interface FaultSample {
  ms: number;
  pid: number;
  minor: number;
  major: number;
}

/** A thread's minor and major fault counts from /proc/PID/task/TID/stat (fields 10 and 12), or null when gone. */
function faults(pid: number, tid = pid): { minor: number; major: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { minor: Number(rest[7]), major: Number(rest[9]) };
  } catch {
    return null;
  }
}

/** Starts sampling every renderer of `browser` every `everyMs`; `stop()` ends it and gives the samples. */
export async function sampleRendererFaults(browser: Browser, everyMs = 250): Promise<{ started: number; stop: () => FaultSample[] }> {
  const cdp = await browser.newBrowserCDPSession();
  const samples: FaultSample[] = [];
  const started = Date.now();
  let pids: number[] = [];
  const refresh = async () => {
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    pids = info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  };
  await refresh();
  let n = 0;
  const timer = setInterval(() => {
    if (++n % 8 === 0) void refresh().catch(() => {});
    const ms = Date.now() - started;
    for (const pid of pids) {
      const f = faults(pid);
      if (f) samples.push({ ms, pid, ...f });
    }
  }, everyMs);
  return {
    started,
    stop: () => {
      clearInterval(timer);
      void cdp.detach().catch(() => {});
      return samples;
    },
  };
}

/** The stretches where `pid`'s minor faults grew by more than `over` between two samples: [s after `fromMs`, faults]. */
export function faultBursts(samples: FaultSample[], pid: number, fromMs: number, over = 200): [number, number][] {
  const mine = samples.filter((s) => s.pid === pid);
  const out: [number, number][] = [];
  for (let i = 1; i < mine.length; i++) {
    const d = mine[i].minor - mine[i - 1].minor;
    if (d > over && mine[i].ms >= fromMs) out.push([Number(((mine[i].ms - fromMs) / 1000).toFixed(2)), d]);
  }
  return out;
}
