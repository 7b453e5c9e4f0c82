// Progress of a sweep on stderr: on a terminal, one redrawn line with a bar, runs done and the
// time left; otherwise (a log file, a cluster job) a plain line about once a minute.

export interface SweepProgress {
  update(fraction: number, runsDone: number): void;
  done(): void;
}

/** "45 s", "12 min 05 s", "3 h 05 min". */
export function fmtDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${two(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${two(Math.floor((s % 3600) / 60))} min`;
}

export function sweepProgress(totalRuns: number, stream: NodeJS.WriteStream = process.stderr, plainEveryMs = 60_000): SweepProgress {
  const start = Date.now();
  const tty = stream.isTTY === true;
  let last = tty ? 0 : start;
  const text = (f: number, runs: number) => {
    const elapsed = (Date.now() - start) / 1000;
    const eta = f > 0.005 && f < 1 ? `, about ${fmtDuration((elapsed * (1 - f)) / f)} left` : '';
    return `${runs}/${totalRuns} runs ${Math.floor(f * 100)}%${eta}`;
  };
  return {
    update(f, runs) {
      const now = Date.now();
      if (now - last < (tty ? 100 : plainEveryMs)) return;
      last = now;
      if (!tty) return void stream.write(`sweep: ${text(f, runs)}\n`);
      const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 50));
      const filled = Math.round(Math.min(1, f) * width);
      stream.write(`\rsweep [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text(f, runs)}\x1b[K`);
    },
    done() {
      if (tty) stream.write('\r\x1b[K');
    },
  };
}
