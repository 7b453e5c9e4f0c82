// Runs a sweep's remaining runs on the lab's pool of worker threads: appends each finished run's
// row to the results file (and its series to --per-run-series), draws progress, and on
// SIGINT/SIGTERM keeps what is written and says how to resume. Returns the engine warnings (at
// most 11, "run N: step S: …") for the caller to print.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rowFor, runOf, startPool, type PlannedRun, type PoolEnd, type PoolHandle, type SweepPlan } from '../../lab';
import { CliError, EXIT } from '../errors';
import { t } from '../messages';
import { n } from '../numbers';
import { sweepProgress } from './progress';
import type { ResultsWriter } from './results';
import { startThread } from './thread';

/** The file a run's series goes to, e.g. run-007.csv. */
export function seriesFileName(run: number, digits: number): string {
  // i18n-exempt: a file name, the same in every language
  return `run-${String(run).padStart(digits, '0')}.csv`;
}

export async function execute(plan: SweepPlan, tasks: readonly PlannedRun[], writer: ResultsWriter, o: { workers: number; seriesDir?: string }): Promise<string[]> {
  const warnings: string[] = [];
  const digits = String(plan.runs).length;
  const bar = sweepProgress(tasks.length);
  let pool: PoolHandle | null = null;
  const interrupted = (signal: NodeJS.Signals) => {
    pool?.cancel();
    bar.done();
    writer.close();
    process.stderr.write(`cellpost: ${t('cli.sweep.interrupted', { signal, runs: n(writer.rows.size), file: writer.file })}\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let end: PoolEnd;
  try {
    end = await new Promise<PoolEnd>((resolve) => {
      pool = startPool({
        start: startThread,
        setup: { kind: 'sweep', base: plan.base, hours: plan.hours, series: o.seriesDir !== undefined },
        tasks,
        workers: o.workers,
        onProgress: (fraction, done) => bar.update(fraction, done),
        onResult: (r) => {
          writer.add(rowFor(plan, runOf(plan, r.run), r));
          if (o.seriesDir !== undefined && r.series !== undefined) writeFileSync(join(o.seriesDir, seriesFileName(r.run, digits)), r.series);
          for (const w of r.warnings) if (warnings.length < 11) warnings.push(t('cli.sweep.runWarning', { run: n(r.run), message: w }));
        },
        onEnd: resolve,
      });
    });
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    bar.done();
  }
  if (end.kind !== 'done') {
    writer.close();
    const task = end.kind === 'failed' ? end.task : null;
    const sets = task ? [task.seed, ...task.sets.map((s) => `${s.path}=${JSON.stringify(s.value)}`)].join(', ') : '';
    const why = end.kind === 'failed' ? end.message : t('cli.sweep.cancelled');
    const params = { run: task ? n(task.run) : '', sets, why, file: writer.file };
    throw new CliError(task ? t('cli.sweep.runFailed', params) : t('cli.sweep.someRunFailed', params), EXIT.internal);
  }
  writer.finish();
  return warnings;
}
