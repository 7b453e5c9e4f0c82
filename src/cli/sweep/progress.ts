// Progress of a sweep on stderr: on a terminal, one redrawn line with a bar, runs done and the
// time left; otherwise (a log file, a cluster job) a plain line about once a minute.
import { t } from '../messages';
import { etaText } from '../../lab';
import { n } from '../numbers';

export interface SweepProgress {
  update(fraction: number, runsDone: number): void;
  done(): void;
}

export function sweepProgress(totalRuns: number, stream: NodeJS.WriteStream = process.stderr, plainEveryMs = 60_000): SweepProgress {
  const start = Date.now();
  const tty = stream.isTTY === true;
  let last = tty ? 0 : start;
  const text = (f: number, runs: number) => t('cli.sweep.progress', { runs: n(runs), total: n(totalRuns), percent: n(Math.floor(f * 100)), eta: etaText(f, (Date.now() - start) / 1000) });
  return {
    update(f, runs) {
      const now = Date.now();
      if (now - last < (tty ? 100 : plainEveryMs)) return;
      last = now;
      if (!tty) return void stream.write(`${t('cli.sweep.start', { what: text(f, runs) })}\n`);
      const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 50));
      const filled = Math.round(Math.min(1, f) * width);
      stream.write(`\r${t('cli.sweep.bar', { bar: `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`, what: text(f, runs) })}\x1b[K`);
    },
    done() {
      if (tty) stream.write('\r\x1b[K');
    },
  };
}
