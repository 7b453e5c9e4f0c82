// Runs a sweep's remaining tasks on the worker pool: appends each finished run's row to the
// results file, draws progress, and on SIGINT/SIGTERM keeps what is written and says how to
// resume. Returns the engine warnings (at most 11, "run N: step S: …") for the caller to print.
import { CliError, EXIT } from '../errors';
import type { SweepPlan } from './plan';
import { runPool, RunFailed } from './pool';
import { sweepProgress } from './progress';
import type { RunTask } from './protocol';
import type { ResultsWriter } from './results';
import { rowFor } from './rows';

export async function execute(plan: SweepPlan, tasks: readonly RunTask[], writer: ResultsWriter, o: { workers: number; seriesDir?: string }): Promise<string[]> {
  const warnings: string[] = [];
  const byRun = new Map(tasks.map((t) => [t.run, t]));
  const partial = new Map<number, number>();
  const totalSteps = tasks.length * plan.steps;
  let doneRuns = 0;
  const bar = sweepProgress(tasks.length);
  const progress = () => {
    let steps = doneRuns * plan.steps;
    for (const s of partial.values()) steps += s;
    bar.update(totalSteps ? steps / totalSteps : 1, doneRuns);
  };
  const abort = new AbortController();
  const interrupted = (signal: NodeJS.Signals) => {
    abort.abort();
    bar.done();
    writer.close();
    process.stderr.write(`cellpost: interrupted (${signal}); ${writer.rows.size} runs are in ${writer.file}: run the same command with --resume to finish the sweep\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await runPool(tasks, {
      workers: o.workers,
      setup: { base: plan.base, steps: plan.steps, seriesDir: o.seriesDir, runDigits: String(plan.runs).length },
      signal: abort.signal,
      onProgress: (run, steps) => {
        partial.set(run, steps);
        progress();
      },
      onResult: (r) => {
        partial.delete(r.run);
        writer.add(rowFor(plan, byRun.get(r.run)!, r));
        for (const w of r.warnings) if (warnings.length < 11) warnings.push(`run ${r.run}: ${w}`);
        doneRuns++;
        progress();
      },
    });
  } catch (e) {
    bar.done();
    writer.close();
    if (e instanceof RunFailed) {
      const sets = e.task.sets.map((s) => `${s.path}=${JSON.stringify(s.value)}`).join(', ');
      throw new CliError(`run ${e.task.run} (seed ${e.task.seed}${sets ? `, ${sets}` : ''}) failed: ${e.message}; the runs finished so far are in ${writer.file} (--resume continues)`, EXIT.internal);
    }
    throw e;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
  bar.done();
  writer.finish();
  return warnings;
}
