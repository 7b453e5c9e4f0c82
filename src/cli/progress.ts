// A progress bar on stderr, drawn only when stderr is a terminal (never in pipes, files or CI)
// and redrawn at most ten times a second.
import { t } from './messages';
import { n } from './numbers';

export interface Progress {
  update(done: number): void;
  done(): void;
}

export function progressBar(total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= 0) return { update: () => {}, done: () => {} };
  const start = Date.now();
  let last = 0;
  const draw = (done: number) => {
    const f = Math.min(1, Math.max(0, done / total));
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50));
    const filled = Math.round(f * width);
    const elapsed = (Date.now() - start) / 1000;
    const eta = f > 0 && f < 1 ? ` ${t('cli.progress.left', { seconds: n(Math.ceil((elapsed * (1 - f)) / f)) })}` : '';
    stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(f * 100)}%${eta}\x1b[K`);
  };
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}

/** Most cells placed without a progress bar. */
const QUIET_PLACEMENT = 20_000;

/** A progress bar for placing a large scenario's cells (createModel's onPlacing), or none. */
export function placingProgress(stream: NodeJS.WriteStream = process.stderr): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let bar: Progress | null = null;
  return (done, total) => {
    if (total < QUIET_PLACEMENT) return;
    bar ??= progressBar(total, t('cli.progress.placing', { cells: n(total) }), stream);
    bar.update(done);
    if (done >= total) bar.done();
  };
}
